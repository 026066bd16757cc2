/**
 * The pilot LPS's journal (stubs/pilot-lps/journal.ts) through its own interface: ids in order, which results travel
 * in one letter (same sample, practice, origin and letter type, none with a change of its own waiting), what a
 * change and a confirmed share do to a result, shared results by patient id and practice, deleting one result.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAnalysis, type CatalogueAnalysis } from '../../medcom/npu-catalogue';
import { Journal, LpsRefusal, patientIdOf, type LocalResult, type NewLocalResult } from '../../stubs/pilot-lps/journal';

const clinic = { name: 'Lægehuset Øst', ydernummer: '054321', ean: '5790000000123', producerCode: 'LØ' };
const other = { ...clinic, name: 'Lægehuset Vest' };
const einer = { cpr: '0201609995', givenName: 'Einer', surname: 'Test', consentGiven: true };

function input(analysis: string, overrides: Partial<NewLocalResult> = {}): NewLocalResult {
  return { origin: 'klinik', clinic, producer: { name: clinic.name, code: 'LØ', ydernummer: '054321' }, patient: einer, analysis: findAnalysis(analysis) as CatalogueAnalysis, value: '5', ...overrides };
}

const ids = (results: LocalResult[]) => results.map((result) => result.id);

test('ids count up from R1 across registrations; one requisition shares its sample number', () => {
  const journal = new Journal();
  const single = journal.register(input('CRP'));
  const pair = journal.registerRequisition([input('Hb'), input('INR')], {});
  assert.deepEqual([single.id, ...ids(pair)], ['R1', 'R2', 'R3']);
  assert.equal(pair[0]?.sampleNumber, pair[1]?.sampleNumber);
  assert.notEqual(single.sampleNumber, pair[0]?.sampleNumber);
  assert.deepEqual(ids(journal.unshared()), ['R1', 'R2', 'R3']);
});

test('letter mates: same sample, practice, origin and letter type; a result with a change of its own travels alone', () => {
  const journal = new Journal();
  const [crp, hb, lab, elsewhere, strep] = journal.registerRequisition(
    [input('CRP'), input('Hb'), input('INR', { origin: 'laboratorium' }), input('Glukose', { clinic: other }), input('Strep A')],
    {},
  ) as LocalResult[];
  assert.deepEqual(ids(journal.letterMates(crp as LocalResult)), [crp?.id, hb?.id]);
  assert.deepEqual(ids(journal.letterMates(strep as LocalResult)), [strep?.id]);
  assert.deepEqual(ids(journal.letterMates(elsewhere as LocalResult)), [elsewhere?.id]);

  journal.markShared([crp as LocalResult]);
  journal.correct(String(crp?.id), { value: '7' });
  assert.equal(crp?.pendingChange, 'correction');
  assert.deepEqual(ids(journal.letterMates(crp as LocalResult)), [crp?.id], 'a correction goes alone');
  assert.deepEqual(ids(journal.letterMates(hb as LocalResult)), [hb?.id], 'nor does it join a letter of unsent results');
  journal.markShared([hb as LocalResult]);
  assert.deepEqual(ids(journal.letterMates(hb as LocalResult)), [hb?.id], 'a result shared again goes alone when nothing of its sample waits');
});

test('a confirmed correction leaves the result corrected; a confirmed final does not; a change before sharing waits for nothing', () => {
  const journal = new Journal();
  const [first, second, third] = journal.registerRequisition([input('CRP'), input('Hb'), input('INR')], { status: 'svar_midlertidigt', resultAt: new Date('2026-11-25T09:52:00Z') }) as LocalResult[];
  journal.correct('R3', { comment: 'før deling' });
  assert.deepEqual([third?.pendingChange, third?.comment], [undefined, 'før deling']);
  assert.ok((third?.resultAt.getTime() as number) > Date.parse('2026-11-25T09:52:00Z'), 'a change moves the result time');
  journal.markShared([first, second] as LocalResult[]);
  journal.correct('R1', { value: '6' });
  journal.makeFinal('R2', {});
  assert.deepEqual([first?.pendingChange, second?.pendingChange, second?.status], ['correction', 'final', 'svar_endeligt']);
  assert.deepEqual(ids(journal.unshared()), ['R1', 'R2', 'R3']);
  journal.markShared([first, second] as LocalResult[]);
  assert.deepEqual([first?.corrected, first?.pendingChange, second?.corrected, second?.pendingChange], [true, undefined, false, undefined]);
  assert.deepEqual(ids(journal.unshared()), ['R3']);
});

test('shared results by patient id (CPR or replacement CPR) and practice, cancelled ones left out', () => {
  const journal = new Journal();
  const replacement = { replacementCpr: '0201609XT1', givenName: 'Einer', surname: 'Test', consentGiven: true };
  const [byCpr, byReplacement, elsewhere, unsent] = [
    journal.register(input('CRP')),
    journal.register(input('Hb', { patient: replacement })),
    journal.register(input('INR', { clinic: other })),
    journal.register(input('Glukose')),
  ];
  journal.markShared([byCpr, byReplacement, elsewhere]);
  assert.deepEqual(ids(journal.sharedFor('0201609995', clinic.name)), [byCpr.id]);
  assert.deepEqual(ids(journal.sharedFor('0201609XT1', clinic.name)), [byReplacement.id]);
  assert.deepEqual(ids(journal.sharedFor('0201609995', other.name)), [elsewhere.id]);
  journal.markCancelled([byCpr]);
  assert.deepEqual(ids(journal.sharedFor('0201609995', clinic.name)), []);
  assert.equal(unsent.shared, false);
  assert.equal(patientIdOf(einer), '0201609995');
  assert.equal(patientIdOf(replacement), '0201609XT1');
  assert.equal(patientIdOf({ givenName: 'Ingen', surname: 'Id', consentGiven: true }), '');
});

test('deleting removes that one result only; an unknown id is a refusal without a rule', () => {
  const journal = new Journal();
  journal.registerRequisition([input('CRP'), input('Hb'), input('INR')], {});
  journal.delete('R2');
  assert.deepEqual(ids(journal.unshared()), ['R1', 'R3']);
  assert.equal(journal.get('R2'), undefined);
  assert.throws(
    () => journal.delete('R2'),
    (error: unknown) => error instanceof LpsRefusal && error.rule === '' && error.message === 'No result R2 in this LPS',
  );
});
