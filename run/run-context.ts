/** What one cucumber run (one worker) shares between scenarios: the environment and the browser. */
import type { Browser } from 'playwright';
import type { Environment } from '../environments/environment';

export interface RunContext {
  environment: Environment;
  browser: Browser;
}

let current: RunContext | undefined;

export function setRunContext(context: RunContext | undefined): void {
  current = context;
}

export function runContext(): RunContext {
  if (!current) throw new Error('The environment is not started: BeforeAll in steps/hooks.ts failed or did not run');
  return current;
}
