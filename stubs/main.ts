/**
 * Runs one stub by name: `node --import tsx stubs/main.ts <name>` (or the bundled `main.js` in the image).
 * Configuration comes from environment variables (see each stub's config.ts); PORT and HOST say where it listens.
 * Prints one line `lokalsvar stub <name> listening on <url>` when ready; stops cleanly on SIGTERM and SIGINT.
 *
 * `wiremock-gate` is no stub but runs the same way: the token gate in front of WireMock in containers mode
 * (stubs/wiremock-gate/gate.ts), passing on to WIREMOCK_GATE_UPSTREAM only requests with LOKALSVAR_TOKEN.
 */
import { ACCESS_TOKEN_ENV } from '../contracts/access';
import { STUB_NAMES, STUBS, isStubName } from './registry';
import { startStub } from './start-stub';
import { startWireMockGate, WIREMOCK_GATE_NAME, WIREMOCK_GATE_UPSTREAM_ENV } from './wiremock-gate/gate';

interface Running {
  url: string;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!isStubName(name) && name !== WIREMOCK_GATE_NAME) {
    console.error(`Unknown stub "${name}". Give one of: ${[...STUB_NAMES, WIREMOCK_GATE_NAME].join(', ')}`);
    process.exit(2);
  }
  const defaultPort = isStubName(name) ? STUBS[name].defaultPort : 0;
  const port = process.env.PORT ? Number(process.env.PORT) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT} is not a port number (0-65535)`);
    process.exit(2);
  }
  const listen = { host: process.env.HOST ?? '127.0.0.1', port };
  const running: Running = isStubName(name)
    ? await startStub(name, process.env, listen)
    : await startWireMockGate(process.env[WIREMOCK_GATE_UPSTREAM_ENV] ?? '', process.env[ACCESS_TOKEN_ENV] ?? '', listen);
  console.log(`lokalsvar stub ${name} listening on ${running.url}`);
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
