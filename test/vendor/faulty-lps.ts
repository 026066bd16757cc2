/**
 * The platform's own catalogue of faulty LPSs: the robot tester with one defect each that shows on the wire (or,
 * for what only the LPS itself knows, in the tester's answer), and the rule that must catch it. The README's table of
 * measured sensitivity is this list.
 */
import { findAnalysis } from '../../medcom/npu-catalogue';
import type { ReportLetter } from '../../medcom/model';
import { sendAsVendorLps, type AnswerQuestion, type Behaviour } from './robot-tester';

export interface FaultyProfile {
  name: string;
  /** The defect, in Danish, as the README's table shows it. */
  defect: string;
  /** The rule that must be "ikke opfyldt". */
  rule: string;
  /** The scenarios run for it (the rule's own, where that is honest). */
  tags: string;
  /** What the failure must name: the field's path or the rule's words. */
  names: RegExp;
  behaviour: Behaviour;
  answer?: AnswerQuestion;
}

function eachResult(letter: ReportLetter, change: (result: { producerOfLabResult: { identifierCode: string } }) => void): void {
  if (letter.kind === 'XRPT01') letter.results.forEach(change);
  else letter.investigations.forEach((investigation) => change(investigation.examination));
}

export const FAULTY_PROFILES: readonly FaultyProfile[] = [
  {
    name: 'stavefejl-i-navn',
    defect: 'Patientens fornavn stavet forkert',
    rule: 'DEL-01',
    tags: '@krav:DEL-02',
    names: /PersonGivenName/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => (l.patient.personGivenName = `${l.patient.personGivenName ?? ''}x`)) } },
  },
  {
    name: 'afrundet-vaerdi',
    defect: 'Værdien afrundet til heltal (6,1 sendt som 6)',
    rule: 'DEL-01',
    tags: '@krav:LABA-04',
    names: /Result\[1\]\/Value/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => l.kind === 'XRPT01' && l.results.forEach((r) => (r.value = r.value.replace(/[.,]\d+$/, '')))) } },
  },
  {
    name: 'sekunder-i-tidspunkt',
    defect: 'Tidspunkter med sekunder (hh:mm:ss); PLSP afviser beskeden',
    rule: 'DEL-01',
    tags: '@krav:DEL-02',
    names: /PLSP afviste beskeden.*\/Time: the value "\d\d:\d\d:\d\d" is not a time of the form hh:mm/,
    behaviour: { share: { rewriteXml: (xml) => xml.replace(/<Time>(\d\d:\d\d)<\/Time>/g, '<Time>$1:00</Time>') } },
  },
  {
    name: 'fremmed-producentkode',
    defect: 'En anden praksis\' producentkode på egne svar',
    rule: 'DEL-02',
    tags: '@krav:DEL-02',
    names: /ProducerOfLabResult\/IdentifierCode/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => eachResult(l, (r) => (r.producerOfLabResult.identifierCode = 'LHN'))) } },
  },
  {
    name: 'samtykke-ignoreret',
    defect: 'Nægtet samtykke sendes som givet',
    rule: 'DEL-03',
    tags: '@krav:DEL-03',
    names: /Consent\/Given/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => (l.patient.consentGiven = true)) } },
  },
  {
    name: 'sletter-delt-svar',
    defect: 'Lader et delt svar slette (testeren svarer "nej")',
    rule: 'DEL-04',
    tags: '@krav:DEL-04',
    names: /Testeren svarede "nej"/,
    behaviour: {},
    answer: (question) => ({ svar: question.rule === 'DEL-04' ? 'nej' : 'ja', note: 'Svaret kunne slettes' }),
  },
  {
    name: 'rettelse-som-nyt-svar',
    defect: 'En rettelse sendes som nyt endeligt svar under et nyt prøvenummer',
    rule: 'DEL-05',
    tags: '@krav:DEL-05',
    names: /ResultStatusCode/,
    behaviour: {
      instead: async (instruction, hubUrl, system) => {
        if (instruction.action !== 'ret') return false;
        const change = (instruction as unknown as { change: { value: string; unit?: string } }).change;
        await sendAsVendorLps({ ...instruction, ...change, sampleNumber: undefined }, system, hubUrl);
        return true;
      },
    },
  },
  {
    name: 'deler-laboratoriesvar',
    defect: 'Deler et svar modtaget fra et laboratorium',
    rule: 'DEL-06',
    tags: '@krav:DEL-06',
    names: /sendte Hb-svaret, som det modtog fra KBA Aalborg/,
    behaviour: { instead: sharesReceived('del-alle-nye') },
  },
  {
    name: 'sender-laboratoriesvar-sent',
    defect: 'Sender et svar modtaget fra et laboratorium, men først når køen tømmes',
    rule: 'DEL-06',
    tags: '@krav:DEL-06',
    names: /sendte Hb-svaret, som det modtog fra KBA Aalborg/,
    ...sendsReceivedLate(),
  },
  {
    name: 'deler-kopisvar',
    defect: 'Deler et kopisvar fra en anden praksis',
    rule: 'DEL-07',
    tags: '@krav:DEL-07',
    names: /sendte INR-svaret, som det modtog fra Lægehuset Nord/,
    behaviour: { instead: sharesReceived('forsoeg-at-dele') },
  },
  {
    name: 'strep-a-som-xrpt01',
    defect: 'Mikrobiologi (Strep A) sendt som XRPT01 i stedet for XRPT05; PLSP afviser den',
    // Caught where it shows: PLSP refuses the microbiology code in an XRPT01 (schema), which is DEL-01's fault.
    rule: 'DEL-01',
    tags: '@krav:DEL-08',
    names: /PLSP afviste beskeden.*LaboratoryReport/,
    behaviour: {
      instead: async (instruction, hubUrl, system) => {
        if (instruction.action !== 'registrer-og-del' || findAnalysis(instruction.analysis)?.letterType !== 'XRPT05') return false;
        await sendAsVendorLps(instruction, system, hubUrl, { asLetterType: 'XRPT01' });
        return true;
      },
    },
  },
  {
    name: 'uden-proevenummer',
    defect: 'Det nationale prøvenummer, testeren fik, sendes ikke',
    rule: 'LABA-03',
    tags: '@krav:DEL-02',
    names: /RequesterSampleIdentifier/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => delete l.requisitionInformation.sample.requesterSampleIdentifier) } },
  },
  {
    name: 'behandlingsmaal-som-normalomraade',
    defect: 'Et behandlingsmål sendt som fysiologisk referenceinterval',
    rule: 'LABA-04',
    tags: '@krav:LABA-04',
    names: /TypeOfInterval/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => l.kind === 'XRPT01' && l.results.forEach((r) => r.referenceInterval && (r.referenceInterval.typeOfInterval = 'fysiologisk'))) } },
  },
  {
    name: 'uden-markering-af-afvigende-vaerdi',
    defect: 'Værdi uden for intervallet uden ResultValidation',
    rule: 'LABA-04',
    tags: '@krav:LABA-04',
    names: /ResultValidation/,
    behaviour: { share: { mutate: (m) => m.letters.forEach((l) => l.kind === 'XRPT01' && l.results.forEach((r) => delete r.resultValidation)) } },
  },
  {
    name: 'annullerer-ikke',
    defect: 'Annullerer ikke svarene ved forkert patient-ID',
    rule: 'LABA-05',
    tags: '@krav:LABA-05',
    names: /Ingen annullering fra/,
    behaviour: { instead: async (instruction) => instruction.action === 'annuller-patient' },
  },
  {
    name: 'dobbelt-som-nye-svar',
    defect: 'Sender hvert svar to gange som to forskellige svar (nyt prøvenummer)',
    rule: 'MON-01',
    tags: '@krav:MON-01',
    names: /Krav MON-01: tælleren for svar delt af Robot-LPS skulle være steget med (\d+), men steg med (?!\1)\d+/,
    behaviour: {
      instead: async (instruction, hubUrl, system, sampleNumbers) => {
        if (instruction.action !== 'registrer-og-del') return false;
        const sent = await sendAsVendorLps(instruction, system, hubUrl);
        sampleNumbers.set(`${instruction.patient.cpr}:${instruction.code}`, sent.sampleNumber);
        // Another first digit, so never the same number (the run's numbers begin with whatever the clock says).
        const another = `${sent.sampleNumber.startsWith('9') ? '8' : '9'}${sent.sampleNumber.slice(1)}`;
        await sendAsVendorLps({ ...instruction, sampleNumber: another }, system, hubUrl);
        return true;
      },
    },
  },
];

type Received = Parameters<NonNullable<Behaviour['instead']>>[0];

/** Sends a result the LPS received from a laboratory or another practice, under that producer's code: what a correct LPS never does. */
async function sendReceived(result: Received, hubUrl: string, system: string): Promise<void> {
  const producer = (result as unknown as { producer: { name: string; code: string } }).producer;
  await sendAsVendorLps({ ...result, clinic: producer.name }, system, hubUrl, { producerCode: producer.code });
}

/** Shares the received result (from the imported file's data) when told to do the action; a correct LPS never does. */
function sharesReceived(action: string): Behaviour['instead'] {
  const received: Received[] = [];
  return async (instruction, hubUrl, system) => {
    if (instruction.action === 'importer') {
      received.push(instruction);
      return true;
    }
    if (instruction.action !== action) return false;
    for (const result of received) await sendReceived(result, hubUrl, system);
    return true;
  };
}

/**
 * Told to share everything new, queues the received result and sends it only when the tester is asked whether the
 * LPS is done: a late sender, which a verdict that waits a set time instead of for "done" would pass.
 */
function sendsReceivedLate(): Pick<FaultyProfile, 'behaviour' | 'answer'> {
  const queue: Received[] = [];
  let hub: { url: string; system: string } | undefined;
  return {
    behaviour: {
      instead: async (instruction, hubUrl, system) => {
        if (instruction.action === 'importer') queue.push(instruction);
        else if (instruction.action === 'del-alle-nye') hub = { url: hubUrl, system };
        else return false;
        return true;
      },
    },
    answer: async (question) => {
      if (hub && /færdigt/.test(question.question)) for (const result of queue.splice(0)) await sendReceived(result, hub.url, hub.system);
      return { svar: 'ja' };
    },
  };
}

/** A correct LPS that sends every message twice (allowed: a resend). */
export const RESENDING: Behaviour = { share: { times: 2 } };
