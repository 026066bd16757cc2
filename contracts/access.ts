/**
 * Who may use the platform's systems when they listen beyond loopback (a test camp's `lokalsvar stubs --host
 * 0.0.0.0`, the ports containers mode publishes). One home for the rules; stubs/common/access.ts enforces them.
 *
 * * With an access token configured (LOKALSVAR_TOKEN), every read and control endpoint demands
 *   `Authorization: Bearer <token>`, whatever address the request comes from; 401 otherwise.
 * * Open all the same: OPEN_ROUTES (what an LPS sends to, and health checks), and paths no route serves (their
 *   not-found answer reveals nothing; the hub's is a negative receipt an LPS with a wrong path can read).
 * * The databanks' writing routes (HUB_ONLY_DATABANK_ROUTES) take requests from the hub only: each carries
 *   HUB_SIGNATURE_HEADER, an HMAC-SHA256 of method, path and body under a key only the hub and the databanks have
 *   (LOKALSVAR_HUB_KEY, generated per environment), so nobody can upload past the hub's test-CPR guard. A signature
 *   read from WireMock's journal only repeats what the hub already sent.
 * * Without a token (loopback), nothing is asked of anyone but the hub.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DATABANK_PATHS } from './databank';
import { PLSP_PATHS } from './plsp';

/** Environment variable (of `lokalsvar stubs`, the stubs, and a suite run against them) holding the access token. */
export const ACCESS_TOKEN_ENV = 'LOKALSVAR_TOKEN';
/** Environment variable of the hub and the databanks holding the hub's signing key. */
export const HUB_KEY_ENV = 'LOKALSVAR_HUB_KEY';

/** The header the token travels in, as `Bearer <token>`. */
export const ACCESS_TOKEN_HEADER = 'authorization';
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
/** Headers that carry the token; none without one. */
export function accessHeaders(token: string | undefined): Record<string, string> {
  return token ? { [ACCESS_TOKEN_HEADER]: bearer(token) } : {};
}

export interface Route {
  method: string;
  url: string;
}

/** Open without the token: the LPS-facing interface and health checks. */
export const OPEN_ROUTES: readonly Route[] = [
  { method: 'POST', url: PLSP_PATHS.xrpt },
  { method: 'GET', url: '/health' },
  { method: 'HEAD', url: '/health' },
];

/** Routes of a databank only the hub may call (they need the hub's signature, not the token). */
export const HUB_ONLY_DATABANK_ROUTES: readonly Route[] = [
  { method: 'POST', url: DATABANK_PATHS.upload },
  { method: 'DELETE', url: DATABANK_PATHS.undoUpload },
  { method: 'POST', url: DATABANK_PATHS.cancellations },
];

export const HUB_SIGNATURE_HEADER = 'x-lokalsvar-hub-signature';

/** The hub's signature of one request to a databank; `path` as the databank sees it (no WireMock prefix). */
export function hubSignature(key: string, method: string, path: string, body: string | Uint8Array): string {
  return createHmac('sha256', key).update(`${method.toUpperCase()} ${path}\n`).update(body).digest('hex');
}

export function hubSignatureValid(key: string, method: string, path: string, body: string | Uint8Array, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(hubSignature(key, method, path, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True for an address only this machine reaches (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
