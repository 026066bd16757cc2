/**
 * The content of a report letter, without what changes when the same letter is sent again (its identifier and
 * authorisation time; the envelope is not part of a letter): two letters with the same key are a resend of one
 * result, not two results.
 */
import type { ReportLetter } from './model';

export function letterContentKey(letter: ReportLetter): string {
  const { letter: _identity, ...content } = letter;
  return JSON.stringify(content);
}
