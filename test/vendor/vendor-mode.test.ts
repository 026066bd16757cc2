/** Vendor mode end to end: the suite instructs a tester, waits for the vendor LPS's message, and checks the chain. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certifyAsVendor } from './certify';
import { correctLps, runAsVendor, sendAsVendorLps } from './robot-tester';

test('a vendor LPS that does what the instruction says passes the scenario, checked through to Sundhedsjournalen', async () => {
  const run = await runAsVendor('@krav:DEL-02', 'Robot-LPS', 30, async (instruction, hubUrl) => {
    assert.equal(instruction.action, 'registrer-og-del');
    assert.equal((await sendAsVendorLps(instruction, 'Robot-LPS', hubUrl)).status, 200);
  });
  assert.equal(run.exitCode, 0, run.output);
  assert.equal(run.instructions.length, 1);
  assert.match(run.instructions[0] ?? '', /registrér for testpersonen Nancy Ann Test Berggren \(2512489996\) CRP 45 mg\/L med referenceinterval under 10, under det nationale prøvenummer \d{10}, og del svaret/);
});

test('when the vendor LPS sends something else, the step fails naming the closest message and every field in which it differs', async () => {
  const run = await runAsVendor('@krav:DEL-02', 'Robot-LPS', 3, async (instruction, hubUrl) => {
    await sendAsVendorLps({ ...instruction, analysis: 'HbA1c', value: '48', unit: 'mmol/mol' }, 'Robot-LPS', hubUrl);
  });
  assert.notEqual(run.exitCode, 0);
  assert.match(run.output, /\[DEL-01\] Ingen besked fra "Robot-LPS" for 2512489996 med CRP \(NPU19748\) inden for 3 s/);
  assert.match(run.output, /Nærmeste besked, der kom: envelope \S+ fra "Robot-LPS", CPR 2512489996, analyser NPU27300, kvittering XCTL03; den afviger i:/);
  assert.match(run.output, /\[DEL-01\] analysekode \(Analysis\/AnalysisCode\): forventet "NPU19748", sendt "NPU27300"/);
});

test("a correction made in the vendor's LPS is followed through to Sundhedsjournalen as corrected", async () => {
  const sampleNumbers = new Map<string, string>();
  const run = await runAsVendor('@krav:DEL-05', 'Robot-LPS', 30, async (instruction, hubUrl) => {
    if (instruction.action === 'registrer-og-del') {
      const sent = await sendAsVendorLps(instruction, 'Robot-LPS', hubUrl);
      sampleNumbers.set(instruction.code, sent.sampleNumber);
    } else {
      assert.equal(instruction.action, 'ret');
      const change = (instruction as unknown as { change: { value: string; unit?: string } }).change;
      await sendAsVendorLps({ ...instruction, ...change }, 'Robot-LPS', hubUrl, { correctionOf: sampleNumbers.get(instruction.code) });
    }
  });
  assert.equal(run.exitCode, 0, run.output);
  assert.deepEqual(run.instructions.map((text) => text.split(':')[0]), ["I LPS'et i praksis \"Lægerne Testgade\"", "I LPS'et"]);
  assert.match(run.instructions[1] ?? '', /ret HbA1c-svaret for 2509479989 til 52 mmol\/mol/);
});

test('what only the LPS itself knows is a question to the tester, answered over HTTP and attested (DEL-04)', async () => {
  const run = await runAsVendor('@krav:DEL-04', 'Robot-LPS', 30, correctLps('Robot-LPS'));
  assert.equal(run.exitCode, 0, run.output);
  // Two questions: did the LPS refuse the deletion, and does it still hold the result, marked shared.
  assert.deepEqual(run.questions.map((question) => question.rule), ['DEL-04', 'DEL-04']);
  assert.match(run.questions[0]?.question ?? '', /Forsøg at slette det delte CRP-svar for 2509479989 i LPS'et\. Afviste LPS'et det\?/);
  assert.match(run.questions[1]?.question ?? '', /Har LPS'et stadig CRP-svaret på 45 mg\/L for 2509479989, uændret og markeret som delt\?/);
  assert.match(run.questions[0]?.answerUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/svar\//);
});

test('"nej, ikke færdigt endnu" is no defect: the tester is asked again, and a correct LPS passes DEL-06 when it is done', async () => {
  let notDoneYet = 1;
  const run = await certifyAsVendor('@krav:DEL-06', 'Robot-LPS', correctLps('Robot-LPS'), (question) =>
    /færdigt/.test(question.question) && notDoneYet-- > 0 ? { svar: 'nej', note: 'køen tømmes stadig' } : { svar: 'ja' },
  );
  const asked = run.questions.filter((question) => /færdigt/.test(question.question));
  assert.equal(asked.length, 2, run.output);
  assert.match(asked[1]?.question ?? '', /\(spurgt 2\. gang\)$/);
  assert.equal(run.byRule['DEL-06'], 'opfyldt', run.output);
});
