/**
 * MedCom's official schemas' verdict on every message PLSP received and every receipt it answered with in a run,
 * judged once, after the run (scripts/run-suite.ts; scripts/certification-report.ts for a run it did not make): all
 * the run's messages in one xmllint call against the 2014/10/08 set, all its receipts in one against 2005/08/07.
 * Judged while the scenarios ran, two calls a share, they cost the run about 4 s of CPU: each call compiles the
 * schemas (about 40 ms), whatever it judges. The verdicts are the same.
 *
 * The verdicts are kept beside the run's messages (medcom-skema-koersel.json, by each document's SHA-256), and every report
 * made from the run (the certification report, a test camp's combined report) gives each scenario its own
 * medcom-skema.json among its evidence: per message and receipt file, MedCom's findings ([] when valid; null where
 * MEDCOM_XSD_DIR has no schemas, or the check could not run, with why). A run judged again without the schemas (its
 * report made again elsewhere) keeps what they found when it was judged with them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaDirs } from '../medcom/official-xsd/schema-dirs';
import { officialSchemaFindings } from '../medcom/official-xsd/official-sets';
import { MESSAGE_FILE_PREFIX, OFFICIAL_VERDICTS_FILE, RECEIPT_FILE_PREFIX, RUN_VERDICTS_FILE } from './evidence-names';
import type { RunAttachment, ScenarioRun } from './run-results';

/** The run's verdicts as kept beside its messages. */
interface RunVerdicts {
  /** Where each set of schemas was read from; null where it is not there. */
  schemas: { beskeder: string | null; kvitteringer: string | null };
  /** Findings by the document's SHA-256: [] valid. */
  fund: Record<string, string[]>;
  /** Why a set could not judge, if it could not. */
  fejl?: { beskeder?: string; kvitteringer?: string };
}

type Kind = 'beskeder' | 'kvitteringer';

const SCHEMA_NAMES: Record<Kind, string> = { beskeder: 'MedCom 2014/10/08 (EMessage.xsd)', kvitteringer: 'MedCom 2005/08/07 (EMessage.xsd)' };

/** Which set judges an attachment: messages and receipts, by the names the scenario evidence gives them. */
function kindOf(attachment: RunAttachment): Kind | undefined {
  if (!/xml/.test(attachment.mediaType) || !attachment.fileName) return undefined;
  const name = path.basename(attachment.fileName);
  if (name.startsWith(MESSAGE_FILE_PREFIX)) return 'beskeder';
  if (name.startsWith(RECEIPT_FILE_PREFIX)) return 'kvitteringer';
  return undefined;
}

function textOf(attachment: RunAttachment): string {
  return attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Has libxml2 compile the 2014/10/08 schemas once, on a document of one element, so that the judging at the run's end
 * finds its code compiled and warm: scripts/run-suite.ts calls it while the scenarios run (about 0.2 s less at the
 * end). Never fails: a failure shows when the run is judged.
 */
export async function warmUpOfficialSchemas(): Promise<void> {
  try {
    await officialSchemaFindings('set2014', [{ name: 'opvarmning', xml: '<Emessage/>' }]);
  } catch {
    // said when the run is judged
  }
}

/** Judges every message and receipt the scenarios attached, once each, and writes the verdicts into reportDir. */
export async function judgeRunOfficially(scenarios: readonly ScenarioRun[], reportDir: string): Promise<void> {
  const documents: Record<Kind, Map<string, string>> = { beskeder: new Map(), kvitteringer: new Map() };
  for (const attachment of scenarios.flatMap((scenario) => scenario.steps ?? []).flatMap((step) => step.attachments)) {
    const kind = kindOf(attachment);
    if (!kind) continue;
    const text = textOf(attachment);
    documents[kind].set(digest(text), text);
  }
  const dirs = schemaDirs();
  const earlier = readVerdicts(reportDir);
  const verdicts: RunVerdicts = { schemas: { beskeder: dirs.set2014 ?? null, kvitteringer: dirs.set2005 ?? null }, fund: {} };
  for (const [kind, set] of [['beskeder', 'set2014'], ['kvitteringer', 'set2005']] as const) {
    if (documents[kind].size === 0) continue;
    if (!dirs[set]) {
      // The schemas are not here now (a report made again elsewhere): what they found when this run was judged with
      // them stays, never replaced by nothing.
      if (!('none' in earlier)) keepEarlier(verdicts, earlier, kind, documents[kind].keys());
      continue;
    }
    try {
      const judged = await officialSchemaFindings(set, [...documents[kind]].map(([name, xml]) => ({ name, xml })));
      for (const [name, findings] of judged ?? []) verdicts.fund[name] = findings;
    } catch (error) {
      verdicts.fejl = { ...verdicts.fejl, [kind]: `MedComs skemaer kunne ikke afgøre ${kind}: ${(error as Error).message}` };
    }
  }
  // Written whole or not at all: a report made meanwhile (a test camp's combined report) never reads half a file.
  const file = path.join(reportDir, RUN_VERDICTS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(verdicts, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Carries a set's findings on these documents over from an earlier judging of the run that had the schemas. */
function keepEarlier(verdicts: RunVerdicts, earlier: RunVerdicts, kind: Kind, digests: Iterable<string>): void {
  if (earlier.schemas[kind] === null) return;
  for (const name of digests) {
    const found = earlier.fund[name];
    if (found) verdicts.fund[name] = found;
  }
  verdicts.schemas[kind] = earlier.schemas[kind];
  const why = earlier.fejl?.[kind];
  if (why) verdicts.fejl = { ...verdicts.fejl, [kind]: why };
}

/** The run's verdicts as kept beside its messages, or why there are none. */
function readVerdicts(reportDir: string): RunVerdicts | { none: string } {
  let text: string;
  try {
    text = readFileSync(path.join(reportDir, RUN_VERDICTS_FILE), 'utf8');
  } catch {
    return { none: 'kørslen blev ikke afgjort af MedComs skemaer (den blev afbrudt, eller den er ældre end denne afgørelse)' };
  }
  try {
    return JSON.parse(text) as RunVerdicts;
  } catch (error) {
    return { none: `${RUN_VERDICTS_FILE} kan ikke læses: ${(error as Error).message}` };
  }
}

/**
 * The scenarios, each that attached messages or receipts with its medcom-skema.json added to the step that attached
 * them: per file, which schema judged it and what it found. Where the run has no verdicts (it was stopped before its
 * report; a run from before they were judged after the run), each file's findings are null, with why.
 */
export function withOfficialVerdicts(scenarios: readonly ScenarioRun[], reportDir: string): ScenarioRun[] {
  const read = readVerdicts(reportDir);
  const verdicts: RunVerdicts = 'none' in read ? { schemas: { beskeder: null, kvitteringer: null }, fund: {}, fejl: { beskeder: read.none, kvitteringer: read.none } } : read;
  return scenarios.map((scenario) => {
    const steps = scenario.steps ?? [];
    let last = -1;
    const entries = steps.flatMap((step, index) =>
      step.attachments.flatMap((attachment) => {
        const kind = kindOf(attachment);
        if (!kind) return [];
        last = index;
        const found = verdicts.fund[digest(textOf(attachment))];
        const why = verdicts.fejl?.[kind] ?? (verdicts.schemas[kind] === null ? 'MedComs skemaer findes ikke i MEDCOM_XSD_DIR' : 'ikke afgjort');
        return [{ fil: path.basename(attachment.fileName as string), skema: SCHEMA_NAMES[kind], fund: found ?? null, ...(found ? {} : { hvorfor: why }) }];
      }),
    );
    if (last < 0) return scenario;
    const verdictFile: RunAttachment = { mediaType: 'application/json', fileName: OFFICIAL_VERDICTS_FILE, contentEncoding: 'IDENTITY', body: `${JSON.stringify(entries, null, 2)}\n` };
    return { ...scenario, steps: steps.map((step, index) => (index === last ? { ...step, attachments: [...step.attachments, verdictFile] } : step)) };
  });
}
