/**
 * Identifiers for envelopes and letters (MedCom String 1..14): prefix + an 8-character clock + a process tag.
 *
 * Unique within a process: the clock is the time in milliseconds since 2020 (base 36), but never repeats or goes
 * back: each call takes at least the previous value plus one. Unique across processes: the tag is random per
 * process (36^(6 - prefix length) values), so two processes collide only if they draw the same tag and hand out
 * the same clock value.
 */
import { randomInt } from 'node:crypto';

const EPOCH = Date.UTC(2020, 0, 1);
const CLOCK_LENGTH = 8;
const MAX_LENGTH = 14;
const MAX_PREFIX = 2;

const processTag = Array.from({ length: MAX_LENGTH - CLOCK_LENGTH }, () => randomInt(36).toString(36))
  .join('')
  .toUpperCase();
let lastClock = 0;

export function newIdentifier(prefix = ''): string {
  if (prefix.length > MAX_PREFIX || !/^[A-Za-z0-9]*$/.test(prefix)) {
    throw new RangeError(`newIdentifier: the prefix must be 0 to ${MAX_PREFIX} letters or digits, got ${JSON.stringify(prefix)}`);
  }
  lastClock = Math.max(Date.now() - EPOCH, lastClock + 1);
  const clock = lastClock.toString(36).toUpperCase().padStart(CLOCK_LENGTH, '0');
  return prefix + clock + processTag.slice(0, MAX_LENGTH - CLOCK_LENGTH - prefix.length);
}
