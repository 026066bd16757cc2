/**
 * Replays the planted bugs of issue 8, one at a time: applies a patch, runs the killers, reverts the patch, and
 * prints per bug which killers turned red. A measurement, not a test. Run it in a scratch copy of the tree (it
 * changes files while it runs): the working tree must be clean.
 *
 *   npx tsx bench/mutants/replay.ts [patch-name-prefix ...]
 *     MUTANT_KILLERS="platform,suite"   which killers to run (default both)
 *     MUTANT_SUITE_ARGS='["--tags", "@krav:LABA-06 or @krav:MON-01"]'  extra cucumber arguments (a JSON list)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = __dirname;
/** How many lines of a scenario's failure message after its first line the replay prints. */
const MAX_DETAIL_LINES = 8;
const PLATFORM_TESTS = ['test/stubs', 'test/drivers', 'test/steps', 'test/medcom/compose-clinic-report.test.ts'];

interface Verdict {
  killer: string;
  red: boolean;
  /** Failed tests or scenarios, as their runner names them. */
  failures: string[];
}

function sh(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): { status: number; output: string } {
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...extraEnv }, maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

function platform(): Verdict {
  const files = PLATFORM_TESTS.flatMap((entry) =>
    entry.endsWith('.ts') ? [entry] : readdirSync(path.join(ROOT, entry)).filter((file) => file.endsWith('.test.ts')).map((file) => `${entry}/${file}`),
  );
  const run = sh(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files]);
  const failures = [...run.output.matchAll(/^\s*not ok \d+ - (.+)$/gm)].map((match) => match[1] ?? '').filter((name) => !/\.test\.ts$/.test(name));
  return { killer: 'platform', red: run.status !== 0, failures };
}

function suite(): Verdict {
  const extra = JSON.parse(process.env.MUTANT_SUITE_ARGS ?? '[]') as string[];
  const run = sh(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/run-suite.ts', 'local', '--format', 'summary', ...extra]);
  const chunks = run.output.split(/^(?=\d+\) Scenario: )/m).slice(1);
  return { killer: 'suite', red: run.status !== 0, failures: chunks.map((chunk) => `${/^\d+\) Scenario: (.+?) #/.exec(chunk)?.[1] ?? ''}: ${firstError(chunk)}`) };
}

/** The scenario's first error: its message line and the detail lines after it (the row by row differences), not the stack. */
function firstError(chunk: string): string {
  const lines = chunk.split('\n');
  const start = lines.findIndex((line) => /^\s+(?:AssertionError[^:]*|Error): /.test(line));
  if (start < 0) return '';
  const first = (lines[start] ?? '').replace(/^\s+(?:AssertionError[^:]*|Error): /, '');
  const details = [];
  for (const line of lines.slice(start + 1, start + 1 + MAX_DETAIL_LINES)) {
    if (/^\s+at /.test(line) || line.trim() === '' || /^\s+[+-] |^\s+\+ actual/.test(line)) break;
    details.push(line.trim());
  }
  return [first, ...details].join('\n      ');
}

function main(): number {
  if (sh('git', ['status', '--porcelain', '--untracked-files=no']).output.trim() !== '') {
    console.error('The working tree has changes: commit them, or run the replay in a scratch copy of the tree.');
    return 2;
  }
  const wanted = process.argv.slice(2);
  const patches = readdirSync(HERE)
    .filter((file) => file.endsWith('.patch'))
    .filter((file) => wanted.length === 0 || wanted.some((prefix) => file.startsWith(prefix)))
    .sort();
  const killers = (process.env.MUTANT_KILLERS ?? 'platform,suite').split(',');
  for (const patch of patches) {
    const file = path.join(HERE, patch);
    const applied = sh('git', ['apply', file]);
    if (applied.status !== 0) {
      console.log(`${patch}: does not apply any more (${applied.output.trim()}); refresh it against the current code`);
      continue;
    }
    try {
      const verdicts = killers.map((killer) => (killer === 'platform' ? platform() : suite()));
      const killedBy = verdicts.filter((verdict) => verdict.red);
      console.log(`${patch}: ${killedBy.length > 0 ? `KILLED by ${killedBy.map((verdict) => verdict.killer).join(' and ')}` : 'SURVIVED'}`);
      for (const verdict of killedBy) for (const failure of verdict.failures) console.log(`  ${verdict.killer}: ${failure}`);
    } finally {
      sh('git', ['apply', '-R', file]);
    }
  }
  return 0;
}

process.exitCode = main();
