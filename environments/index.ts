/**
 * Picks where the systems run: E2E_ENV=local (default, in-process), containers (testcontainers), or remote
 * (already running elsewhere; E2E_PRESET names the preset file).
 */
import { environmentKind, type Environment, type EnvironmentKind, type EnvironmentOptions } from './environment';
import { startLocalEnvironment, type LocalListenOptions } from './local';
import { startRemoteEnvironment } from './remote';

export { environmentKind };

/** listen.ports fixes host ports (in containers mode too); listen.host applies to the in-process stubs. */
export async function startEnvironment(kind: EnvironmentKind, options: EnvironmentOptions = {}, listen: LocalListenOptions = {}): Promise<Environment> {
  switch (kind) {
    case 'local':
      return startLocalEnvironment(options, listen);
    case 'containers': {
      // Loaded only when asked for: testcontainers reads its settings from the environment when it is loaded.
      const containers = require('./containers') as typeof import('./containers');
      return containers.startContainersEnvironment(options, listen.ports ? { hostPorts: listen.ports } : {});
    }
    case 'remote':
      return startRemoteEnvironment();
  }
}
