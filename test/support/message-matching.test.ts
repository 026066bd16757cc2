/** Deterministic matching: the first message carrying the result, resends recognised, never the newest by chance. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { HubJournalEntry } from '../../contracts/plsp';
import { inArrivalOrder, pickFirst, readJournalLetter, type ResultIdentity } from '../../steps/drivers/message-matching';

const at = new Date('2026-03-14T09:41:00Z');

function entry(receivedAt: string, options: { value?: string; sample?: string; envelope?: string; system?: string; cpr?: string; analysis?: string } = {}): HubJournalEntry {
  const analysis = findAnalysis(options.analysis ?? 'CRP')!;
  const message = clinicEmessage(
    {
      clinic: { name: 'Lægerne Testgade', ydernummer: '054321', ean: '5790000000123', producerCode: 'LTG' },
      patient: { cpr: options.cpr ?? '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
      analysis,
      value: options.value ?? '45',
      sampleNumber: options.sample ?? '1111111111',
      sampledAt: at,
      resultAt: at,
    },
    at,
  );
  if (options.envelope) message.envelope.identifier = options.envelope;
  return {
    envelopeIdentifier: message.envelope.identifier,
    lpsSystem: options.system ?? 'Robot-LPS',
    httpStatus: 200,
    receipt: 'XCTL03',
    findings: [],
    receivedAt,
    xml: writeEmessage(message),
    receiptXml: '',
    letterTypes: [analysis.letterType],
    patientIds: [options.cpr ?? '2512489996'],
    analysisCodes: [analysis.code],
  };
}

const crp: ResultIdentity = { system: 'Robot-LPS', cpr: '2512489996', code: 'NPU19748' };

/** As the hub lists them: newest first. */
function journal(...oldestFirst: HubJournalEntry[]) {
  return inArrivalOrder([...oldestFirst].reverse()).map(readJournalLetter);
}

describe('message matching', () => {
  it('takes the first message that arrived, not the newest, and calls a same-content copy a resend', () => {
    const first = entry('2026-03-14T09:41:01.000Z', { envelope: 'EFIRST' });
    const resend = entry('2026-03-14T09:41:01.500Z', { envelope: 'ERESEND' });
    const picked = pickFirst(journal(first, resend), crp, new Set());
    assert.equal(picked.match?.entry.envelopeIdentifier, 'EFIRST');
    assert.deepEqual(picked.resends.map((letter) => letter.entry.envelopeIdentifier), ['ERESEND']);
  });

  it('orders by arrival time even when the hub journalled them the other way round', () => {
    const early = entry('2026-03-14T09:41:01.000Z', { envelope: 'EEARLY', value: '44' });
    const late = entry('2026-03-14T09:41:02.000Z', { envelope: 'ELATE', value: '45' });
    const listed = [early, late].map(readJournalLetter); // not newest first: arrival order must still win
    assert.equal(pickFirst(inArrivalOrder(listed.map((l) => l.entry)).map(readJournalLetter), crp, new Set()).match?.entry.envelopeIdentifier, 'EEARLY');
  });

  it('skips a late copy of a letter matched before, unless a resend is what was asked for', () => {
    const original = entry('2026-03-14T09:41:01.000Z', { envelope: 'EORIG' });
    const seen = new Set([readJournalLetter(original).contentKey!]);
    const lateCopy = entry('2026-03-14T09:42:00.000Z', { envelope: 'ECOPY' });
    const correction = entry('2026-03-14T09:42:01.000Z', { envelope: 'ECORR', value: '52' });
    const picked = pickFirst(journal(lateCopy, correction), crp, seen);
    assert.equal(picked.match?.entry.envelopeIdentifier, 'ECORR');
    assert.deepEqual(picked.resends.map((letter) => letter.entry.envelopeIdentifier), ['ECOPY']);
    assert.equal(pickFirst(journal(lateCopy), crp, seen, true).match?.entry.envelopeIdentifier, 'ECOPY');
  });

  it('matches by identity: another system, patient or analysis is not the answer', () => {
    const others = journal(
      entry('2026-03-14T09:41:01.000Z', { system: 'Andet-LPS' }),
      entry('2026-03-14T09:41:02.000Z', { cpr: '0201609995' }),
      entry('2026-03-14T09:41:03.000Z', { analysis: 'HbA1c' }),
    );
    assert.equal(pickFirst(others, crp, new Set()).match, undefined);
  });

  it('prefers the message under the known sample number, and falls back to the first when none carries it', () => {
    const other = entry('2026-03-14T09:41:01.000Z', { envelope: 'EOTHER', sample: '2222222222', value: '30' });
    const wanted = entry('2026-03-14T09:41:02.000Z', { envelope: 'EWANTED', sample: '1111111111' });
    assert.equal(pickFirst(journal(other, wanted), { ...crp, sampleNumber: '1111111111' }, new Set()).match?.entry.envelopeIdentifier, 'EWANTED');
    assert.equal(pickFirst(journal(other), { ...crp, sampleNumber: '1111111111' }, new Set()).match?.entry.envelopeIdentifier, 'EOTHER');
  });
});
