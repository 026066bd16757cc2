/** How a step's words become a result in the LPS: one place for the pilot-only and the every-LPS steps. */
import type { ReferenceInterval } from '../../medcom/model';
import type { ResultToRegister } from '../drivers/lps';
import { analysis, type LokalsvarWorld } from '../world';
import { registerWithVendor } from './vendor-variants';

export interface Registration {
  clinic: string;
  analysis: string;
  value: string;
  unit?: string;
  referenceInterval?: ReferenceInterval;
  consentDenied?: boolean;
  withoutSampleNumber?: boolean;
  origin?: ResultToRegister['origin'];
  producer?: { name: string; code: string };
}

function specOf(world: LokalsvarWorld, input: Registration): ResultToRegister {
  world.clinic = input.clinic;
  return {
    clinic: input.clinic,
    patient: world.testPerson(),
    consentGiven: !input.consentDenied,
    analysis: analysis(input.analysis).shortName,
    value: input.value,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.referenceInterval ? { referenceInterval: input.referenceInterval } : {}),
    ...(input.withoutSampleNumber ? { withoutSampleNumber: true } : {}),
    ...(input.origin ? { origin: input.origin, producer: input.producer } : {}),
  };
}

/**
 * Registers without sharing in the pilot LPS; with a vendor's LPS a received result is imported and an own result
 * registered and shared (steps/support/vendor-variants.ts).
 */
export async function register(world: LokalsvarWorld, input: Registration): Promise<void> {
  const spec = specOf(world, input);
  if (spec.origin && spec.origin !== 'klinik' && !world.labaBeforeReceived) {
    // Before the LPS has the received result: whatever LABA holds now, this LPS cannot have forwarded it.
    world.labaBeforeReceived = new Set((await world.laba.results(spec.patient.cpr)).map((stored) => stored.id));
  }
  if (world.tester) {
    const { registered, shared } = await registerWithVendor(world, spec);
    world.results.set(spec.analysis, { analysis: analysis(spec.analysis), spec, registered, ...(shared ? { shared } : {}) });
    if (shared) world.recordShared(shared);
    return;
  }
  const registered = await world.pilot().register(spec);
  world.results.set(spec.analysis, { analysis: analysis(spec.analysis), spec, registered });
}

/** Registers and shares in whichever LPS sends in this run. */
export async function registerAndShare(world: LokalsvarWorld, input: Registration): Promise<void> {
  const spec = specOf(world, input);
  const { registered, shared } = await world.lps.registerAndShare(spec);
  world.results.set(spec.analysis, { analysis: analysis(spec.analysis), spec, registered, shared });
  world.recordShared(shared);
}

