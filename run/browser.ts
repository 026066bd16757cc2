/** Starts the Chromium that checks Sundhedsjournalen (see browser-executable.ts for which one). */
import type { Browser } from 'playwright';
import { browserMissingMessage, browserStartHint, findBrowserExecutable, type BrowserExecutable } from './browser-executable';

/** For a system or custom Chromium; Playwright's own build needs none of them. */
export const SYSTEM_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** Default true; set false to watch the browser (needs a display). */
  headless?: boolean;
  /** Further command-line flags for Chromium (benchmarks of launch flags). */
  extraArgs?: readonly string[];
}

/**
 * Launches headless Chromium. Playwright's own signal handlers are off (they would exit the process before
 * the suite's cleanup runs): whoever launches closes the browser from their own shutdown path.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executable = findBrowserExecutable({ headed: !(options.headless ?? true) });
  if (!executable) throw new Error(browserMissingMessage());
  const headless = options.headless ?? true;
  // Loaded when a browser is launched: cucumber's coordinator loads the step code of a parallel run but launches none.
  const { chromium } = require('playwright') as typeof import('playwright');
  try {
    return await chromium.launch({
      executablePath: executable.path,
      headless,
      args: [...launchArgs(executable, headless), ...(options.extraArgs ?? [])],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new Error(`Found ${executable.description}, but it does not start: ${(error as Error).message}\n${browserStartHint(executable)}`);
  }
}

function launchArgs(executable: BrowserExecutable, headless: boolean): string[] {
  if (executable.source === 'playwright') return [];
  return [...(headless ? ['--headless'] : []), ...SYSTEM_CHROMIUM_ARGS];
}
