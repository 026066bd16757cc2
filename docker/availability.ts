/**
 * Quick check that a Docker engine answers (GET /_ping, then /version) within about 2 s, without loading
 * testcontainers, so containers mode can be skipped with a clear message where there is none. Also checks the
 * engine runs Linux containers of this machine's architecture: the image is made from this machine's node binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export type DockerAvailability = { ok: true; endpoint: string } | { ok: false; reason: string };

interface Endpoint {
  /** How the endpoint is named in messages, e.g. /var/run/docker.sock or tcp://host:2376. */
  label: string;
  request: http.RequestOptions;
  tls: boolean;
}

const HOW_TO_FIX =
  'install docker.io and start dockerd (nohup dockerd >/tmp/dockerd.log 2>&1 &), or set DOCKER_HOST to an engine that answers';

const ARCH_TO_DOCKER: Readonly<Record<string, string>> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };

export interface AvailabilityOptions {
  /** Per request; default 2000. */
  timeoutMs?: number;
  /** Default process.env (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, XDG_RUNTIME_DIR). */
  env?: NodeJS.ProcessEnv;
  /** Sockets tried after DOCKER_HOST; default /var/run/docker.sock and the rootless and Desktop ones. */
  sockets?: string[];
}

export async function dockerAvailable(options: AvailabilityOptions = {}): Promise<DockerAvailability> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const env = options.env ?? process.env;
  const failures: string[] = [];
  for (const candidate of candidateEndpoints(env, options.sockets ?? defaultSockets(env))) {
    if (typeof candidate === 'string') {
      failures.push(candidate);
      continue;
    }
    try {
      await get(candidate, '/_ping', timeoutMs);
      const version = JSON.parse(await get(candidate, '/version', timeoutMs)) as { Os?: string; Arch?: string };
      const mismatch = platformMismatch(version);
      if (mismatch) return { ok: false, reason: `the Docker engine at ${candidate.label} ${mismatch}` };
      return { ok: true, endpoint: candidate.label };
    } catch (error) {
      failures.push(`${candidate.label} (${(error as Error).message})`);
    }
  }
  return { ok: false, reason: `no Docker engine answers at ${failures.join(', ')}: ${HOW_TO_FIX}` };
}

function platformMismatch(version: { Os?: string; Arch?: string }): string | undefined {
  if (process.platform !== 'linux') {
    return `cannot run this machine's node binary (${process.platform}): containers mode needs a Linux machine`;
  }
  if (version.Os !== undefined && version.Os !== 'linux') return `runs ${version.Os} containers; containers mode needs Linux ones`;
  const expected = ARCH_TO_DOCKER[process.arch] ?? process.arch;
  if (version.Arch !== undefined && version.Arch !== expected) {
    return `runs ${version.Arch} containers but this node binary is ${expected}: run the engine on this machine`;
  }
  return undefined;
}

/**
 * Where testcontainers looks, in its order: DOCKER_HOST when set, then the usual sockets (it falls through to the
 * next when one fails, so this check does too). A string is a candidate that cannot be checked, and why.
 */
function candidateEndpoints(env: NodeJS.ProcessEnv, sockets: string[]): Array<Endpoint | string> {
  const candidates: Array<Endpoint | string> = [];
  if (env.DOCKER_HOST) {
    try {
      candidates.push(endpointFromUrl(env.DOCKER_HOST, env));
    } catch (error) {
      candidates.push((error as Error).message);
    }
  }
  for (const [index, socket] of sockets.entries()) {
    if (index === 0 || existsSync(socket)) candidates.push({ label: socket, request: { socketPath: socket }, tls: false });
  }
  return candidates;
}

function defaultSockets(env: NodeJS.ProcessEnv): string[] {
  const sockets = ['/var/run/docker.sock'];
  if (env.XDG_RUNTIME_DIR) sockets.push(path.join(env.XDG_RUNTIME_DIR, 'docker.sock'));
  sockets.push(path.join(os.homedir(), '.docker', 'run', 'docker.sock'), path.join(os.homedir(), '.docker', 'desktop', 'docker.sock'));
  return sockets;
}

function endpointFromUrl(dockerHost: string, env: NodeJS.ProcessEnv): Endpoint {
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    throw new Error(`DOCKER_HOST=${dockerHost} is not a URL: give e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375`);
  }
  if (url.protocol === 'unix:') return { label: url.pathname, request: { socketPath: url.pathname }, tls: false };
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = url.protocol === 'https:' || (env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0');
    const request: https.RequestOptions = { host: url.hostname, port: url.port || (tls ? 2376 : 2375) };
    if (tls) {
      const certs = env.DOCKER_CERT_PATH || path.join(os.homedir(), '.docker');
      const read = (file: string): Buffer | undefined => (existsSync(path.join(certs, file)) ? readFileSync(path.join(certs, file)) : undefined);
      Object.assign(request, { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') });
    }
    return { label: dockerHost, request, tls };
  }
  throw new Error(`DOCKER_HOST=${dockerHost} (only unix:// and tcp:// engines are checked)`);
}

function get(endpoint: Endpoint, requestPath: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = endpoint.tls ? https : http;
    const request = client.get({ ...endpoint.request, path: requestPath, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`${requestPath} answered ${response.statusCode}`)),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) => reject(new Error(error.code ?? error.message)));
  });
}

if (require.main === module) {
  dockerAvailable().then((result) => {
    console.log(result.ok ? `Docker engine answers at ${result.endpoint}` : result.reason);
    process.exitCode = result.ok ? 0 : 1;
  });
}
