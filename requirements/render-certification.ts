/** The certification report in Danish, as Markdown and as a standalone HTML page. */
import { attestationLine } from './tester-attestation';
import type { RequirementVerdict, Verdict } from './certification';

export interface ReportContext {
  /** Where the systems ran: local / containers / remote. */
  environment: string;
  /** LPS system(s) that sent, e.g. Pilot-LPS. */
  lpsSystem: string;
  /** When the run finished (ISO). */
  finishedAt: string;
  /** Platform version: git commit or package version. */
  platformVersion: string;
}

const MARK: Record<Verdict, string> = {
  opfyldt: '✔ opfyldt',
  'ikke opfyldt': '✖ ikke opfyldt',
  'delvist afprøvet': '◐ delvist afprøvet',
  'ikke afprøvet': '– ikke afprøvet',
};

function counts(verdicts: readonly RequirementVerdict[]): string {
  const count = (verdict: Verdict): number => verdicts.filter((entry) => entry.verdict === verdict).length;
  const partly = count('delvist afprøvet');
  const manual = verdicts.filter((entry) => entry.manual).length;
  return (
    `${count('opfyldt')} af ${verdicts.length} krav opfyldt, ${count('ikke opfyldt')} ikke opfyldt, ` +
    `${partly > 0 ? `${partly} delvist afprøvet, ` : ''}${count('ikke afprøvet')} ikke afprøvet` +
    (manual > 0 ? ` (${manual} afgjort ved manuel afprøvning)` : '')
  );
}

function mark(entry: RequirementVerdict): string {
  return entry.manual ? `${MARK[entry.verdict]} (manuelt)` : MARK[entry.verdict];
}

function attestationText(entry: RequirementVerdict): string[] {
  return entry.attestations.map(
    (attestation) => `Manuelt ${attestation.result}: ${attestation.by}, ${attestation.date}${attestation.note ? ` – ${attestation.note}` : ''}`,
  );
}

export function summaryLine(verdicts: readonly RequirementVerdict[]): string {
  return `Certificering: ${counts(verdicts)}`;
}

export function renderMarkdown(verdicts: readonly RequirementVerdict[], context: ReportContext): string {
  const lines = [
    '# Certificeringsrapport: deling af lokale laboratoriesvar',
    '',
    `- LPS-system: ${context.lpsSystem}`,
    `- Miljø: ${context.environment}`,
    `- Kørt: ${context.finishedAt}`,
    `- Platform: lokalsvar-e2e ${context.platformVersion}`,
    `- Resultat: ${counts(verdicts)}`,
    '',
    '| Krav | Titel | Resultat | Scenarier |',
    '|---|---|---|---|',
    ...verdicts.map((entry) => {
      const names = entry.scenarios.flatMap((scenario) => [
        `${scenario.outcome === 'passed' ? '✔' : scenario.outcome === 'failed' ? '✖' : '–'} ${scenario.name}`,
        ...attestedFor(scenario, entry.requirement.id),
      ]);
      const lines = [...names, ...attestationText(entry)];
      return `| ${entry.requirement.id} | ${entry.requirement.title} | ${mark(entry)} | ${lines.join('<br>') || '–'} |`;
    }),
    '',
  ];
  const failures = verdicts.flatMap(({ requirement, scenarios }) =>
    scenarios.filter((scenario) => scenario.outcome === 'failed').map((scenario) => `- ${requirement.id}, "${scenario.name}" (${scenario.uri}): ${scenario.error ?? 'fejlede'}`),
  );
  if (failures.length > 0) lines.push('## Fejl', '', ...failures, '');
  return lines.join('\n');
}

/** The tester's answers in a scenario about this rule, "attesteret" with who and when. */
function attestedFor(scenario: RequirementVerdict['scenarios'][number], id: string): string[] {
  return (scenario.attested ?? []).filter((attestation) => attestation.krav === id).map(attestationLine);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderHtml(verdicts: readonly RequirementVerdict[], context: ReportContext): string {
  const rows = verdicts
    .map((entry) => {
      const { requirement, verdict, scenarios } = entry;
      const list = [
        ...scenarios.map(
          (scenario) =>
            `<li class="${scenario.outcome}">${escapeHtml(scenario.name)}${scenario.error ? `<div class="fejl">${escapeHtml(scenario.error)}</div>` : ''}` +
            `${attestedFor(scenario, requirement.id).map((line) => `<div class="attesteret">${escapeHtml(line)}</div>`).join('')}</li>`,
        ),
        ...attestationText(entry).map((text) => `<li class="manuelt">${escapeHtml(text)}</li>`),
      ].join('');
      return `<tr class="${verdict.replace(/ /g, '-')}"><th scope="row">${escapeHtml(requirement.id)}</th><td>${escapeHtml(requirement.title)}<div class="kilde">${escapeHtml(requirement.source)}</div></td><td class="resultat">${escapeHtml(mark(entry))}</td><td><ul>${list || '<li>–</li>'}</ul></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Certificeringsrapport – ${escapeHtml(context.lpsSystem)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem}
dt{font-weight:bold}dd{margin:0}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.5rem;text-align:left;vertical-align:top}thead th{background:#e8eef6}
.kilde{color:#555;font-size:.85em}.opfyldt .resultat{color:#176b2c}.ikke-opfyldt .resultat{color:#a4161a;font-weight:bold}
.ikke-afprøvet .resultat{color:#777}ul{margin:0;padding-left:1.2rem}li.failed{color:#a4161a}.fejl{font-family:monospace;font-size:.85em}
</style></head><body>
<h1>Certificeringsrapport: deling af lokale laboratoriesvar</h1>
<dl><dt>LPS-system</dt><dd>${escapeHtml(context.lpsSystem)}</dd><dt>Miljø</dt><dd>${escapeHtml(context.environment)}</dd>
<dt>Kørt</dt><dd>${escapeHtml(context.finishedAt)}</dd><dt>Platform</dt><dd>lokalsvar-e2e ${escapeHtml(context.platformVersion)}</dd>
<dt>Resultat</dt><dd data-testid="resultat">${escapeHtml(counts(verdicts))}</dd></dl>
<table><thead><tr><th>Krav</th><th>Titel og kilde</th><th>Resultat</th><th>Scenarier</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
