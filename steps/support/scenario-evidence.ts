/**
 * The evidence of one scenario, gathered in one place (steps/hooks.ts calls it after every scenario) and attached
 * through cucumber's attach, so it lands in the message stream and from there in the certification report and
 * evidens.zip (requirements/evidence-files.ts):
 *   testdata.json           test person, practice and the results the scenario registered
 *   NN-besked-<env>.xml     every message PLSP received in the scenario, as received
 *   NN-kvittering-<env>.xml the receipt PLSP answered with
 *   valideringsfund.json    per message: HTTP status, receipt, refuse code, every finding of the platform's
 *                           validator in the hub (warnings too)
 *   databanker-gemt.json    what each databank (LABA, MiBa) stored from those messages
 *   portalen-viser.json     what Laboratoriesvarportalen served for the scenario's patients when the scenario ended
 *                           (its results from those messages; an empty list is evidence too, e.g. denied consent)
 *   tidslinje.json          per result: stored by the databank, answered by PLSP (its journal stamps a message when
 *                           it has forwarded it and sent the receipt), seen in Sundhedsjournalen, served by the portal
 * Screenshots of Sundhedsjournalen are taken after each step that checks it (hooks.ts, AfterStep). MedCom's official
 * XSDs judge the messages and receipts once the run is over, all of the run's in one go; their findings join each
 * scenario's evidence in the reports (medcom-skema.json, requirements/official-verdicts.ts).
 */
import type { StoredResult } from '../../contracts/databank';
import type { PortalResult } from '../../contracts/labportal';
import type { HubJournalEntry } from '../../contracts/plsp';
import type { LokalsvarWorld } from '../world';
import { MESSAGE_FILE_PREFIX, RECEIPT_FILE_PREFIX } from '../../requirements/evidence-names';

/** A look at Sundhedsjournalen: when, and which step. */
export interface ViewCheck {
  at: string;
  step: string;
}

type Attach = (data: string, options: { mediaType: string; fileName: string }) => void;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function testData(world: LokalsvarWorld): Record<string, string> {
  const data: Record<string, string> = {};
  if (world.person) data.testperson = `${world.person.givenName} ${world.person.surname} (${world.person.cpr})`;
  if (world.clinic) data.praksis = world.clinic;
  for (const [name, result] of world.results) {
    const { spec, registered } = result;
    const interval = spec.referenceInterval;
    const limits = [interval?.lowerLimit && `fra ${interval.lowerLimit}`, interval?.upperLimit && `under ${interval.upperLimit}`, interval?.intervalText].filter(Boolean).join(' ');
    const intervalText = interval ? `, referenceinterval ${limits}${interval.typeOfInterval ? ` (${interval.typeOfInterval})` : ''}` : '';
    data[name] =
      `${spec.value}${spec.unit ? ` ${spec.unit}` : ''}${intervalText}, analysekode ${result.analysis.code}, ` +
      `rekvisition ${registered.sampleNumber ?? registered.internalSampleIdentifier}${spec.consentGiven === false ? ', samtykke nægtet' : ''}` +
      `${result.shared ? `, kuvert ${result.shared.envelopeIdentifier}` : ''}`;
  }
  return data;
}

/**
 * The hub's journal entries of this scenario since it began: the messages it sent or saw sent, those about the test
 * persons it names, and, when no other scenario ran meanwhile (a serial run, or a scenario tagged @alene), every
 * message of its LPS system. In a parallel run other scenarios' messages are about other persons
 * (run/parallel-rules.ts), so they are not this scenario's evidence.
 */
async function scenarioMessages(world: LokalsvarWorld, since: string): Promise<HubJournalEntry[]> {
  const entries = await world.plsp.journal({ since });
  const persons = new Set([...world.persons, ...(world.person ? [world.person.cpr] : [])]);
  const envelopes = new Set([...world.sharedLog.flatMap((shared) => (shared.envelopeIdentifier ? [shared.envelopeIdentifier] : [])), ...world.otherSystemEnvelopes.map((sent) => sent.envelope), ...(world.lastSentEnvelope ? [world.lastSentEnvelope] : [])]);
  const alone = world.ranAlone();
  return entries
    .filter((entry) => (entry.envelopeIdentifier !== undefined && envelopes.has(entry.envelopeIdentifier)) || entry.patientIds.some((id) => persons.has(id)) || (alone && entry.lpsSystem === world.lps.systemName))
    .reverse(); // the journal is newest first
}

function fileSafe(text: string | undefined): string {
  return (text ?? 'uden-kuvert').replace(/[^A-Za-z0-9._-]+/g, '-');
}

function timeline(
  messages: readonly HubJournalEntry[],
  stored: readonly { databank: string; result: StoredResult & { receivedAt?: string } }[],
  views: readonly ViewCheck[],
  portal: { at: string; results: readonly PortalResult[] },
): unknown[] {
  return stored.map(({ databank, result }) => {
    const message = messages.find((entry) => entry.envelopeIdentifier === result.record.envelopeIdentifier);
    const servedNow = portal.results.some((shown) => shown.requisitionId === result.record.requisitionId && shown.analysisCode === result.record.analysisCode);
    const hops = [
      ...(message ? [{ hop: 'behandlet af PLSP: videresendt, kvittering sendt til LPS', tid: message.receivedAt }] : []),
      ...(result.receivedAt ? [{ hop: `videresendt og gemt i ${databank} (version ${result.version})`, tid: result.receivedAt }] : []),
      ...views.map((view) => ({ hop: 'set i Sundhedsjournalen', tid: view.at, trin: view.step })),
      { hop: servedNow ? 'vist af portalen (hentet ved scenariets slutning)' : 'ikke vist af portalen ved scenariets slutning', tid: portal.at },
    ].sort((a, b) => a.tid.localeCompare(b.tid));
    const start = hops[0] ? Date.parse(hops[0].tid) : 0;
    return {
      analysekode: result.record.analysisCode,
      rekvisition: result.record.requisitionId,
      kuvert: result.record.envelopeIdentifier,
      hop: hops.map((hop) => ({ ...hop, efterMs: Date.parse(hop.tid) - start })),
    };
  });
}

/** What the portal serves for the patients now; a portal that does not answer is recorded, not thrown. */
async function portalView(world: LokalsvarWorld, patients: readonly string[]): Promise<{ at: string; results: PortalResult[]; error?: string }> {
  const at = new Date().toISOString();
  try {
    return { at, results: (await Promise.all(patients.map((patient) => world.labportal.results(patient)))).flat() };
  } catch (error) {
    return { at, results: [], error: (error as Error).message };
  }
}

/** Attaches the scenario's evidence; never fails the scenario, says instead what it could not gather. */
export async function attachScenarioEvidence(world: LokalsvarWorld, attach: Attach, since: string, views: readonly ViewCheck[]): Promise<void> {
  try {
    const data = testData(world);
    if (Object.keys(data).length > 0) attach(json(data), { mediaType: 'application/json', fileName: 'testdata.json' });
    const messages = await scenarioMessages(world, since);
    messages.forEach((entry, index) => {
      const name = `${String(index + 1).padStart(2, '0')}-${fileSafe(entry.envelopeIdentifier)}`;
      if (entry.xml) attach(entry.xml, { mediaType: 'application/xml', fileName: `${MESSAGE_FILE_PREFIX}${name}.xml` });
      attach(entry.receiptXml, { mediaType: 'application/xml', fileName: `${RECEIPT_FILE_PREFIX}${name}.xml` });
    });
    // What the databanks and the portal hold, fetched together.
    const patients = [...new Set([...(world.person ? [world.person.cpr] : []), ...messages.flatMap((entry) => entry.patientIds)])].filter(Boolean);
    const envelopes = new Set(messages.map((entry) => entry.envelopeIdentifier));
    const storing = Promise.all(
      [world.laba, world.miba].map(async (databank) => ({
        databank: databank.name,
        results: (await Promise.all(patients.map((patient) => databank.results(patient)))).flat().filter((result) => envelopes.has(result.record.envelopeIdentifier)),
      })),
    );
    storing.catch(() => undefined); // awaited below, after the findings
    const serving = portalView(world, patients);
    if (messages.length > 0) {
      const findings = messages.map((entry) => ({
        kuvert: entry.envelopeIdentifier,
        lpsSystem: entry.lpsSystem,
        modtaget: entry.receivedAt,
        httpStatus: entry.httpStatus,
        kvittering: entry.receipt,
        ...(entry.refuseCode ? { afvisningskode: entry.refuseCode } : {}),
        fund: entry.findings,
      }));
      attach(json(findings), { mediaType: 'application/json', fileName: 'valideringsfund.json' });
    }
    if (patients.length === 0) return;
    const stored: { databank: string; result: StoredResult }[] = [];
    const perDatabank: Record<string, StoredResult[]> = {};
    for (const { databank, results } of await storing) {
      perDatabank[databank] = results;
      stored.push(...results.map((result) => ({ databank, result })));
    }
    attach(json(perDatabank), { mediaType: 'application/json', fileName: 'databanker-gemt.json' });
    const served = await serving;
    const requisitions = new Set(stored.map(({ result }) => result.record.requisitionId));
    const portalResults = served.results.filter((result) => requisitions.has(result.requisitionId));
    attach(json({ hentet: served.at, resultater: portalResults, ...(served.error ? { fejl: served.error } : {}) }), { mediaType: 'application/json', fileName: 'portalen-viser.json' });
    if (stored.length > 0) attach(json(timeline(messages, stored, views, { at: served.at, results: portalResults })), { mediaType: 'application/json', fileName: 'tidslinje.json' });
  } catch (error) {
    attach(`Evidensen kunne ikke hentes helt: ${(error as Error).message}`, { mediaType: 'text/plain', fileName: 'evidens-fejl.txt' });
  }
}
