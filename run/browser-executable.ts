/**
 * Which Chromium the suite drives, decided in one place for launchBrowser() and scripts/ensure-browser.ts:
 *   1. PLAYWRIGHT_CHROMIUM_EXECUTABLE, when set (it must exist);
 *   2. Playwright's own downloaded Chromium (`npx playwright install chromium`), when on disk;
 *   3. the system's Chromium (Debian: `apt-get install -y chromium`).
 */
import { existsSync } from 'node:fs';

export const EXECUTABLE_ENV = 'PLAYWRIGHT_CHROMIUM_EXECUTABLE';

/**
 * Debian's real binary first: /usr/bin/chromium is a shell wrapper that adds desktop flags (extensions,
 * GPU rasterisation) and runs a shared-memory check; /usr/lib/chromium/chromium is what it finally starts.
 */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

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
}

/** The commands that make a browser available, for error messages and the ensure script. */
export const INSTALL_COMMANDS: readonly string[] = [
  'npx playwright install chromium',
  'apt-get install -y chromium   (Debian/Ubuntu, as root)',
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
  const systemPath = (lookup.systemPaths ?? SYSTEM_CHROMIUM_PATHS).find((path) => exists(path));
  return systemPath === undefined ? undefined : { path: systemPath, source: 'system', description: `system Chromium (${systemPath})` };
}

function playwrightChromiumPath(): string | undefined {
  try {
    const { chromium } = require('playwright') as typeof import('playwright');
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
