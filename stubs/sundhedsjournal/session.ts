/**
 * Who is logged in: an in-memory map from a random session token (the cookie) to the test person's CPR.
 * Stand-in for sundhed.dk's MitID session; it lives as long as the app.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'sj_session';

/** Oldest sessions are forgotten beyond this, so a long test camp cannot grow the map without bound. */
const MAX_SESSIONS = 10_000;

export class SessionStore {
  /** Token -> CPR. Looking up or closing `undefined` (no cookie) finds nothing, as for an unknown token. */
  private readonly sessions = new Map<string | undefined, string>();

  /** Starts a session for the CPR and returns its token. */
  open(cpr: string): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, cpr);
    if (this.sessions.size > MAX_SESSIONS) {
      const [oldest] = this.sessions.keys();
      this.sessions.delete(oldest);
    }
    return token;
  }

  cprOf(token: string | undefined): string | undefined {
    return this.sessions.get(token);
  }

  close(token: string | undefined): void {
    this.sessions.delete(token);
  }
}

/** The cookie header as name -> value (first occurrence wins, values URI-decoded when possible). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined) return cookies;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const raw = pair.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!cookies.has(name)) cookies.set(name, safeDecode(raw));
  }
  return cookies;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

export function expiredSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
