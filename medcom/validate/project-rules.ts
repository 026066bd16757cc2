/**
 * The project's rules beyond the schema, per letter:
 * - consent must be stated (Patient/Consent/Given), since denied consent must be carried through (DEL-03);
 * - every result names its producer, with a non-blank identifier and code (DEL-02);
 * - the national sample number (RequesterSampleIdentifier) is recommended: a warning when missing (LABA-03).
 */
import { childNamed, descend, type XmlElement } from '../xml/node';
import { isBlank } from '../xml/chars';
import type { FindingCollector } from './findings';

interface LetterRule {
  readonly id: string;
  check(letter: XmlElement, out: FindingCollector): void;
}

const consentStated: LetterRule = {
  id: 'DEL-03',
  check(letter, out) {
    const patient = childNamed(letter, 'Patient');
    if (patient && !childNamed(patient, 'Consent')) {
      out.error(
        'project-rule',
        patient,
        'consent must be stated explicitly: add <Consent><Given>true</Given></Consent>, or false when the patient denied it (DEL-03)',
        'Consent',
      );
    }
  },
};

const nationalSampleNumber: LetterRule = {
  id: 'LABA-03',
  check(letter, out) {
    const sample = descend(letter, 'RequisitionInformation', 'Sample');
    if (sample && !childNamed(sample, 'RequesterSampleIdentifier')) {
      out.add(
        'warning',
        'project-rule',
        sample,
        'the national sample number is missing: it is recommended as requisition number (LABA-03)',
        'RequesterSampleIdentifier',
      );
    }
  },
};

/** Where each letter type keeps the producer of a result. */
function producers(letter: XmlElement): XmlElement[] {
  const results = childNamed(letter, 'LaboratoryResults');
  if (!results) return [];
  const found: XmlElement[] = [];
  for (const child of results.children) {
    const holder = child.local === 'Result' ? child : child.local === 'Investigation' ? childNamed(child, 'Examination') : undefined;
    const producer = childNamed(holder, 'ProducerOfLabResult');
    if (producer) found.push(producer);
  }
  return found;
}

const producerNamed: LetterRule = {
  id: 'DEL-02',
  check(letter, out) {
    for (const producer of producers(letter)) {
      for (const name of ['Identifier', 'IdentifierCode']) {
        const part = childNamed(producer, name);
        if (part && part.text.length > 0 && isBlank(part.text)) {
          out.error('project-rule', part, `the producer's ${name} is blank: every result must name its producer (DEL-02)`);
        }
      }
    }
  },
};

export const LETTER_RULES: readonly LetterRule[] = [consentStated, producerNamed, nationalSampleNumber];

export function applyProjectRules(letter: XmlElement, out: FindingCollector): void {
  for (const rule of LETTER_RULES) rule.check(letter, out);
}
