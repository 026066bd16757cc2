/** Skips a test with a clear message where no Docker engine answers, unless E2E_REQUIRE_DOCKER=1 (then it fails). */
import type { TestContext } from 'node:test';
import { dockerAvailable } from '../../docker/availability';

export async function dockerOrSkip(t: TestContext): Promise<boolean> {
  const availability = await dockerAvailable();
  if (availability.ok) return true;
  if (process.env.E2E_REQUIRE_DOCKER === '1') {
    throw new Error(`E2E_REQUIRE_DOCKER=1 but ${availability.reason}`);
  }
  t.skip(`containers mode not tested: ${availability.reason} (E2E_REQUIRE_DOCKER=1 makes this a failure)`);
  return false;
}
