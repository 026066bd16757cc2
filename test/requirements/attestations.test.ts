import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAttestations } from '../../requirements/attestations';
import { verdicts } from '../../requirements/certification';
import { renderMarkdown } from '../../requirements/render-certification';
import type { ScenarioRun } from '../../requirements/run-results';

const IDS = ['DEL-01', 'DEL-04', 'LABA-05'];
const REQUIREMENTS = IDS.map((id) => ({ id, title: `titel ${id}`, source: 'kilde' }));

function scenario(name: string, id: string, outcome: ScenarioRun['outcome']): ScenarioRun {
  return { name, uri: 'features/x.feature', requirementIds: [id], outcome };
}

const ATTESTED = parseAttestations(
  JSON.stringify({
    attestationer: [
      { krav: 'DEL-04', resultat: 'opfyldt', af: 'Helle, MedCom', dato: '2026-03-19', note: 'Sletning afvist i LPS-et' },
      { krav: 'DEL-01', resultat: 'opfyldt', af: 'Helle, MedCom', dato: '2026-03-19' },
    ],
  }),
  'attest.json',
  IDS,
);

test('an attestation decides a rule no scenario tried, marked as manual', () => {
  const [, del04] = verdicts(REQUIREMENTS, [scenario('slet', 'DEL-04', 'skipped')], ATTESTED);
  assert.deepEqual([del04?.verdict, del04?.manual], ['opfyldt', true]);
});

test('an attestation never overrules a scenario that ran and failed', () => {
  const [del01] = verdicts(REQUIREMENTS, [scenario('uændret', 'DEL-01', 'failed')], ATTESTED);
  assert.deepEqual([del01?.verdict, del01?.manual], ['ikke opfyldt', false]);
});

test('a rule whose scenarios passed where they ran but some were skipped is only partly tried', () => {
  const [, , laba05] = verdicts(REQUIREMENTS, [scenario('a', 'LABA-05', 'passed'), scenario('b', 'LABA-05', 'skipped')]);
  assert.equal(laba05?.verdict, 'delvist afprøvet');
});

test('the report names who attested what, and when', () => {
  const markdown = renderMarkdown(verdicts(REQUIREMENTS, [], ATTESTED), { environment: 'local', lpsSystem: 'X', finishedAt: 't', platformVersion: 'v' });
  assert.match(markdown, /\| DEL-04 \| titel DEL-04 \| ✔ opfyldt \(manuelt\) \| Manuelt opfyldt: Helle, MedCom, 2026-03-19 – Sletning afvist i LPS-et \|/);
  assert.match(markdown, /2 af 3 krav opfyldt, 0 ikke opfyldt, 1 ikke afprøvet \(2 afgjort ved manuel afprøvning\)/);
});

test('a faulty attestation is refused with where and what', () => {
  assert.throws(
    () => parseAttestations(JSON.stringify({ attestationer: [{ krav: 'DEL-99', resultat: 'ok', dato: '19.03.2026' }] }), 'attest.json', IDS),
    /attest\.json: attestationer\[0\]: "krav" must be one of the catalogue's ids .*; "resultat" must be "opfyldt" or "ikke opfyldt", not "ok"; "af" must say who saw it .*; "dato" must be a date YYYY-MM-DD, not "19\.03\.2026"/,
  );
  assert.throws(() => parseAttestations('[]', 'attest.json', IDS), /attest\.json: no "attestationer" list/);
});
