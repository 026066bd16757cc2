/** `lokalsvar --help` and `<command> --help` list every option with an example; a wrong command line names what is wrong and exits 2. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { COMMANDS, runCli } from '../../cli/main';
import { stubSettings } from '../../cli/stub-settings';
import { UsageError } from '../../cli/command';

const ROOT = path.resolve(__dirname, '../..');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('lokalsvar --help names every command, exit 0', async () => {
  for (const flag of ['--help', '-h']) {
    const { code, out } = await run(flag);
    assert.equal(code, 0);
    for (const command of COMMANDS) assert.match(out, new RegExp(`^  ${command.spec.name} `, 'm'), `${command.spec.name} is not in the overview`);
  }
});

test('every command answers --help with exit 0, every option it takes and an example of each', async () => {
  for (const command of COMMANDS) {
    const { code, out } = await run(command.spec.name, '--help');
    assert.equal(code, 0, `lokalsvar ${command.spec.name} --help`);
    assert.match(out, new RegExp(`^Brug: lokalsvar ${command.spec.name}`, 'm'));
    for (const option of command.spec.options) {
      assert.match(out, new RegExp(`^  (-\\w, )?--${option.name}\\b`, 'm'), `--${option.name} is not in lokalsvar ${command.spec.name} --help`);
      assert.ok(out.includes(`fx: ${option.example}`), `no example for --${option.name} in lokalsvar ${command.spec.name} --help`);
    }
    assert.match(out, /^Eksempler:\n  lokalsvar /m);
  }
});

test('lokalsvar stubs --help lists the options the old usage left out', async () => {
  const { out } = await run('stubs', '--help');
  for (const option of ['--wiremock-port', '--approved', '--data', '--host', '--containers', '--plsp-port']) assert.ok(out.includes(option), `${option} missing`);
});

test('lokalsvar stubs declares (so parses and documents) every option it reads', () => {
  const names = COMMANDS.find((command) => command.spec.name === 'stubs')!.spec.options.map((option) => option.name);
  for (const name of ['containers', 'host', 'approved', 'data', 'plsp-port', 'laba-port', 'miba-port', 'labportal-port', 'sundhedsjournal-port', 'pilot-lps-port', 'wiremock-port']) {
    assert.ok(names.includes(name), `lokalsvar stubs does not declare --${name}`);
  }
});

test('an unknown option is named, exit 2, and nothing starts', async () => {
  const { code, err } = await run('stubs', '--plsp-prot', '9701');
  assert.equal(code, 2);
  assert.match(err, /lokalsvar stubs: ukendt tilvalg --plsp-prot/);
  assert.match(err, /Se: lokalsvar stubs --help/);
});

test('a bad value is named with what to give, exit 2', async () => {
  for (const [args, pattern] of [
    [['stubs', '--wiremock-port', 'abc'], /--wiremock-port abc: giv et helt tal fra 1 til 65535/],
    [['stubs', '--plsp-port', '70000'], /--plsp-port 70000: giv et helt tal/],
    [['stubs', '--host'], /tilvalget --host mangler en værdi/],
    [['stubs', '--approved', ' , '], /--approved: giv mindst ét LPS-system/],
    [['stubs', '--containers=ja'], /tilvalget --containers tager ingen værdi/],
    [['stubs', '--data', '/tmp/x', '--containers'], /--data .*--containers/],
    [['stubs', 'ekstra'], /uventet argument "ekstra"/],
  ] as const) {
    const { code, err } = await run(...args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, pattern, args.join(' '));
  }
});

test('an unknown command is named, exit 2; no command at all shows the overview, exit 2', async () => {
  const unknown = await run('start');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /ukendt kommando "start"/);
  const none = await run();
  assert.equal(none.code, 2);
  assert.match(none.err, /^Brug: lokalsvar <kommando>/);
});

test('valider --help is help, not a file; valider without a file is a usage error', async () => {
  const help = await run('valider', '--help');
  assert.equal(help.code, 0);
  assert.doesNotMatch(help.out, /--help: kan ikke læses/);
  const none = await run('valider');
  assert.equal(none.code, 2);
  assert.match(none.err, /giv mindst én fil/);
});

test('the stubs get the hub settings from the environment, and --data a file per system', () => {
  const settings = stubSettings({ PLSP_TEST_CPRS_ONLY: 'false', PLSP_FORWARD_ATTEMPTS: '5', HOME: '/root' }, '/tmp/lokalsvar-settings-test');
  assert.deepEqual(settings.plsp, { PLSP_TEST_CPRS_ONLY: 'false', PLSP_FORWARD_ATTEMPTS: '5', PLSP_DB: '/tmp/lokalsvar-settings-test/plsp.sqlite' });
  assert.deepEqual(settings.laba, { DATABANK_DB: '/tmp/lokalsvar-settings-test/laba.sqlite' });
  assert.deepEqual(settings.miba, { DATABANK_DB: '/tmp/lokalsvar-settings-test/miba.sqlite' });
  assert.throws(() => stubSettings({ DATABANK_DB: 'x.sqlite' }, undefined), (error: unknown) => error instanceof UsageError && /DATABANK_DB=x\.sqlite.*--data/.test(error.message));
});

test('the installed bin answers --help with exit 0 and a wrong option with exit 2', () => {
  const bin = path.join(ROOT, 'bin/lokalsvar.cjs');
  const help = spawnSync(process.execPath, [bin, 'stubs', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /--wiremock-port PORT/);
  const wrong = spawnSync(process.execPath, [bin, 'valider', '--strict'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(wrong.status, 2, wrong.stderr);
  assert.match(wrong.stderr, /ukendt tilvalg --strict/);
});

test('lokalsvar help <command> is the same as lokalsvar <command> --help', async () => {
  for (const command of COMMANDS) {
    const viaHelp = await run('help', command.spec.name);
    assert.equal(viaHelp.code, 0);
    assert.equal(viaHelp.out, (await run(command.spec.name, '--help')).out);
  }
});
