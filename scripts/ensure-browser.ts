/**
 * Makes sure the suite has a Chromium before it starts (`npm run e2e` runs this first):
 *   1. a Chromium is found (run/browser-executable.ts) -> it is started once to prove it works, exit 0;
 *   2. else `npx playwright install chromium` (at most 120 s, output shown);
 *   3. else, as root on Debian, `apt-get install -y chromium-headless-shell` (after `apt-get update` if the first try
 *      fails);
 *   4. else exit 1 with the commands a person can run.
 * Usage: npx tsx scripts/ensure-browser.ts. scripts/run-suite.ts runs it only when no Chromium is found; a Chromium
 * that is there but does not start is reported by launchBrowser (run/browser.ts) when the suite starts it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchBrowser } from '../run/browser';
import { browserMissingMessage, findBrowserExecutable, type BrowserExecutable } from '../run/browser-executable';

const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 120_000;
const APT_UPDATE_TIMEOUT_MS = 120_000;
const APT_INSTALL_TIMEOUT_MS = 300_000;

interface Command {
  /** As a person would type it. */
  shown: string;
  file: string;
  args: string[];
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

async function main(): Promise<number> {
  let found = lookUp();
  if (!found) {
    console.log('No Chromium found for the suite; trying to install one.');
    found = await installWith([playwrightInstall()]);
    if (!found && canUseApt()) {
      found =
        (await installWith([aptCommand(['install', '-y', 'chromium-headless-shell'], APT_INSTALL_TIMEOUT_MS)])) ??
        (await installWith([
          aptCommand(['update'], APT_UPDATE_TIMEOUT_MS),
          aptCommand(['install', '-y', 'chromium-headless-shell'], APT_INSTALL_TIMEOUT_MS),
        ]));
    }
  }
  if (!found) {
    console.error(browserMissingMessage());
    return 1;
  }
  return (await startsCleanly(found)) ? 0 : 1;
}

/** The resolution, with a misconfigured PLAYWRIGHT_CHROMIUM_EXECUTABLE reported and not "fixed" by installing. */
function lookUp(): BrowserExecutable | undefined {
  try {
    return findBrowserExecutable();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** Runs the commands in order, stopping at the first failure; then looks again. */
async function installWith(commands: readonly Command[]): Promise<BrowserExecutable | undefined> {
  for (const command of commands) {
    if (!(await run(command))) return undefined;
  }
  return lookUp();
}

async function startsCleanly(found: BrowserExecutable): Promise<boolean> {
  try {
    const browser = await launchBrowser();
    const version = browser.version();
    await browser.close();
    console.log(`Browser for the suite: ${found.description}, Chromium ${version}`);
    return true;
  } catch (error) {
    console.error((error as Error).message);
    return false;
  }
}

function playwrightInstall(): Command {
  const cli = join(dirname(require.resolve('playwright/package.json')), 'cli.js');
  return {
    shown: 'npx playwright install chromium',
    file: process.execPath,
    args: [cli, 'install', 'chromium'],
    timeoutMs: PLAYWRIGHT_INSTALL_TIMEOUT_MS,
  };
}

function aptCommand(args: string[], timeoutMs: number): Command {
  return { shown: `apt-get ${args.join(' ')}`, file: 'apt-get', args, timeoutMs, env: APT_ENV };
}

function canUseApt(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (!isRoot || !isDebian) {
    console.log(`Not trying apt-get (${!isDebian ? 'not Debian' : 'not root'}).`);
  }
  return isRoot && isDebian;
}

/**
 * Runs one command with its output shown, killed (with its children) after its time limit.
 * It gets its own process group so that the whole group can be stopped; Ctrl-C is passed on.
 */
function run(command: Command): Promise<boolean> {
  console.log(`$ ${command.shown}`);
  return new Promise((resolve) => {
    const child = spawn(command.file, command.args, { stdio: 'inherit', detached: true, env: command.env ?? process.env });
    const stopGroup = (): void => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    const timer = setTimeout(() => {
      console.error(`"${command.shown}" did not finish within ${command.timeoutMs / 1000} s; stopped.`);
      stopGroup();
    }, command.timeoutMs);
    const onInterrupt = (): void => {
      stopGroup();
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    let finished = false;
    const finish = (ok: boolean, why: string): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      process.removeListener('SIGINT', onInterrupt);
      if (!ok) console.error(`"${command.shown}" failed: ${why}`);
      resolve(ok);
    };
    child.once('error', (error) => finish(false, error.message));
    child.once('exit', (code, signal) => finish(code === 0, signal ? `stopped by ${signal}` : `exit code ${code}`));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
