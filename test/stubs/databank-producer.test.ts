/** Who the databank records as producer: ProducerOfLabResult, never the sender or the examinator (DEL-02). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { writeEmessage } from '../../medcom';
import { clinicLetterEmessage, type ClinicLetter } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';
import { buildDatabankApp } from '../../stubs/databank/app';
import type { ResultRecord } from '../../contracts/databank';

const SYD = { name: 'Lægerne Syd', ydernummer: '067890', code: 'LS' };
let laba: FastifyInstance;
let miba: FastifyInstance;
before(async () => {
  laba = await buildDatabankApp({ role: 'laba', databasePath: ':memory:' });
  miba = await buildDatabankApp({ role: 'miba', databasePath: ':memory:' });
});
after(async () => {
  await laba.close();
  await miba.close();
});

function letter(cpr: string, results: ClinicLetter['results'], clinicName = 'Lægehuset ved Fjorden og Skoven'): string {
  const at = new Date('2026-11-25T09:00:00Z');
  return writeEmessage(
    clinicLetterEmessage({
      clinic: { name: clinicName, ydernummer: clinicName === SYD.name ? SYD.ydernummer : '012345', ean: '5790000000000', producerCode: clinicName === SYD.name ? SYD.code : 'LFS' },
      patient: { cpr, givenName: 'Einer', surname: 'Test Lauridsen', consentGiven: true },
      sampleNumber: '1234567890',
      sampledAt: at,
      resultAt: at,
      results,
    }),
  );
}

async function upload(app: FastifyInstance, xml: string): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/upload', payload: xml, headers: { 'content-type': 'application/xml' } });
  assert.equal(response.statusCode, 200, response.body);
}

async function records(app: FastifyInstance, cpr: string): Promise<ResultRecord[]> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/results?patient=${cpr}` });
  return (response.json() as { results: { record: ResultRecord }[] }).results.map((result) => result.record);
}

test('LABA records the producer of each result, not the sender', async () => {
  await upload(laba, letter('0201609995', [{ analysis: findAnalysis('CRP')!, value: '5' }, { analysis: findAnalysis('Hb')!, value: '8,4', producer: SYD }]));
  const stored = await records(laba, '0201609995');
  assert.deepEqual(
    stored.map((record) => [record.analysisCode, record.producerName, record.producerCode]),
    [
      ['NPU19748', 'Lægehuset ved Fjorden og Skoven', 'LFS'],
      ['NPU02319', 'Lægerne Syd', 'LS'],
    ],
  );
});

test('MiBa names the producer by the ydernummer it carries, learned from that practice as sender, never from the examinator', async () => {
  await upload(miba, letter('2512489996', [{ analysis: findAnalysis('Strep A')!, value: 'Negativ' }], SYD.name));
  await upload(miba, letter('0201609995', [{ analysis: findAnalysis('Strep A')!, value: 'Positiv', producer: SYD, examinator: 'Sygeplejerske Hanne Test' }]));
  const [record] = await records(miba, '0201609995');
  assert.deepEqual(
    { name: record?.producerName, identifier: record?.producerIdentifier, code: record?.producerCode, examinator: record?.examinator },
    { name: 'Lægerne Syd', identifier: '067890', code: 'LS', examinator: 'Sygeplejerske Hanne Test' },
  );
});

test('MiBa keeps no name for a producer it has never heard from; the identifier stands for it', async () => {
  await upload(miba, letter('1502799995', [{ analysis: findAnalysis('Strep A')!, value: 'Positiv', producer: { name: 'Ukendt', ydernummer: '099999', code: 'UK' } }]));
  const [record] = await records(miba, '1502799995');
  assert.equal(record?.producerName, null);
  assert.equal(record?.producerIdentifier, '099999');
});
