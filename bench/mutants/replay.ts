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
  const failures = [...run.output.matchAll(/^\d+\) Scenario: (.+?) #/gm)].map((match) => match[1] ?? '');
  const messages = [...run.output.matchAll(/^\s+(?:AssertionError[^:]*|Error): (.+)$/gm)].map((match) => match[1] ?? '');
  return { killer: 'suite', red: run.status !== 0, failures: failures.map((name, index) => `${name}: ${messages[index] ?? ''}`) };
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
