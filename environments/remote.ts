/**
 * E2E_ENV=remote: the systems already run elsewhere, e.g. a test camp's `npx lokalsvar stubs --host 0.0.0.0` on a
 * shared machine, and the suite runs against them. Where they are comes from a preset file (E2E_PRESET, a path;
 * environments/presets/ holds examples). Every system must answer its health check before the run starts.
 * The platform starts and stops nothing here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_TOKEN_ENV, accessHeaders } from '../contracts/access';
import { SYSTEMS, type EndpointName, type Environment } from './environment';

const ENDPOINTS: readonly EndpointName[] = [...SYSTEMS, 'wiremock'];
const DEFAULT_PRESET = path.join(__dirname, 'presets', 'lokalsvar-stubs.json');

export interface Preset {
  description?: string;
  urls: Record<EndpointName, string>;
  /** The access token the systems demand (contracts/access.ts); LOKALSVAR_TOKEN, when set, wins. */
  token?: string;
}

/** Reads and checks a preset: every system and WireMock named with an http(s) URL. Errors say which and where. */
export function readPreset(file: string): Preset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`E2E_PRESET ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const urls = (raw as { urls?: Record<string, unknown> } | null)?.urls;
  if (typeof urls !== 'object' || urls === null) throw new Error(`${file}: no "urls" object (see environments/presets/lokalsvar-stubs.json)`);
  const problems: string[] = [];
  for (const name of ENDPOINTS) {
    const url = urls[name];
    if (typeof url !== 'string') problems.push(`urls.${name} is missing`);
    else if (!/^https?:\/\/[^/]+/.test(url)) problems.push(`urls.${name} "${url}" is not an http(s) URL`);
  }
  const token = (raw as { token?: unknown }).token;
  if (token !== undefined && (typeof token !== 'string' || token === '')) problems.push('"token" is not a non-empty string (leave it out, or give the token lokalsvar stubs printed)');
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  const clean = Object.fromEntries(ENDPOINTS.map((name) => [name, String(urls[name]).replace(/\/+$/, '')])) as Record<EndpointName, string>;
  return {
    ...(typeof (raw as Preset).description === 'string' ? { description: (raw as Preset).description } : {}),
    urls: clean,
    ...(typeof token === 'string' ? { token } : {}),
  };
}

async function unhealthy(name: EndpointName, url: string, token: string | undefined): Promise<string | undefined> {
  const probe = name === 'wiremock' ? `${url}/__admin/health` : `${url}/health`;
  try {
    const response = await fetch(probe, { headers: accessHeaders(token), signal: AbortSignal.timeout(5_000) });
    if (response.status === 401) {
      return `${name} demands the access token at ${probe}: set ${ACCESS_TOKEN_ENV}, or "token" in the preset, to the token lokalsvar stubs printed`;
    }
    return response.ok ? undefined : `${name} answered ${response.status} at ${probe}`;
  } catch (error) {
    return `${name} does not answer at ${probe} (${(error as Error).message})`;
  }
}

export async function startRemoteEnvironment(file = process.env.E2E_PRESET || DEFAULT_PRESET): Promise<Environment> {
  const preset = readPreset(file);
  const { urls } = preset;
  const token = process.env[ACCESS_TOKEN_ENV] || preset.token;
  const problems = (await Promise.all(ENDPOINTS.map((name) => unhealthy(name, urls[name], token)))).filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new Error(`E2E_ENV=remote with ${file}: ${problems.join('; ')}`);
  return { kind: 'remote', urls, stop: async () => undefined, ...(token ? { accessToken: token } : {}) };
}
