/**
 * Picks where the systems run: E2E_ENV=local (default, in-process), containers (testcontainers), or remote
 * (already running elsewhere; E2E_PRESET names the preset file).
 */
import type { Environment, EnvironmentKind, EnvironmentOptions } from './environment';
import { startLocalEnvironment, type LocalListenOptions } from './local';
import { startRemoteEnvironment } from './remote';

export function environmentKind(value = process.env.E2E_ENV): EnvironmentKind {
  const kind = value === undefined || value === '' ? 'local' : value;
  if (kind === 'local' || kind === 'containers' || kind === 'remote') return kind;
  throw new Error(`E2E_ENV=${value} is not a mode: give local (the default), containers or remote`);
}

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
