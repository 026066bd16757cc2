/** Waits for a condition instead of sleeping: polls until it holds or the deadline passes, then says what was last seen. */
import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What is being waited for, for the error. */
  what: string;
  /** An error of the probe that ends the wait at once, thrown as it is (else errors are retried until the deadline). */
  stopOn?: (error: unknown) => boolean;
}

/** Calls probe until it returns a value other than undefined; returns that value. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (options.stopOn?.(error)) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${options.timeoutMs ?? 10_000} ms waiting for ${options.what}${cause}`);
    }
    await delay(options.intervalMs ?? 100);
  }
}
