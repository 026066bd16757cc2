/**
 * The tester channel (vendor mode): how a run talks to whoever operates the vendor's LPS, a person at a terminal, a
 * robot or the test-camp cockpit. Lines on the run's standard output, and an HTTP answer per question:
 *
 *   LOKALSVAR-INSTRUKTION: <Danish text>
 *   LOKALSVAR-INSTRUKTION-JSON: {"action": ..., ...the result to register..., "system", "since", "files"?}
 *   LOKALSVAR-SPØRGSMÅL: <Danish question> (...)
 *   LOKALSVAR-SPØRGSMÅL-JSON: QuestionLine
 *   LOKALSVAR-NOTE: <what the run noticed, e.g. a resend>
 *   POST <answerUrl>  AnswerBody, JSON
 *
 * The JSON lines only ever gain fields; none is renamed. run/tester-channel.ts writes them; testcamp/ reads them.
 */

export const INSTRUCTION_PREFIX = 'LOKALSVAR-INSTRUKTION';
export const QUESTION_PREFIX = 'LOKALSVAR-SPØRGSMÅL';
export const NOTE_PREFIX = 'LOKALSVAR-NOTE';

/** A file offered to import into the LPS (a laboratory's result, a copy from another practice). */
export interface OfferedFile {
  name: string;
  url: string;
  mediaType: string;
}

/** The JSON of a `LOKALSVAR-SPØRGSMÅL-JSON` line. */
export interface QuestionLine {
  id: string;
  /** The business rule the answer attests (DEL-04 ...). */
  rule: string;
  question: string;
  /** Where the answer is POSTed. */
  answerUrl: string;
  files?: OfferedFile[];
}

/** The body POSTed to a question's answer URL. */
export interface AnswerBody {
  svar: 'ja' | 'nej';
  note?: string;
  /** A screenshot, base64 PNG. */
  bilag?: string;
  /** Who answers. */
  af?: string;
}
