/**
 * Starts one stub's HTTP app on a host and port; the same code runs it in-process and in a container. Access rules
 * (LOKALSVAR_TOKEN, LOKALSVAR_HUB_KEY: contracts/access.ts) apply to every stub started here.
 */
import { installAccessGuard, readAccessRules } from './common/access';
import type { Env } from './common/config';
import { STUBS, type StubName } from './registry';

export interface RunningStub {
  name: StubName;
  /** Base URL, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export async function startStub(name: StubName, env: Env, listen: { host: string; port: number }): Promise<RunningStub> {
  const app = await STUBS[name].build(env);
  installAccessGuard(app, readAccessRules(env, STUBS[name].hubOnlyRoutes), name);
  await app.listen({ host: listen.host, port: listen.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const host = listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host;
  let closing: Promise<void> | undefined;
  return {
    name,
    url: `http://${host}:${port}`,
    close: () => (closing ??= app.close()),
  };
}
