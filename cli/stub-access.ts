/**
 * Which access token `lokalsvar stubs` demands (contracts/access.ts). On loopback none, unless one is given; beyond
 * loopback (--host other than a loopback address, or --containers, whose ports are published) always one: --token,
 * else LOKALSVAR_TOKEN, else a new one, printed once at start and nowhere else.
 */
import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_ENV, isLoopbackHost } from '../contracts/access';
import { UsageError } from './command';

export interface StubAccess {
  token: string;
  /** Where the token came from. */
  source: 'option' | 'environment' | 'generated';
}

export function accessTokenFor(given: { host: string; containers: boolean; token: unknown; env: NodeJS.ProcessEnv }): StubAccess | undefined {
  if (typeof given.token === 'string') {
    if (given.token.trim().length < 16) throw new UsageError('--token: giv mindst 16 tegn, fx --token "$(openssl rand -hex 24)"', 'stubs');
    return { token: given.token, source: 'option' };
  }
  const fromEnv = given.env[ACCESS_TOKEN_ENV];
  if (fromEnv) return { token: fromEnv, source: 'environment' };
  if (!given.containers && isLoopbackHost(given.host)) return undefined;
  return { token: randomBytes(24).toString('hex'), source: 'generated' };
}

/** What the start-up text says about access; the token itself only when it was generated (shown this once). */
export function accessText(access: StubAccess | undefined): string {
  if (access === undefined) return 'Adgang: kun fra denne maskine (loopback), uden token.';
  const how = `Alle læse- og styringsendepunkter kræver headeren "Authorization: Bearer <token>"; POST /plsp/v1/xrpt og /health er åbne.`;
  switch (access.source) {
    case 'generated':
      return `${how}\nToken (vises kun nu; giv det til dem, der kører scenarier: ${ACCESS_TOKEN_ENV}=<token>):\n  ${access.token}`;
    case 'environment':
      return `${how}\nToken: det i ${ACCESS_TOKEN_ENV}.`;
    case 'option':
      return `${how}\nToken: det givet med --token.`;
  }
}
