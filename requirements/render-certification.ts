/**
 * The certification report in Danish, as Markdown (per rule) and as a standalone HTML page (per rule, scenario and
 * step, with expected and actual results and a link to every evidence file; offline, no external resources).
 */
import type { RequirementVerdict, Verdict } from './certification';
import { attestationLine } from './tester-attestation';
import { scenarioLabel, type CertificationReport, type EvidenceFile, type ReportContext, type RetiredScenario, type ScenarioReport, type StepReport, type StepVerdict } from './certification-data';

export type { ReportContext } from './certification-data';

const MARK: Record<Verdict, string> = {
  opfyldt: '✔ opfyldt',
  'ikke opfyldt': '✖ ikke opfyldt',
  'delvist afprøvet': '◐ delvist afprøvet',
  'ikke afprøvet': '– ikke afprøvet',
};

/** The counts in one Danish line: "14 af 15 krav opfyldt, 1 ikke opfyldt, 0 ikke afprøvet". */
export function counts(verdicts: readonly RequirementVerdict[]): string {
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

/** In Danish: the report combines runs of different platform versions, which ones; '' when it does not. */
export function mixedVersionsWarning(context: ReportContext): string {
  if (!context.mixedPlatformVersions) return '';
  const versions = (context.platformVersions ?? []).map((entry) => `${entry.version}: ${entry.runs.join(', ')}`).join('; ');
  return `Resultaterne kommer fra forskellige platformversioner (${versions}). Kør alle scenarier igen på én version for en rapport fra én version.`;
}

export function renderMarkdown(verdicts: readonly RequirementVerdict[], context: ReportContext, retired: readonly RetiredScenario[] = []): string {
  const warning = mixedVersionsWarning(context);
  const lines = [
    '# Certificeringsrapport: deling af lokale laboratoriesvar',
    '',
    `- LPS-system: ${context.lpsSystem}`,
    `- Miljø: ${context.environment}`,
    `- Kørt: ${context.finishedAt}`,
    `- Platform: lokalsvar-e2e ${context.platformVersion}`,
    ...(warning ? [`- **Advarsel:** ${warning}`] : []),
    `- Resultat: ${counts(verdicts)}`,
    '',
    '| Krav | Titel | Resultat | Scenarier |',
    '|---|---|---|---|',
    ...verdicts.map((entry) => {
      const names = entry.scenarios.flatMap((scenario) => [
        `${scenario.outcome === 'passed' ? '✔' : scenario.outcome === 'failed' ? '✖' : '–'} ${scenarioLabel(scenario)}${scenario.source ? ` (${scenario.source})` : ''}`,
        ...attestedFor(scenario, entry.requirement.id),
      ]);
      const lines = [...names, ...attestationText(entry)];
      return `| ${entry.requirement.id} | ${entry.requirement.title} | ${mark(entry)} | ${lines.join('<br>') || '–'} |`;
    }),
    '',
  ];
  const failures = verdicts.flatMap(({ requirement, scenarios }) =>
    scenarios.filter((scenario) => scenario.outcome === 'failed').map((scenario) => `- ${requirement.id}, "${scenarioLabel(scenario)}" (${scenario.uri}): ${scenario.error ?? 'fejlede'}`),
  );
  if (failures.length > 0) lines.push('## Fejl', '', ...failures, '');
  if (retired.length > 0) lines.push('## Ikke længere i kravene', '', 'Tæller ikke med: scenarierne findes ikke længere i feature-filerne.', '', ...retired.map((scenario) => `- ${scenario.label} (${scenario.uri}): ${scenario.verdict}${scenario.source ? `, ${scenario.source}` : ''}`), '');
  return lines.join('\n');
}

/** The tester's answers in a scenario about this rule, "attesteret" with who and when. */
function attestedFor(scenario: RequirementVerdict['scenarios'][number], id: string): string[] {
  return (scenario.attested ?? []).filter((attestation) => attestation.krav === id).map(attestationLine);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STEP_MARK: Record<StepVerdict, string> = {
  bestået: '✔ bestået',
  fejlet: '✖ fejlet',
  'ikke afprøvet': '– ikke afprøvet',
  attesteret: '☑ attesteret',
  'ikke relevant': '○ ikke relevant',
};

function requirementMark(verdict: Verdict, manual: boolean): string {
  return manual ? `${MARK[verdict]} (manuelt)` : MARK[verdict];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).replace('.', ',')} s`;
}

function evidenceLinks(files: readonly EvidenceFile[]): string {
  if (files.length === 0) return '';
  return `<ul class="evidens">${files.map((file) => `<li><a href="${escapeHtml(encodeURI(file.path))}">${escapeHtml(file.name)}</a></li>`).join('')}</ul>`;
}

function table(rows: readonly string[][]): string {
  return `<table class="data">${rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')}</table>`;
}

function stepRow(step: StepReport, index: number): string {
  const action = [
    `<span class="kw">${escapeHtml(step.keyword.trim())}</span> ${escapeHtml(step.text)}`,
    step.dataTable ? table(step.dataTable) : '',
    step.docString !== undefined ? `<pre>${escapeHtml(step.docString)}</pre>` : '',
  ].join('');
  const expected = step.expected !== undefined ? `<pre>${escapeHtml(step.expected)}</pre>` : step.verdict === 'fejlet' ? '<i>se handlingen</i>' : '';
  const actual = step.actual !== undefined ? `<pre>${escapeHtml(step.actual)}</pre>` : '';
  const error = step.error ? `<details><summary>Fejlmeddelelse</summary><pre>${escapeHtml(step.error)}</pre></details>` : '';
  return (
    `<tr class="trin ${step.verdict.replace(/ /g, '-')}"><td>${index + 1}</td><td>${action}</td><td>${escapeHtml(step.arguments.join(' · '))}</td>` +
    `<td data-felt="forventet">${expected}</td><td data-felt="faktisk">${actual}${error}</td><td class="resultat">${escapeHtml(STEP_MARK[step.verdict])}</td>` +
    `<td>${seconds(step.durationMs)}</td><td>${evidenceLinks(step.evidence)}</td></tr>`
  );
}

function scenarioSection(scenario: ScenarioReport): string {
  const data = Object.entries(scenario.testData);
  return (
    `<details class="scenarie ${scenario.verdict.replace(/ /g, '-')}"${scenario.verdict === 'fejlet' ? ' open' : ''}>` +
    `<summary><span class="resultat">${escapeHtml(STEP_MARK[scenario.verdict])}</span> ${escapeHtml(scenario.label)} <span class="kilde">${escapeHtml(scenario.uri)}${scenario.line ? `:${scenario.line}` : ''} · ${seconds(scenario.durationMs)}${scenario.source ? ` · ${escapeHtml(scenario.source)}` : ''}</span></summary>` +
    (scenario.attested ? scenario.attested.map((attestation) => `<div class="attesteret">${escapeHtml(attestationLine(attestation))}</div>`).join('') : '') +
    (data.length > 0 ? `<dl class="testdata">${data.map(([field, value]) => `<dt>${escapeHtml(field)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>` : '') +
    (scenario.steps.length > 0
      ? `<table class="trin"><thead><tr><th>#</th><th>Handling</th><th>Testdata</th><th>Forventet</th><th>Faktisk</th><th>Resultat</th><th>Varighed</th><th>Evidens</th></tr></thead><tbody>${scenario.steps.map(stepRow).join('')}</tbody></table>`
      : '<p>Scenariet blev ikke kørt i denne kørsel.</p>') +
    `</details>`
  );
}

/** In a report that combines several runs: which runs a rule's verdict comes from. */
function sourceNote(sources: readonly string[] | undefined): string {
  return sources && sources.length > 0 ? `<div class="kilde" data-felt="kilde">Resultatet er fra ${escapeHtml(sources.join(' og '))}</div>` : '';
}

/** Results of scenarios the feature files no longer declare, listed apart: they count for no rule. */
function retiredSection(retired: readonly RetiredScenario[] | undefined): string {
  if (!retired || retired.length === 0) return '';
  const items = retired.map((scenario) => `<li class="${escapeHtml(scenario.verdict.replace(/ /g, '-'))}">${escapeHtml(scenario.label)} <span class="kilde">${escapeHtml(scenario.uri)} · ${escapeHtml(scenario.verdict)}${scenario.source ? ` · ${escapeHtml(scenario.source)}` : ''}</span></li>`);
  return `<section id="ikke-laengere-i-kravene" data-felt="ikke-laengere-i-kravene"><h2>Ikke længere i kravene</h2>
<p>Resultater af scenarier, som feature-filerne ikke længere har (fjernet, omdøbt eller en ændret eksempelrække). De tæller ikke for nogen regel.</p>
<ul>${items.join('')}</ul></section>`;
}

export function renderHtml(report: CertificationReport): string {
  const { context } = report;
  const warning = mixedVersionsWarning(context);
  const overview = report.requirements
    .map((entry) => `<tr class="${entry.verdict.replace(/ /g, '-')}"><th scope="row"><a href="#krav-${escapeHtml(entry.id)}">${escapeHtml(entry.id)}</a></th><td>${escapeHtml(entry.title)}<div class="kilde">${escapeHtml(entry.source)}</div></td><td class="resultat">${escapeHtml(requirementMark(entry.verdict, entry.manual))}${sourceNote(entry.sources)}</td><td>${entry.scenarios.length}</td></tr>`)
    .join('\n');
  const sections = report.requirements
    .map((entry) => {
      const attestations = entry.attestations.map((attestation) => `<li class="manuelt">Manuelt ${escapeHtml(attestation.result)}: ${escapeHtml(attestation.by)}, ${escapeHtml(attestation.date)}${attestation.note ? ` – ${escapeHtml(attestation.note)}` : ''}</li>`);
      return (
        `<section id="krav-${escapeHtml(entry.id)}" class="${entry.verdict.replace(/ /g, '-')}"><h2>${escapeHtml(entry.id)}: ${escapeHtml(entry.title)} <span class="resultat">${escapeHtml(requirementMark(entry.verdict, entry.manual))}</span></h2>` +
        sourceNote(entry.sources) +
        (attestations.length > 0 ? `<ul>${attestations.join('')}</ul>` : '') +
        entry.scenarios.map(scenarioSection).join('\n') +
        `</section>`
      );
    })
    .join('\n');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Certificeringsrapport – ${escapeHtml(context.lpsSystem)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1.5rem}
dt{font-weight:bold}dd{margin:0}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}thead th{background:#e8eef6}
.kilde{color:#555;font-size:.85em}.opfyldt .resultat,.bestået .resultat{color:#176b2c}.ikke-opfyldt .resultat,.fejlet .resultat{color:#a4161a;font-weight:bold}
.ikke-afprøvet .resultat{color:#777}.advarsel{color:#a4161a;margin:.25rem 0}ul{margin:0;padding-left:1.2rem}pre{white-space:pre-wrap;margin:0;font-size:.85em}
details.scenarie{margin:.5rem 0 .5rem 1rem}details.scenarie>summary{cursor:pointer;padding:.25rem 0}
table.data td{border:1px solid #ccc;padding:.1rem .3rem}.kw{font-weight:bold}tr.trin.fejlet{background:#fdecec}
</style></head><body>
<h1>Certificeringsrapport: deling af lokale laboratoriesvar</h1>
<dl><dt>LPS-system</dt><dd>${escapeHtml(context.lpsSystem)}</dd><dt>Miljø</dt><dd>${escapeHtml(context.environment)}</dd>
<dt>Kørt</dt><dd>${escapeHtml(context.finishedAt)}</dd><dt>Platform</dt><dd>lokalsvar-e2e ${escapeHtml(context.platformVersion)}${warning ? `<p class="advarsel" role="alert" data-felt="blandede-versioner"><strong>Advarsel:</strong> ${escapeHtml(warning)}</p>` : ''}</dd>
<dt>Resultat</dt><dd data-testid="resultat">${escapeHtml(report.summary)}</dd>
<dt>Som data</dt><dd><a href="certificering.json">certificering.json</a> · evidens med kontrolsummer: <a href="evidens.zip">evidens.zip</a></dd></dl>
<table><thead><tr><th>Krav</th><th>Titel og kilde</th><th>Resultat</th><th>Scenarier</th></tr></thead><tbody>
${overview}
</tbody></table>
${sections}
${retiredSection(report.notInRequirements)}
</body></html>
`;
}
