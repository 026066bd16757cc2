/**
 * What every `lokalsvar` command shares: its options declared once (name, value, meaning, example), parsed with
 * node:util parseArgs from that declaration, and its help text written from the same declaration, so help and
 * parser cannot disagree. `--help` (`-h`) is every command's. A wrong option or value is a UsageError (exit 2) that
 * names the option. The command line speaks Danish, like the vendor guide (docs/leverandoer.md).
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder for the value in help, e.g. PORT. */
  value?: string;
  /** The default, as shown in help. */
  default?: string;
  description: string;
  /** A whole command line using the option. */
  example: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the overview. */
  summary: string;
  /** The synopsis after `lokalsvar `, e.g. `valider FIL.xml ...`. */
  synopsis: string;
  /** What the command does and answers (exit codes etc.), a few lines. */
  description: string;
  /** Positional arguments: refused when false. */
  positionals: boolean;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Exit code for a wrong command line. */
export const USAGE_EXIT = 2;

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

const HELP_OPTION: OptionSpec = {
  name: 'help',
  type: 'boolean',
  short: 'h',
  description: 'vis denne hjælp',
  example: '',
};

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The parsed command line, or 'help' when --help was given. Throws UsageError naming a wrong option. */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedCommand | 'help' {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: spec.positionals,
      options: Object.fromEntries(
        [...spec.options, HELP_OPTION].map((option) => [option.name, { type: option.type, ...(option.short ? { short: option.short } : {}) }]),
      ),
    });
  } catch (error) {
    throw new UsageError(translateParseError(error instanceof Error ? error.message : String(error)), spec.name);
  }
  if (parsed.values.help === true) return 'help';
  return { values: parsed.values as ParsedCommand['values'], positionals: parsed.positionals };
}

/** parseArgs' English messages, in the command line's language; each names the option. */
function translateParseError(message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `ukendt tilvalg ${unknown[1]}`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `tilvalget ${missing[1]} mangler en værdi`;
  const noValue = /^Option '(?:-\w, )?(--[\w-]+)[^']*' does not take an argument/.exec(message);
  if (noValue) return `tilvalget ${noValue[1]} tager ingen værdi`;
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous) return `tilvalget ${ambiguous[1]} mangler en værdi (en værdi der begynder med "-" skrives ${ambiguous[1]}=-...)`;
  const positional = /^Unexpected argument '([^']+)'/.exec(message);
  if (positional) return `uventet argument "${positional[1]}": kommandoen tager kun tilvalg`;
  return message;
}

function optionLabel(option: OptionSpec): string {
  const flag = `${option.short ? `-${option.short}, ` : ''}--${option.name}`;
  return option.type === 'string' ? `${flag} ${option.value ?? 'VÆRDI'}` : flag;
}

export function helpText(spec: CommandSpec): string {
  const options = [...spec.options, HELP_OPTION];
  const width = Math.max(...options.map((option) => optionLabel(option).length)) + 2;
  const lines = [`Brug: lokalsvar ${spec.synopsis}`, '', ...spec.description.split('\n').map((line) => `  ${line}`), '', 'Tilvalg:'];
  for (const option of options) {
    const fallback = option.default !== undefined ? ` (standard: ${option.default})` : '';
    lines.push(`  ${optionLabel(option).padEnd(width)}${option.description}${fallback}`);
    if (option.example) lines.push(`  ${''.padEnd(width)}fx: ${option.example}`);
  }
  lines.push('', 'Eksempler:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

/** "--name VALUE" as a whole number from min to max, or a UsageError naming the option. */
export function integerOption(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} ${value}: giv et helt tal fra ${min} til ${max}`);
  }
  return number;
}
