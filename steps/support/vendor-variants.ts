/**
 * What the pilot LPS shows through its control interface, shown with a vendor's real LPS (vendor mode): results
 * received from others are offered as files to import, what only the LPS itself knows (a refused deletion) is a
 * question to the tester, answered ja/nej and attested in the report, and what shows on the wire (a cancellation, a
 * result that must not be sent) is checked at the hub.
 */
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import type { PatientCancellationResponse, RegisteredResult, SharedResult } from '../../contracts/pilot-lps';
import type { HubJournalEntry } from '../../contracts/plsp';
import type { ResultToRegister } from '../drivers/lps';
import type { Refusal } from '../drivers/pilot-lps';
import { analysis, type LokalsvarWorld } from '../world';
import { vendorSettings } from '../../run/lps-mode';
import type { TesterChannel } from '../../run/tester-channel';
import { waitFor } from '../../run/wait-for';

function channel(world: LokalsvarWorld): TesterChannel {
  if (!world.tester) throw new Error('This step variant is for LPS=vendor only');
  return world.tester;
}

/** Asks the tester a ja/nej question about a rule; "nej" fails the rule, with who answered and when. */
async function confirmed(world: LokalsvarWorld, rule: string, question: string): Promise<string> {
  const answer = await channel(world).ask(rule, question, vendorSettings().timeoutMs);
  const attested = `attesteret af ${answer.af} ${answer.tidspunkt}`;
  if (answer.svar === 'nej') throw new Error(`[${rule}] Testeren svarede "nej" på: "${question}"${answer.note ? ` (note: ${answer.note})` : ''}; ${attested}`);
  return `${attested}${answer.note ? `: ${answer.note}` : ''}`;
}

/** Asks the tester to confirm what only the LPS's own screen shows; "ja" attests it, "nej" fails the rule. */
export async function attestedFact(world: LokalsvarWorld, rule: string, question: string): Promise<void> {
  await confirmed(world, rule, question);
}

/**
 * Asks the tester whether the LPS refused what it was asked to try. "ja" is the LPS's refusal, attested (reported
 * like the pilot LPS's refusal, HTTP 409, with the rule); "nej" fails the rule.
 */
export async function attestedRefusal(world: LokalsvarWorld, rule: string, question: string): Promise<Refusal> {
  return { httpStatus: 409, rule, error: await confirmed(world, rule, question) };
}

/** The result an LPS received from a laboratory or another practice, as the file the LPS would import. */
function inboundFile(spec: ResultToRegister, sampleNumber: string): string {
  const producer = spec.producer;
  if (!producer) throw new Error('a received result needs its producer');
  const now = new Date();
  return writeEmessage(
    clinicEmessage({
      // ASSUMPTION: placeholder EAN and ydernummer of the laboratory or practice that produced the result.
      clinic: { name: producer.name, ydernummer: '099999', ean: '5790000099999', producerCode: producer.code },
      patient: { ...spec.patient, consentGiven: spec.consentGiven ?? true },
      analysis: analysis(spec.analysis),
      value: spec.value,
      ...(spec.unit ? { unit: spec.unit } : {}),
      sampleNumber,
      sampledAt: now,
      resultAt: now,
    }),
  );
}

/**
 * DEL-06 / DEL-07: the platform makes the message the LPS receives (a laboratory's XRPT01, a copy from another
 * practice), offers it as a file, instructs the tester to import it through the LPS's ordinary inbound path, and
 * waits for the tester to confirm the import.
 */
export async function importReceived(world: LokalsvarWorld, spec: ResultToRegister): Promise<RegisteredResult> {
  const tester = channel(world);
  const sampleNumber = String(Date.now()).slice(-10);
  const from = spec.origin === 'laboratorium' ? `laboratoriet "${spec.producer?.name}"` : `praksis "${spec.producer?.name}" (kopisvar)`;
  const file = tester.offerFile(`${spec.analysis}-fra-${spec.producer?.code}.xml`, inboundFile(spec, sampleNumber), 'application/xml');
  tester.instruct({
    text: `I LPS'et i praksis "${spec.clinic}": importér ${spec.analysis}-svaret for testpersonen ${spec.patient.cpr} fra ${from} via LPS'ets almindelige indgang for modtagne svar. Filen: ${file.url}. Del det ikke.`,
    data: { action: 'importer', ...spec, code: analysis(spec.analysis).code, system: world.lps.systemName, since: new Date().toISOString(), files: [file] },
  });
  await confirmed(world, spec.origin === 'laboratorium' ? 'DEL-06' : 'DEL-07', `Er ${spec.analysis}-svaret fra ${from} importeret i LPS'et i "${spec.clinic}"?`);
  return { id: `import-${sampleNumber}`, sampleNumber, internalSampleIdentifier: sampleNumber, clinic: { name: spec.producer?.name ?? '', producerCode: spec.producer?.code ?? '' } };
}

/** When the scenario's first received result was imported: what arrives at the hub from then on is watched. */
const watchFrom = new WeakMap<LokalsvarWorld, string>();

export function startWatching(world: LokalsvarWorld): void {
  if (!watchFrom.has(world)) watchFrom.set(world, new Date().toISOString());
}

function foreignResults(world: LokalsvarWorld): ResultToRegister[] {
  return [...world.results.values()].map((result) => result.spec).filter((spec) => spec.origin && spec.origin !== 'klinik');
}

/** Messages from the LPS since the first import that carry a received result (its analysis, or its producer code). */
async function foreignArrivals(world: LokalsvarWorld): Promise<{ entry: HubJournalEntry; spec: ResultToRegister }[]> {
  const since = watchFrom.get(world);
  if (!since) return [];
  const arrived = await world.plsp.journal({ system: world.lps.systemName, patient: world.testPerson().cpr, since });
  return arrived.flatMap((entry) =>
    foreignResults(world)
      .filter((spec) => entry.analysisCodes.includes(analysis(spec.analysis).code) || (spec.producer && entry.xml?.includes(`<IdentifierCode>${spec.producer.code}</IdentifierCode>`)))
      .map((spec) => ({ entry, spec })),
  );
}

/** Fails with the rule when a received result reached the hub. */
export async function assertNoForeignResultSent(world: LokalsvarWorld): Promise<void> {
  const [found] = await foreignArrivals(world);
  if (!found) return;
  const rule = found.spec.origin === 'laboratorium' ? 'DEL-06' : 'DEL-07';
  throw new Error(
    `[${rule}] LPS'et sendte ${found.spec.analysis}-svaret, som det modtog fra ${found.spec.producer?.name} (producentkode ${found.spec.producer?.code}): envelope ${found.entry.envelopeIdentifier ?? '?'}, ${found.entry.receivedAt}. Kun svar produceret i egen praksis må deles.`,
  );
}

/**
 * Instructs the tester to do what may make the LPS send a received result ("del alle nye svar"), then asks the tester
 * to say when the LPS is done (nothing left waiting to be sent): what the hub then has from the LPS is the verdict,
 * not what happened to arrive within a set time. A received result among it fails its rule.
 */
export async function instructAndConfirmDone(world: LokalsvarWorld, text: string, data: Record<string, unknown>): Promise<void> {
  channel(world).instruct({ text, data: { ...data, system: world.lps.systemName, since: new Date().toISOString() } });
  const [received] = foreignResults(world);
  const rule = received?.origin === 'anden_praksis' ? 'DEL-07' : 'DEL-06';
  await confirmedDone(world, rule, `Er LPS'et færdigt med "${text.replace(/^I LPS'et: /, '').replace(/\.$/, '')}", så intet ligger og venter på at blive sendt?`);
  await assertNoForeignResultSent(world);
}

/** How many times the tester is asked whether the LPS is done before the rule is left undecided. */
export const DONE_QUESTIONS = 3;

/**
 * Asks whether the LPS is done until the tester says "ja". "Nej" (not done yet) is no defect: the question comes
 * again, up to DONE_QUESTIONS times; after that the scenario fails saying the rule could not be decided, not that
 * the LPS broke it.
 */
async function confirmedDone(world: LokalsvarWorld, rule: string, question: string): Promise<void> {
  for (let asked = 1; asked <= DONE_QUESTIONS; asked += 1) {
    const answer = await channel(world).ask(rule, asked === 1 ? question : `${question} (spurgt ${asked}. gang)`, vendorSettings().timeoutMs);
    if (answer.svar === 'ja') return;
  }
  throw new Error(
    `[${rule}] Kunne ikke afgøres: testeren svarede "nej" ${DONE_QUESTIONS} gange til, om LPS'et var færdigt med at dele, så det kunne ikke ses, om LPS'et sender modtagne svar. Kør scenariet igen, når LPS'et er færdigt.`,
  );
}

/**
 * LABA-05: the tester corrects the wrong patient id in the LPS; the platform waits for the LPS's cancellation of
 * every result sent for that id at the hub's cancellation interface (ASSUMPTION: POST /plsp/v1/cancellations).
 */
export async function awaitCancellation(world: LokalsvarWorld, clinic: string): Promise<PatientCancellationResponse> {
  const person = world.testPerson();
  const since = new Date().toISOString();
  const { timeoutMs } = vendorSettings();
  channel(world).instruct({
    text: `I LPS'et i praksis "${clinic}": patient-ID'et ${person.cpr} var forkert. Ret det i LPS'et, så LPS'et annullerer alle svar, det har sendt for ${person.cpr} (venter højst ${Math.round(timeoutMs / 1000)} s).`,
    data: { action: 'annuller-patient', clinic, patient: person, system: world.lps.systemName, since },
  });
  try {
    const entry = await waitFor(
      async () => (await world.plsp.cancellations({ patient: person.cpr, system: world.lps.systemName, since })).find((cancellation) => cancellation.httpStatus === 200),
      { timeoutMs, intervalMs: 250, what: `a cancellation from "${world.lps.systemName}"` },
    );
    return { httpStatus: entry.httpStatus, body: { ...(entry.cancelled ? { cancelled: entry.cancelled } : {}) }, results: [] };
  } catch {
    const seen = await world.plsp.cancellations({ since });
    throw new Error(
      `[LABA-05] Ingen annullering fra "${world.lps.systemName}" for ${person.cpr} inden for ${Math.round(timeoutMs / 1000)} s (POST /plsp/v1/cancellations med {"patientId", "producerCode"}). ` +
        (seen.length === 0 ? 'PLSP modtog ingen annulleringer i ventetiden.' : `Modtaget: ${seen.map((c) => `${c.lpsSystem ?? '?'} ${c.patientId}/${c.producerCode} HTTP ${c.httpStatus}`).join(' | ')}`),
    );
  }
}

/** Vendor variant of "LPS'et sender kun X-svaret": X reached the hub accepted, and no received result did. */
export async function assertOnlyOwnShared(world: LokalsvarWorld, name: string): Promise<void> {
  await assertNoForeignResultSent(world);
  const shared = world.result(name).shared;
  if (!shared || shared.receipt.kind !== 'XCTL03') throw new Error(`[DEL-01] ${name}-svaret blev ikke delt med positiv kvittering fra PLSP`);
  world.recordShared(shared);
}

/** Registers in a vendor's LPS: a received result is imported (and watched for), an own result registered and shared. */
export async function registerWithVendor(world: LokalsvarWorld, spec: ResultToRegister): Promise<{ registered: RegisteredResult; shared?: SharedResult }> {
  if (spec.origin && spec.origin !== 'klinik') {
    startWatching(world);
    return { registered: await importReceived(world, spec) };
  }
  return world.lps.registerAndShare(spec);
}

/** Vendor variant of "lægen forsøger at dele X-svaret" (a received result): nothing may reach the hub, and the tester attests the refusal. */
export async function vendorTryShare(world: LokalsvarWorld, name: string): Promise<Refusal> {
  const spec = world.result(name).spec;
  const rule = spec.origin === 'laboratorium' ? 'DEL-06' : 'DEL-07';
  channel(world).instruct({
    text: `I LPS'et: forsøg at dele ${name}-svaret for ${spec.patient.cpr}, som LPS'et modtog fra ${spec.producer?.name ?? 'en anden producent'}.`,
    data: { action: 'forsoeg-at-dele', ...spec, code: analysis(spec.analysis).code, system: world.lps.systemName, since: new Date().toISOString() },
  });
  // The answer comes when the tester has tried: what the hub has from the LPS then is the verdict.
  const refusal = await attestedRefusal(world, rule, `Afviste LPS'et at dele ${name}-svaret fra ${spec.producer?.name ?? 'en anden producent'}?`);
  await assertNoForeignResultSent(world);
  return refusal;
}
