/** How a step's words become a result in the LPS: one place for the pilot-only and the every-LPS steps. */
import type { ReferenceInterval } from '../../medcom/model';
import type { ResultToRegister } from '../drivers/lps';
import { analysis, type LokalsvarWorld } from '../world';

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

/** Registers in the pilot LPS only, without sharing (pilot-only steps). */
export async function register(world: LokalsvarWorld, input: Registration): Promise<void> {
  const spec = specOf(world, input);
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

