/**
 * Who is asking: the test leader (the leader token, printed when the camp starts) or one vendor's tester (the token
 * in their session's link). A token comes as `Authorization: Bearer <token>` or in the HttpOnly cookie set when a
 * link /adgang?token=... is opened. Only a hash of a vendor's token is stored; tokens are never logged (the app
 * logs nothing) and the link's query leaves the address bar at once (303 to the page).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CampStore, VendorSession } from './store';

export const ACCESS_COOKIE = 'lokalsvar_testcamp';
const LEADER_SETTING = 'leader-token';

export type Caller = { role: 'leader' } | { role: 'vendor'; session: VendorSession };

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The leader's token, made on the camp's first start and kept in its database (so the printed link stays valid). */
export function leaderToken(store: CampStore): string {
  const existing = store.setting(LEADER_SETTING);
  if (existing) return existing;
  const token = newToken();
  store.setSetting(LEADER_SETTING, token);
  return token;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

export function presentedToken(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '');
  return bearer?.[1] ?? cookieValue(request.headers.cookie, ACCESS_COOKIE);
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function callerFor(store: CampStore, token: string | undefined): Caller | undefined {
  if (!token) return undefined;
  if (sameToken(token, leaderToken(store))) return { role: 'leader' };
  const session = store.sessionByTokenHash(tokenHash(token));
  return session ? { role: 'vendor', session } : undefined;
}

export function accessCookie(token: string): string {
  return `${ACCESS_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** May the caller see this session? The leader sees every one, a vendor only their own. */
export function maySee(caller: Caller, sessionId: string): boolean {
  return caller.role === 'leader' || caller.session.id === sessionId;
}
