/**
 * A vendor session's page, for its tester and for the test leader: what to run, the current instruction and its
 * countdown, the questions to answer, what the hub received from the LPS, the scenarios and steps with their
 * results, the runs with their reports and evidence, and the leader's judgements.
 */
import { REQUIREMENTS } from '../requirements/catalogue';
import type { Caller } from './access';
import type { HubMessages } from './hub-journal';
import { COMBINED_FILES, countsInCombined } from './combined-report';
import { esc, page, region, stateClass, time } from './html';
import { offeredFileHref, offeredFiles } from './offered-files';
import type { Judgement, Prompt, Run, ScenarioResult, VendorSession } from './store';

export interface SessionView {
  session: VendorSession;
  active?: Run;
  runs: Run[];
  /** Files in each run's reports folder that can be downloaded. */
  files: Map<number, string[]>;
  prompts: Prompt[];
  answered: Prompt[];
  scenarios: ScenarioResult[];
  judgements: Judgement[];
}

const RUN_STATE: Record<Run['state'], string> = { kører: 'kører', færdig: 'færdig', afbrudt: 'afbrudt' };

export function renderStatus(view: SessionView): string {
  const active = view.active
    ? `<p class="${stateClass('kører')}">Kørsel ${view.active.id} (${esc(view.active.scope)}) kører, startet ${esc(time(view.active.startedAt))}.</p>`
    : '<p>Ingen kørsel i gang.</p>';
  const runs = view.runs
    .map((run) => {
      const base = `/s/${esc(view.session.id)}/koersler/${run.id}`;
      const files = (view.files.get(run.id) ?? [])
        .map((file) => `<a href="${base}/${encodeURIComponent(file)}" download>${esc(file)}</a>`)
        .join(' · ');
      const report = (view.files.get(run.id) ?? []).includes('certificering.html')
        ? `<br><a href="${base}/vis/certificering.html">Åbn certificeringsrapporten med evidens</a>`
        : '';
      const exit = run.exitCode === undefined ? '' : `, kode ${run.exitCode}`;
      return `<li>Kørsel ${run.id}: ${esc(run.scope)} – ${esc(RUN_STATE[run.state])}${esc(exit)}, ${esc(time(run.startedAt))}${report}${files ? `<br>Filer: ${files}` : ''}</li>`;
    })
    .join('');
  return `${active}${renderCombined(view)}${runs ? `<h3>Kørsler</h3><ul class="koersler">${runs}</ul>` : ''}`;
}

/** The vendor's one report over all of its ended runs (testcamp/combined-report.ts), once a run ended. */
function renderCombined(view: SessionView): string {
  if (!view.runs.some(countsInCombined)) return '';
  const base = `/s/${esc(view.session.id)}/rapport`;
  const downloads = COMBINED_FILES.map((file) => `<a href="${base}/${esc(file)}" download>${esc(file)}</a>`).join(' · ');
  return `<div class="samlet"><h3>Samlet certificeringsrapport</h3>
<p>Det seneste resultat for hvert scenarie på tværs af jeres kørsler (også de scenarier, en afbrudt kørsel nåede at gøre færdige); rapporten siger for hver regel, hvilken kørsel og platformversion resultatet er fra.</p>
<p><a href="${base}/vis/certificering.html">Åbn den samlede certificeringsrapport</a> · Hent: ${downloads}</p></div>`;
}

/** The files a prompt offers, each a download through the cockpit. */
function renderOfferedFiles(prompt: Prompt): string {
  const files = offeredFiles(prompt);
  if (files.length === 0) return '';
  return `<ul class="filer">${files
    .map((file, index) => `<li><a href="${esc(offeredFileHref(prompt, index))}" download="${esc(file.name)}">Hent filen ${esc(file.name)} (til import i LPS'et)</a></li>`)
    .join('')}</ul>`;
}

function renderInstruction(prompt: Prompt): string {
  // The run's own address for a file is not the vendor's way to it: the link below is.
  const text = offeredFiles(prompt).reduce((shown, file) => shown.split(file.url).join(`${file.name} (hent den med linket herunder)`), prompt.text);
  return `<div class="instruktion"><p class="tekst">${esc(text)}</p>
${renderOfferedFiles(prompt)}<p>Tid tilbage: <strong data-frist="${esc(prompt.deadline ?? '')}">${prompt.deadline ? '' : 'ukendt'}</strong></p>
<details><summary>Instruktionen som data</summary><pre>${esc(JSON.stringify(prompt.data, null, 2))}</pre></details></div>`;
}

function renderQuestion(session: VendorSession, prompt: Prompt): string {
  const base = `q-${esc(prompt.id)}`;
  return `<form method="post" action="/s/${esc(session.id)}/spoergsmaal/${encodeURIComponent(prompt.id)}" class="spoergsmaal" data-json-form>
<fieldset><legend>${esc(prompt.text)}</legend>
${renderOfferedFiles(prompt)}<p><input type="radio" id="${base}-ja" name="svar" value="ja" required><label for="${base}-ja">Ja</label>
<input type="radio" id="${base}-nej" name="svar" value="nej"><label for="${base}-nej">Nej</label></p>
<p><label for="${base}-note">Note</label><textarea id="${base}-note" name="note" rows="3"></textarea></p>
<p><label for="${base}-bilag">Skærmbillede (PNG, valgfrit)</label><input type="file" id="${base}-bilag" name="bilag" accept="image/png"></p>
<p><button type="submit">Send svar</button></p></fieldset></form>`;
}

export function renderTask(view: SessionView): string {
  const instructions = view.prompts.filter((prompt) => prompt.kind === 'instruktion');
  const questions = view.prompts.filter((prompt) => prompt.kind === 'spørgsmål');
  if (instructions.length === 0 && questions.length === 0) {
    return `<p>${view.active ? 'Platformen venter ikke på jer lige nu.' : 'Start en kørsel for at få den første opgave.'}</p>`;
  }
  return [...instructions.map(renderInstruction), ...questions.map((prompt) => renderQuestion(view.session, prompt))].join('');
}

export function renderAnswered(view: SessionView): string {
  if (view.answered.length === 0) return '';
  return `<h3>Besvarede spørgsmål</h3><ul>${view.answered
    .map((prompt) => `<li>${esc(prompt.text)}: <strong>${esc(prompt.answer?.svar)}</strong>${prompt.answer?.note ? ` – ${esc(prompt.answer.note)}` : ''} (${esc(time(prompt.answer?.at))})</li>`)
    .join('')}</ul>`;
}

export function renderHub(hub: HubMessages): string {
  if ('error' in hub) return `<p class="fejl">${esc(hub.error)}</p>`;
  if (hub.messages.length === 0) return '<p>PLSP har intet modtaget fra dette LPS endnu.</p>';
  return `<ol class="hub">${hub.messages
    .map((message) => {
      const findings = message.findings.map((finding) => `<li>${esc(finding.severity)}: ${esc(finding.path)}: ${esc(finding.message)}</li>`).join('');
      const outcome = message.receipt === 'XCTL03' ? 'positiv kvittering' : `negativ kvittering${message.refuseCode ? ` (${message.refuseCode})` : ''}`;
      return `<li><p><strong>${esc(time(message.receivedAt))}</strong> · ${esc(message.letterTypes.join(', '))} · CPR ${esc(message.patientIds.join(', '))} · analyser ${esc(
        message.analysisCodes.join(', '),
      )} · HTTP ${esc(message.httpStatus)}, <span class="${message.receipt === 'XCTL03' ? 'tilstand-bestaaet' : 'tilstand-fejlet'}">${esc(outcome)}</span></p>
${findings ? `<ul class="fund">${findings}</ul>` : '<p>Ingen fund.</p>'}
<details><summary>Beskeden (XML)</summary><pre>${esc(message.xml ?? '(ikke gemt: for stor)')}</pre></details>
<details><summary>Kvitteringen (XML)</summary><pre>${esc(message.receiptXml)}</pre></details></li>`;
    })
    .join('')}</ol>`;
}

export function renderScenarios(view: SessionView): string {
  if (view.scenarios.length === 0) return '<p>Ingen scenarier er kørt endnu.</p>';
  return view.scenarios
    .map(
      (scenario) => `<article class="scenarie" data-scenarie="${esc(scenario.key)}"><h3>${esc(scenario.name)} <span class="${stateClass(scenario.outcome)}">${esc(scenario.outcome)}</span></h3>
<p>Regler: ${esc(scenario.rules.join(', '))} · ${esc(scenario.uri)} · kørsel ${scenario.runId}</p>
${scenario.error ? `<p class="fejl">${esc(scenario.error)}</p>` : ''}
<ol class="trin">${scenario.steps
        .map((step) => `<li><span class="${stateClass((step.status ?? 'ikke kørt').toLowerCase())}">${esc(step.status ?? '…')}</span> ${esc(step.text)}${step.message ? `<pre>${esc(step.message)}</pre>` : ''}</li>`)
        .join('')}</ol></article>`,
    )
    .join('');
}

export function renderJudgements(view: SessionView): string {
  if (view.judgements.length === 0) return '<p>Ingen vurderinger endnu.</p>';
  return `<ul>${view.judgements
    .map((judgement) => `<li>${esc(judgement.rule)}: <strong>${esc(judgement.verdict)}</strong>${judgement.comment ? ` – ${esc(judgement.comment)}` : ''} (testleder, ${esc(time(judgement.at))})</li>`)
    .join('')}</ul>`;
}

const RULE_OPTIONS = REQUIREMENTS.map((rule) => `<option value="${esc(rule.id)}">${esc(rule.id)}: ${esc(rule.title)}</option>`).join('');

function renderControls(session: VendorSession): string {
  const action = `/s/${esc(session.id)}/koersler`;
  return `<section aria-labelledby="koer-titel"><h2 id="koer-titel">Kør scenarier</h2>
<form method="post" action="${action}" class="inline"><input type="hidden" name="omfang" value="alle"><button type="submit">Start alle scenarier</button></form>
<form method="post" action="${action}" class="inline"><input type="hidden" name="omfang" value="regel"><label for="regel">Regel</label><select id="regel" name="regel">${RULE_OPTIONS}</select><button type="submit">Start reglens scenarier</button></form>
<form method="post" action="${action}" class="inline"><input type="hidden" name="omfang" value="fejlede"><button type="submit">Kør det fejlede igen</button></form>
<form method="post" action="/s/${esc(session.id)}/stop" class="inline"><button type="submit">Stop kørslen</button></form></section>`;
}

function renderJudgementForm(session: VendorSession): string {
  return `<section aria-labelledby="vurder-titel"><h2 id="vurder-titel">Testlederens vurdering</h2>
<form method="post" action="/s/${esc(session.id)}/vurderinger" class="felter">
<p><label for="vurder-regel">Vurderet regel</label><select id="vurder-regel" name="regel">${RULE_OPTIONS}</select></p>
<p><label for="vurdering">Vurdering</label><select id="vurdering" name="vurdering"><option value="kommentar">kommentar</option><option value="opfyldt">opfyldt (attesteret)</option><option value="ikke opfyldt">ikke opfyldt</option></select></p>
<p><label for="kommentar">Kommentar</label><textarea id="kommentar" name="kommentar" rows="3"></textarea></p>
<p><button type="submit">Gem vurdering</button></p></form></section>`;
}

export function renderSessionPage(view: SessionView, caller: Caller, hub: HubMessages, notice = ''): string {
  const { session } = view;
  const back = caller.role === 'leader' ? '<p><a href="/">Til matrixen</a></p>' : '';
  return page(
    `Testcamp – ${session.system}`,
    `${back}<h1>${esc(session.system)}</h1>${notice}
<dl class="fakta"><dt>Producentkode</dt><dd>${esc(session.producerCode)}</dd><dt>EAN</dt><dd>${esc(session.ean)}</dd><dt>Kontaktperson</dt><dd>${esc(session.contact)}</dd></dl>
${renderControls(session)}
${region('opgave', 'Jeres opgave nu', renderTask(view))}
${region('status', 'Kørsler og filer', renderStatus(view))}
${region('hub', 'Hvad PLSP har modtaget fra jeres LPS', renderHub(hub))}
${region('scenarier', 'Scenarier og trin', renderScenarios(view))}
${region('svar', 'Svar', renderAnswered(view) || '<p>Ingen besvarede spørgsmål.</p>')}
${region('vurderinger', 'Vurderinger', renderJudgements(view))}
${caller.role === 'leader' ? renderJudgementForm(session) : ''}`,
    `/s/${session.id}/haendelser`,
  );
}
