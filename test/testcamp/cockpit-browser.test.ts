/**
 * The test camp in a real browser (Chromium through Playwright): a test leader makes two vendor sessions; two robot
 * LPSs, one correct and one that sends a national sample number where it was told to register none (a LABA-03
 * defect), run at the same time through their cockpit pages, reading each instruction from the page; while one
 * waits for its tester the leader's matrix says so and a reload of its page keeps the instruction; DEL-04's two
 * questions (did the LPS refuse the deletion, is the result still there) come from the runs through the tester
 * channel and are answered on the vendors' pages (ja; one with a note and a screenshot, which reach the run's report
 * and evidence), and the runs go on to their verdicts; the leader's matrix shows bestået for the correct vendor and
 * fejlet at LABA-03 for the faulty one, live; after a restart of `lokalsvar testcamp` the sessions, verdicts and
 * judgements are still there; one vendor cannot open the other's session or evidence; the faulty vendor, mended,
 * reruns what failed, its report carries the leader's judgement, and its combined report has LABA-03 met from the
 * rerun and the other rules from the full run.
 * The runs are limited to LABA-01, LABA-03 and DEL-04 to keep the test short.
 * TESTCAMP_SCREENSHOT=docs/testcamp-matrix.png saves the leader's matrix for the guide.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import type { CertificationReport } from '../../requirements/certification-data';
import { launchBrowser } from '../../run/browser';
import type { ResultToRegister } from '../../steps/drivers/lps';
import { sendAsVendorLps } from '../vendor/robot-tester';
import { campSettings, startCamp, type CampSettings, type RunningCamp } from './camp-process';

const TAGS = '@krav:LABA-01 or @krav:LABA-03 or @krav:DEL-04';
const CORRECT = 'Robot-Korrekt';
const FAULTY = 'Robot-Defekt';

let browser: Browser;
let settings: CampSettings;
let camp: RunningCamp;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-testcamp-'));
  settings = await campSettings(dataDir, TAGS, 90);
  camp = await startCamp(settings);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await camp?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Vendor {
  system: string;
  link: string;
  token: string;
  sessionId: string;
  context: BrowserContext;
  page: Page;
}

async function createSession(leader: Page, system: string, producerCode: string): Promise<string> {
  await leader.getByLabel('LPS-systemets navn').fill(system);
  await leader.getByLabel('Producentkode').fill(producerCode);
  await leader.getByLabel("Praksis' EAN-lokationsnummer").fill('5790000000123');
  await leader.getByLabel('Kontaktperson').fill(`Tester hos ${system}`);
  await leader.getByRole('button', { name: 'Opret session' }).click();
  const link = await leader.getByLabel('Leverandørens link').inputValue();
  assert.match(link, /\/adgang\?token=/);
  return link;
}

async function openAsVendor(system: string, link: string): Promise<Vendor> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: system }).waitFor();
  assert.ok(!page.url().includes('token='), 'the token leaves the address bar');
  const sessionId = /\/s\/([^/?#]+)$/.exec(page.url())?.[1];
  assert.ok(sessionId, page.url());
  return { system, link, token: new URL(link).searchParams.get('token') ?? '', sessionId, context, page };
}

interface Robot {
  /** A defect: send a national sample number where the instruction says to register none (LABA-03). */
  ignoreWithoutSampleNumber: boolean;
  /** Called before doing the first instruction (while the run waits for the tester). */
  beforeFirst?: () => Promise<void>;
  /** The first question is answered with this note and screenshot besides "ja". */
  firstAnswer?: { note: string; screenshot: Buffer };
}

/**
 * The robot at the vendor's LPS: reads every instruction from its cockpit page (shown live, with a countdown) and
 * does what it says, and answers every question on the page as a tester would (ja), until the run is over.
 * Returns the instructions done and the questions answered.
 */
async function robot(vendor: Vendor, behaviour: Robot): Promise<{ instructions: number; questions: string[] }> {
  const seen = new Set<string>();
  const questions: string[] = [];
  const deadline = Date.now() + 240_000;
  await vendor.page.locator('#status').getByText('kører').first().waitFor({ timeout: 30_000 });
  while (Date.now() < deadline) {
    const question = vendor.page.locator('#opgave form.spoergsmaal').first();
    const legend = (await question.count()) > 0 ? await question.locator('legend').textContent({ timeout: 5_000 }).catch(() => null) : null;
    if (legend && !questions.includes(legend)) {
      const answer = questions.length === 0 ? behaviour.firstAnswer : undefined;
      questions.push(legend);
      const form = vendor.page.getByRole('group', { name: legend });
      await form.getByLabel('Ja').check();
      if (answer) {
        await form.getByLabel('Note').fill(answer.note);
        await form.getByLabel('Skærmbillede (PNG, valgfrit)').setInputFiles({ name: 'sletning.png', mimeType: 'image/png', buffer: answer.screenshot });
      }
      await form.getByRole('button', { name: 'Send svar' }).click();
      // The cockpit took it and the run's answer URL accepted it: it is listed as answered.
      await vendor.page.locator('#svar').getByText(legend).waitFor({ timeout: 15_000 });
      continue;
    }
    const instruction = vendor.page.locator('#opgave .instruktion');
    if ((await instruction.count()) > 0) {
      const data = (await instruction.locator('pre').first().textContent({ timeout: 5_000 }).catch(() => null)) ?? '';
      if (data && !seen.has(data)) {
        seen.add(data);
        assert.match((await instruction.locator('.tekst').textContent()) ?? '', /registrér for testpersonen/);
        assert.match((await instruction.locator('[data-frist]').textContent()) ?? '', /\d+ min \d+ s/, 'the countdown runs');
        if (seen.size === 1) await behaviour.beforeFirst?.();
        const sent = await sendAsVendorLps(JSON.parse(data) as ResultToRegister, vendor.system, camp.hubUrl, { ignoreWithoutSampleNumber: behaviour.ignoreWithoutSampleNumber });
        assert.equal(sent.status, 200);
      }
    }
    if ((await vendor.page.locator('#status').getByText('Ingen kørsel i gang.').count()) > 0) return { instructions: seen.size, questions };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${vendor.system}: the run did not end within 240 s`);
}

/** The vendor's scenarios as the cockpit has them, for a failure's message. */
async function scenarioStates(vendor: Vendor): Promise<string> {
  const state = (await (await vendor.context.request.get(`${camp.url}/s/${vendor.sessionId}/tilstand.json`)).json()) as { scenarier: { name: string; outcome: string; error?: string }[] };
  return state.scenarier.map((scenario) => `${scenario.name}: ${scenario.outcome}${scenario.error ? ` (${scenario.error})` : ''}`).join('\n');
}

function cell(leader: Page, system: string, rule: string) {
  return leader.locator(`tr[data-system="${system}"] td[data-regel="${rule}"]`);
}

test('a test camp in the browser: two vendors at once, the live matrix, a restart, and each vendor sees only its own', { timeout: 600_000 }, async () => {
  const leaderContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const leader = await leaderContext.newPage();
  await leader.goto(camp.leaderLink);
  await leader.getByRole('heading', { name: 'Testcamp – testleder' }).waitFor();

  const correctLink = await createSession(leader, CORRECT, 'RK');
  const faultyLink = await createSession(leader, FAULTY, 'RD');
  const correct = await openAsVendor(CORRECT, correctLink);
  const faulty = await openAsVendor(FAULTY, faultyLink);

  // Both start at once; the robots follow their own pages.
  const screenshot = await correct.page.screenshot();
  await Promise.all([correct, faulty].map((vendor) => vendor.page.getByRole('button', { name: 'Start alle scenarier' }).click()));
  await leader.goto(`${camp.url}/`);
  const [correctRobot, faultyRobot] = await Promise.all([
    robot(correct, {
      ignoreWithoutSampleNumber: false,
      beforeFirst: async () => {
        // While the run waits for the tester, the leader's matrix says so, and a reload of the vendor's page keeps it all.
        await leader.locator(`tr[data-system="${CORRECT}"] td`, { hasText: 'venter på testeren' }).first().waitFor({ timeout: 30_000 });
        await correct.page.reload();
        await correct.page.locator('#opgave .instruktion .tekst').getByText('registrér for testpersonen').waitFor({ timeout: 10_000 });
      },
      firstAnswer: { note: 'Slet-knappen er grå for delte svar', screenshot },
    }),
    robot(faulty, { ignoreWithoutSampleNumber: true }),
  ]);
  // DEL-04 and LABA-03 each had the tester register a result; DEL-04 asked its two questions, each answered on the
  // page: the second is asked only after the run got the answer to the first.
  for (const [vendor, done] of [[correct, correctRobot], [faulty, faultyRobot]] as const) {
    const why = `${vendor.system}: ${JSON.stringify(done)}\n${await scenarioStates(vendor)}`;
    assert.equal(done.instructions, 2, why);
    assert.equal(done.questions.length, 2, why);
    assert.match(done.questions[0] ?? '', /^Forsøg at slette det delte CRP-svar for 2509479989 i LPS'et\. Afviste LPS'et det\?$/);
    assert.match(done.questions[1] ?? '', /^Har LPS'et stadig CRP-svaret på 45 mg\/L for 2509479989, uændret og markeret som delt\?$/);
  }

  // The matrix, live on the leader's page (no reload): DEL-04 passed on the answers given on the pages.
  await assert.doesNotReject(cell(leader, CORRECT, 'LABA-03').getByText('bestået').waitFor({ timeout: 30_000 }));
  await cell(leader, CORRECT, 'LABA-01').getByText('bestået').waitFor();
  await cell(leader, CORRECT, 'DEL-04').getByText('bestået').waitFor();
  await cell(leader, FAULTY, 'LABA-03').getByText('fejlet').waitFor();
  await cell(leader, FAULTY, 'LABA-01').getByText('bestået').waitFor();
  await cell(leader, FAULTY, 'DEL-04').getByText('bestået').waitFor();
  assert.equal(await cell(leader, CORRECT, 'DEL-06').textContent(), 'ikke startet');

  // The answer with its note and screenshot reached the run: its report has the attestation, its evidence the picture.
  const correctReportLink = correct.page.locator('#status ul.koersler a', { hasText: 'certificering.json' }).first();
  const correctReport = (await (await correct.context.request.get(new URL((await correctReportLink.getAttribute('href')) ?? '', camp.url).toString())).json()) as CertificationReport;
  const del04 = correctReport.requirements.find((rule) => rule.id === 'DEL-04');
  assert.equal(del04?.verdict, 'opfyldt');
  const attested = del04?.scenarios.flatMap((scenario) => scenario.attested ?? []) ?? [];
  assert.deepEqual(attested.map((answer) => [answer.svar, answer.note ?? '']), [['ja', 'Slet-knappen er grå for delte svar'], ['ja', '']]);
  const picture = del04?.scenarios.flatMap((scenario) => scenario.evidence).find((file) => file.name === 'bilag.png');
  assert.equal(picture?.sha256, createHash('sha256').update(screenshot).digest('hex'), 'the screenshot reaches the run unchanged');

  // What the hub received from the faulty LPS, live on its page, and the failing step with its message.
  await faulty.page.locator('#hub').getByText('positiv kvittering').first().waitFor();
  await faulty.page.locator('#scenarier').getByText('fejlet').first().waitFor();

  // A judgement where a person must judge: DEL-06 is shown by hand at the camp.
  await leader.goto(`${camp.url}/s/${faulty.sessionId}`);
  await leader.getByLabel('Vurderet regel').selectOption('DEL-06');
  await leader.getByLabel('Vurdering', { exact: true }).selectOption('opfyldt');
  await leader.getByLabel('Kommentar', { exact: true }).fill('LPS delte ikke laboratoriets svar (set ved bordet)');
  await leader.getByRole('button', { name: 'Gem vurdering' }).click();
  await leader.locator('#vurderinger').getByText('LPS delte ikke laboratoriets svar').waitFor();

  // The leader downloads the faulty vendor's certification report from its run.
  const reportLink = leader.locator('#status ul.koersler a', { hasText: 'certificering.html' }).first();
  const download = await leaderContext.request.get(new URL((await reportLink.getAttribute('href')) ?? '', camp.url).toString());
  assert.equal(download.status(), 200);
  assert.match(await download.text(), /LABA-03/);
  const faultyReport = (await reportLink.getAttribute('href')) ?? '';

  // The same report read in the browser, its evidence one click away.
  await leader.getByRole('link', { name: 'Åbn certificeringsrapporten med evidens' }).first().click();
  await leader.getByText('LABA-03').first().waitFor();
  const evidence = leader.locator('a[href^="evidens/"]').first();
  const evidenceAnswer = await leaderContext.request.get(new URL((await evidence.getAttribute('href')) ?? '', leader.url()).toString());
  assert.equal(evidenceAnswer.status(), 200, `evidence ${await evidence.getAttribute('href')}`);
  await leader.goBack();

  // One vendor cannot open the other's session, its data or its evidence: by cookie or by Bearer token.
  for (const target of [`/s/${faulty.sessionId}`, `/s/${faulty.sessionId}/tilstand.json`, faultyReport]) {
    const byCookie = await correct.context.request.get(`${camp.url}${target}`);
    assert.equal(byCookie.status(), 404, `${target} by the other vendor's cookie`);
    const byBearer = await fetch(`${camp.url}${target}`, { headers: { authorization: `Bearer ${correct.token}` } });
    assert.equal(byBearer.status, 404, `${target} by the other vendor's token`);
  }
  const ownReport = await faulty.context.request.get(`${camp.url}${faultyReport}`);
  assert.equal(ownReport.status(), 200, 'a vendor downloads its own report');
  const asVendorHome = await correct.context.request.get(`${camp.url}/`, { maxRedirects: 0 });
  assert.equal(asVendorHome.status(), 303, 'a vendor is sent from the matrix to its own session');
  const noToken = await fetch(`${camp.url}/s/${faulty.sessionId}`);
  assert.equal(noToken.status, 401);

  await leader.goto(`${camp.url}/`);
  await cell(leader, FAULTY, 'DEL-06').getByText('attesteret').waitFor();
  if (process.env.TESTCAMP_SCREENSHOT) await leader.locator('main').screenshot({ path: process.env.TESTCAMP_SCREENSHOT });

  // A restart of lokalsvar testcamp keeps sessions, verdicts and judgements; the links still work.
  const firstOutput = camp.process.output();
  await camp.stop();
  camp = await startCamp(settings);
  await leader.goto(`${camp.url}/`);
  await cell(leader, CORRECT, 'LABA-03').getByText('bestået').waitFor();
  await cell(leader, FAULTY, 'LABA-03').getByText('fejlet').waitFor();
  await cell(leader, FAULTY, 'DEL-06').getByText('attesteret').waitFor();
  await faulty.page.goto(`${camp.url}/s/${faulty.sessionId}`);
  await faulty.page.locator('#scenarier').getByText('fejlet').first().waitFor();
  assert.equal((await correct.context.request.get(`${camp.url}/s/${faulty.sessionId}`)).status(), 404);

  // The vendor mends the defect and reruns what failed, on the restarted camp: LABA-03 passes now, and the run's
  // report carries the leader's judgement of DEL-06 as a manual attestation.
  await faulty.page.getByRole('button', { name: 'Kør det fejlede igen' }).click();
  assert.deepEqual(await robot(faulty, { ignoreWithoutSampleNumber: false }), { instructions: 1, questions: [] });
  await cell(leader, FAULTY, 'LABA-03').getByText('bestået').waitFor({ timeout: 30_000 });
  await faulty.page.locator('#status').getByText('igen: LABA-03').first().waitFor();
  const rerunReport = faulty.page.locator('#status li', { hasText: 'igen: LABA-03' }).locator('a', { hasText: 'certificering.html' });
  const rerun = await faulty.context.request.get(new URL((await rerunReport.getAttribute('href')) ?? '', camp.url).toString());
  assert.equal(rerun.status(), 200);
  assert.match(await rerun.text(), /DEL-06[\s\S]*\(manuelt\)[\s\S]*LPS delte ikke laboratoriets svar/);

  // The vendor's combined report: LABA-03 met from the rerun, LABA-01 and DEL-04 from the full run, DEL-06 on the
  // leader's judgement; for the vendor and the leader, never for the other vendor.
  const combinedUrl = `${camp.url}/s/${faulty.sessionId}/rapport/certificering.json`;
  const combined = (await (await faulty.context.request.get(combinedUrl)).json()) as CertificationReport;
  const rule = (id: string) => combined.requirements.find((requirement) => requirement.id === id);
  assert.equal(rule('LABA-03')?.verdict, 'opfyldt');
  assert.match(rule('LABA-03')?.sources?.join(' | ') ?? '', /^kørsel \d+ \(igen: LABA-03, [^)]+\)$/);
  for (const id of ['LABA-01', 'DEL-04']) {
    assert.equal(rule(id)?.verdict, 'opfyldt', id);
    assert.match(rule(id)?.sources?.join(' | ') ?? '', /^kørsel \d+ \(alle scenarier, [^)]+\)$/, id);
  }
  assert.equal(rule('DEL-06')?.manual, true);
  await leader.goto(`${camp.url}/s/${faulty.sessionId}`);
  await leader.getByRole('link', { name: 'Åbn den samlede certificeringsrapport' }).click();
  await leader.getByText(/Resultatet er fra kørsel \d+ \(igen: LABA-03/).first().waitFor();
  for (const file of ['certificering.html', 'certificering.json', 'evidens.zip']) {
    const url = `${camp.url}/s/${faulty.sessionId}/rapport/${file}`;
    assert.equal((await leaderContext.request.get(url)).status(), 200, `${file} for the leader`);
    assert.equal((await correct.context.request.get(url)).status(), 404, `${file} for the other vendor`);
  }

  // No vendor's token in what the camp printed or in a run's log (the leader's link is printed once, at the start).
  const logs = [firstOutput, camp.process.output()];
  for (const vendor of [correct, faulty]) {
    for (const link of await vendor.page.locator('#status ul.koersler a', { hasText: 'kørsel.log' }).all()) {
      logs.push(await (await vendor.context.request.get(new URL((await link.getAttribute('href')) ?? '', camp.url).toString())).text());
    }
  }
  assert.ok(logs.length >= 5, `the camp's output and the runs' logs: ${logs.length}`);
  for (const vendor of [correct, faulty]) assert.ok(!logs.some((log) => log.includes(vendor.token)), `${vendor.system}'s token is in a log`);

  await Promise.all([leaderContext.close(), correct.context.close(), faulty.context.close()]);
});
