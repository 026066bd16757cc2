/**
 * Runs one stub by name: `node --import tsx stubs/main.ts <name>` (or the bundled `main.js` in the image).
 * Configuration comes from environment variables (see each stub's config.ts); PORT and HOST say where it listens.
 * Prints one line `lokalsvar stub <name> listening on <url>` when ready; stops cleanly on SIGTERM and SIGINT.
 */
import { STUB_NAMES, STUBS, isStubName } from './registry';
import { startStub } from './start-stub';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!isStubName(name)) {
    console.error(`Unknown stub "${name}". Give one of: ${STUB_NAMES.join(', ')}`);
    process.exit(2);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : STUBS[name].defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT} is not a port number (0-65535)`);
    process.exit(2);
  }
  const stub = await startStub(name, process.env, { host: process.env.HOST ?? '127.0.0.1', port });
  console.log(`lokalsvar stub ${name} listening on ${stub.url}`);
  const stop = (): void => {
    stub.close().then(
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
