/**
 * Which Chromium the suite drives, decided in one place for launchBrowser() and scripts/ensure-browser.ts:
 *   1. PLAYWRIGHT_CHROMIUM_EXECUTABLE, when set (it must exist);
 *   2. Playwright's own downloaded Chromium (`npx playwright install chromium`), when on disk;
 *   3. the system's Chromium: Debian's headless shell (`apt-get install -y chromium-headless-shell`) when there, else
 *      Debian's full Chromium (`apt-get install -y chromium`).
 *
 * The headless shell is the Chromium Playwright itself uses for headless runs: the same engine (Blink, V8) without
 * the desktop browser around it. Full Chromium in its headless mode cost the suite about twice the CPU per look at
 * Sundhedsjournalen (bench/browser-cost.bench.ts: 0.84 s against 0.60 s a look without evidence; the whole suite
 * 49 s against 32 s of CPU), and on 2 cores the suite is bound by CPU.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export const EXECUTABLE_ENV = 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';

/**
 * The headless shell before full Chromium, and Debian's real binaries before their wrappers: /usr/bin/chromium is
 * a shell script that adds desktop flags (extensions, GPU rasterisation) and runs a shared-memory check;
 * /usr/lib/chromium/chromium is what it finally starts.
 */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
];

export type BrowserSource = 'env' | 'playwright' | 'system';

export interface BrowserExecutable {
  path: string;
  source: BrowserSource;
  /** For humans, e.g. "Debian's chromium (/usr/lib/chromium/chromium)". */
  description: string;
}

export interface ExecutableLookup {
  env?: Readonly<Record<string, string | undefined>>;
  exists?: (path: string) => boolean;
  /** Where Playwright keeps its own Chromium; by default asked from Playwright. */
  playwrightPath?: () => string | undefined;
  systemPaths?: readonly string[];
  /** A browser with a window is wanted: the headless shells have none, so they are passed over. */
  headed?: boolean;
}

/** The commands that make a browser available, for error messages and the ensure script. */
export const INSTALL_COMMANDS: readonly string[] = [
  'npx playwright install chromium',
  'apt-get install -y chromium-headless-shell   (Debian, as root; or chromium)',
  `${EXECUTABLE_ENV}=/path/to/chromium   (use a Chromium you already have)`,
];

export function browserMissingMessage(): string {
  return `No Chromium found for Playwright (looked at ${EXECUTABLE_ENV}, Playwright's own download and ${SYSTEM_CHROMIUM_PATHS.join(
    ', ',
  )}). Run one of:\n${INSTALL_COMMANDS.map((command) => `  ${command}`).join('\n')}\nor let "npx tsx scripts/ensure-browser.ts" try for you.`;
}

/** The Chromium to launch, or undefined when none is installed. Throws when the env variable names a missing file. */
export function findBrowserExecutable(lookup: ExecutableLookup = {}): BrowserExecutable | undefined {
  const env = lookup.env ?? process.env;
  const exists = lookup.exists ?? existsSync;
  const fromEnv = env[EXECUTABLE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!exists(fromEnv)) throw new Error(`${EXECUTABLE_ENV}=${fromEnv} does not exist: give the path of a Chromium executable or unset it`);
    return { path: fromEnv, source: 'env', description: `${EXECUTABLE_ENV} (${fromEnv})` };
  }
  const playwrightPath = (lookup.playwrightPath ?? playwrightChromiumPath)();
  if (playwrightPath !== undefined && exists(playwrightPath)) {
    return { path: playwrightPath, source: 'playwright', description: `Playwright's Chromium (${playwrightPath})` };
  }
  const systemPath = (lookup.systemPaths ?? SYSTEM_CHROMIUM_PATHS).find((candidate) => exists(candidate) && !(lookup.headed && isHeadlessShell(candidate)));
  return systemPath === undefined ? undefined : { path: systemPath, source: 'system', description: `system Chromium (${systemPath})` };
}

function isHeadlessShell(executable: string): boolean {
  return /headless-shell/.test(executable);
}

/**
 * Where Playwright keeps its browsers (PLAYWRIGHT_BROWSERS_PATH, else its per-user cache). Loading Playwright to ask
 * costs half a second, so it is asked only when that folder exists.
 */
function playwrightBrowsersFolder(env: Readonly<Record<string, string | undefined>>): string {
  const given = env.PLAYWRIGHT_BROWSERS_PATH;
  if (given !== undefined && given !== '' && given !== '0') return given;
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'), 'ms-playwright');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'ms-playwright');
}

function playwrightChromiumPath(): string | undefined {
  const env = process.env;
  // PLAYWRIGHT_BROWSERS_PATH=0 keeps the browsers inside node_modules: only Playwright knows where.
  if (env.PLAYWRIGHT_BROWSERS_PATH !== '0' && !existsSync(playwrightBrowsersFolder(env))) return undefined;
  try {
    const { chromium } = require('playwright') as typeof import('playwright');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** What to try when the Chromium found does not start. */
export function browserStartHint(executable: BrowserExecutable): string {
  return executable.source === 'playwright'
    ? "Playwright's Chromium may lack system libraries: run  npx playwright install-deps chromium  (as root)"
    : 'Try another Chromium: apt-get install -y chromium-headless-shell, npx playwright install chromium, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE';
}
