/**
 * The run's side of the tester channel (README, "vendor mode"), read from the lines a run prints on standard output:
 *   LOKALSVAR-INSTRUKTION: <text>              what to do in the LPS, for people
 *   LOKALSVAR-INSTRUKTION-JSON: {...}          the same as data (action, patient, analysis, ..., system, since)
 *   LOKALSVAR-SPØRGSMÅL-JSON: {...}            a question: an id, the question and the URL its answer is POSTed to
 *                                              as {"svar": "ja"|"nej", "note": "...", "bilag": "<base64 PNG>"}
 * The cockpit shows them to the vendor's tester and relays the answers; a robot may use the same lines.
 * The line prefixes and the JSON fields are the run's own (contracts/tester-channel.ts).
 */
import { INSTRUCTION_PREFIX as INSTRUCTION_LINE, QUESTION_PREFIX as QUESTION_LINE } from '../contracts/tester-channel';

export type ChannelEvent =
  | { kind: 'instruktion'; text: string; data: Record<string, unknown> }
  | { kind: 'spørgsmål'; id: string; text: string; answerUrl: string; data: Record<string, unknown> };

const TEXT_PREFIX = `${INSTRUCTION_LINE}: `;
const INSTRUCTION_PREFIX = `${INSTRUCTION_LINE}-JSON: `;
const QUESTION_PREFIX = `${QUESTION_LINE}-JSON: `;

function firstString(data: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) if (typeof data[name] === 'string' && data[name] !== '') return data[name] as string;
  return undefined;
}

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the channel's lines in order; the text line of an instruction comes just before its JSON line. */
export class TesterChannelReader {
  private lastText: string | undefined;

  line(line: string): ChannelEvent | undefined {
    if (line.startsWith(TEXT_PREFIX)) {
      this.lastText = line.slice(TEXT_PREFIX.length);
      return undefined;
    }
    if (line.startsWith(INSTRUCTION_PREFIX)) {
      const data = parseObject(line.slice(INSTRUCTION_PREFIX.length));
      if (!data) return undefined;
      const text = firstString(data, ['tekst', 'text']) ?? this.lastText ?? String(data.action ?? 'instruktion');
      this.lastText = undefined;
      return { kind: 'instruktion', text, data };
    }
    if (line.startsWith(QUESTION_PREFIX)) {
      const data = parseObject(line.slice(QUESTION_PREFIX.length));
      const id = data && firstString(data, ['id']);
      const answerUrl = data && firstString(data, ['answerUrl']);
      if (!data || !id || !answerUrl) return undefined;
      return { kind: 'spørgsmål', id, answerUrl, text: firstString(data, ['question']) ?? id, data };
    }
    return undefined;
  }
}
