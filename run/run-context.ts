/** What one cucumber run (one worker) shares between scenarios: the environment, the browser and its page. */
import type { Browser } from 'playwright';
import type { Environment } from '../environments/environment';
import type { SharedPage } from './shared-page';
import type { AnswerServer } from './tester-channel';

export interface RunContext {
  environment: Environment;
  browser: Browser;
  /** The browser page scenarios take turns with (run/shared-page.ts). */
  page: SharedPage;
  /** The tester channel's answer server (vendor mode only). */
  tester?: AnswerServer;
}

let current: RunContext | undefined;

export function setRunContext(context: RunContext | undefined): void {
  current = context;
}

export function runContext(): RunContext {
  if (!current) throw new Error('The environment is not started: BeforeAll in steps/hooks.ts failed or did not run');
  return current;
}
