/**
 * The platform's command line, `lokalsvar <kommando>`: one file per command (valider.ts, stubs.ts, testcamp.ts,
 * sammenlign.ts), the shared
 * option parsing and help in command.ts; this file picks the command and turns usage errors into exit code 2.
 * The process entry is lokalsvar.ts.
 */
import { helpText, parseCommand, USAGE_EXIT, UsageError, type CommandSpec, type Output, type ParsedCommand } from './command';
import { SAMMENLIGN, sammenlignCommand } from './sammenlign';
import { STUBS_SPEC, stubsCommand } from './stubs';
import { TESTCAMP_SPEC, testcampCommand } from './testcamp';
import { VALIDER, validerCommand } from './valider';

interface Command {
  spec: CommandSpec;
  run(parsed: ParsedCommand, output: Output): Promise<number>;
}

export const COMMANDS: readonly Command[] = [
  { spec: VALIDER, run: validerCommand },
  { spec: STUBS_SPEC, run: stubsCommand },
  { spec: TESTCAMP_SPEC, run: testcampCommand },
  { spec: SAMMENLIGN, run: sammenlignCommand },
];

export function overviewText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.spec.name.length)) + 2;
  return [
    'Brug: lokalsvar <kommando> [tilvalg]',
    '',
    'Kommandoer:',
    ...COMMANDS.map((command) => `  ${command.spec.name.padEnd(width)}${command.spec.summary}`),
    '',
    'Hjælp til en kommando: lokalsvar <kommando> --help (eller lokalsvar help <kommando>)',
    'Eksempler:',
    ...COMMANDS.map((command) => `  ${command.spec.examples[0]}`),
  ].join('\n');
}

/** Runs one command line; returns the exit code (0 ok, 2 wrong command line, else the command's own). */
export async function runCli(argv: string[], output: Output): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    output.err(overviewText());
    return USAGE_EXIT;
  }
  if (name === 'help' && args.length > 0) return runCli([...args, '--help'], output);
  if (name === '--help' || name === '-h' || name === 'help') {
    output.out(overviewText());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.spec.name === name);
  try {
    if (!command) throw new UsageError(`ukendt kommando "${name}"; kommandoerne er ${COMMANDS.map((known) => known.spec.name).join(', ')}`);
    const parsed = parseCommand(command.spec, args);
    if (parsed === 'help') {
      output.out(helpText(command.spec));
      return 0;
    }
    return await command.run(parsed, output);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const where = error.command ?? command?.spec.name;
    output.err(`lokalsvar${where ? ` ${where}` : ''}: ${error.message}`);
    output.err(`Se: lokalsvar${where ? ` ${where}` : ''} --help`);
    return USAGE_EXIT;
  }
}
