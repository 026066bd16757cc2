/**
 * Writes what the scenarios attached (cucumber's attachment messages) as files beside the report:
 * evidens/<NNN>-<scenario>/<MM>-<name>, one folder a scenario in run order, and returns each file's path and
 * SHA-256 by attachment, for the report to link.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceFile } from './certification-data';
import type { RunAttachment, ScenarioRun } from './run-results';

export const EVIDENCE_DIR = 'evidens';

const EXTENSIONS: Record<string, string> = {
  'application/xml': '.xml',
  'text/xml': '.xml',
  'application/json': '.json',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'text/html': '.html',
  'application/zip': '.zip',
};

/** A file-name-safe form of a Danish text: letters and digits kept (æøå too), the rest one dash, at most `max` characters. */
export function slug(text: string, max = 60): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, max).replace(/-$/, '') || 'x';
}

/** The scenario's name, and for an outline its example row's values, so that the examples' folders differ by name. */
function folderName(scenario: ScenarioRun): string {
  return scenario.example ? `${slug(scenario.name, 36)}--${slug(Object.values(scenario.example).join(' '), 40)}` : slug(scenario.name);
}

function fileNameOf(attachment: RunAttachment, index: number): string {
  const extension = EXTENSIONS[attachment.mediaType.split(';')[0]?.trim() ?? ''] ?? '.txt';
  const given = attachment.fileName ? path.basename(attachment.fileName) : '';
  const base = given ? given.replace(/[^\p{L}\p{N}._-]+/gu, '-') : `bilag${extension}`;
  return `${String(index + 1).padStart(2, '0')}-${path.extname(base) ? base : `${base}${extension}`}`;
}

/** Replaces reportDir/evidens with the run's attachments. */
export function writeEvidence(scenarios: readonly ScenarioRun[], reportDir: string): Map<RunAttachment, EvidenceFile> {
  const root = path.join(reportDir, EVIDENCE_DIR);
  rmSync(root, { recursive: true, force: true });
  const index = new Map<RunAttachment, EvidenceFile>();
  let folderNumber = 0;
  for (const scenario of scenarios) {
    const attachments = (scenario.steps ?? []).flatMap((step) => step.attachments);
    if (attachments.length === 0) continue;
    folderNumber += 1;
    const folder = `${String(folderNumber).padStart(3, '0')}-${folderName(scenario)}`;
    mkdirSync(path.join(root, folder), { recursive: true });
    attachments.forEach((attachment, position) => {
      const name = fileNameOf(attachment, position);
      const data = Buffer.from(attachment.body, attachment.contentEncoding === 'BASE64' ? 'base64' : 'utf8');
      writeFileSync(path.join(root, folder, name), data);
      index.set(attachment, {
        name: name.slice(3),
        path: [EVIDENCE_DIR, folder, name].join('/'),
        mediaType: attachment.mediaType,
        bytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      });
    });
  }
  return index;
}
