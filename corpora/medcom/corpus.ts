/** A reproducible corpus of valid messages (written from generated models) and mutants of them. */
import fc from 'fast-check';
import { writeEmessage } from '../../medcom';
import { emessage } from './arbitraries';
import { mutate, mutation } from './mutate';

export interface CorpusEntry {
  name: string;
  xml: string;
  origin: 'valid' | 'mutant';
}

export interface CorpusOptions {
  seed: number;
  valid: number;
  mutantsPerValid: number;
}

export function buildCorpus({ seed, valid, mutantsPerValid }: CorpusOptions): CorpusEntry[] {
  const models = fc.sample(emessage, { seed, numRuns: valid });
  const plans = fc.sample(fc.array(mutation, { minLength: 1, maxLength: 3 }), { seed: seed + 1, numRuns: valid * mutantsPerValid });
  const entries: CorpusEntry[] = [];
  models.forEach((model, index) => {
    const xml = writeEmessage(model);
    entries.push({ name: `valid-${index}`, xml, origin: 'valid' });
    for (let copy = 0; copy < mutantsPerValid; copy += 1) {
      const plan = plans[index * mutantsPerValid + copy] ?? [];
      entries.push({ name: `mutant-${index}-${copy} ${JSON.stringify(plan)}`, xml: mutate(xml, plan), origin: 'mutant' });
    }
  });
  return entries;
}

/** FC_SEED fixes the corpus for reproducing a failure; by default a new seed each run (printed by the test). */
export function corpusSeed(): number {
  const fromEnv = Number(process.env.FC_SEED);
  return Number.isInteger(fromEnv) && process.env.FC_SEED ? fromEnv : Math.floor(Math.random() * 2 ** 31);
}
