/** The frame around every page: Danish document, test-environment notice, header with the logged-in person. */
import { formatCpr } from './cpr';
import { html, type SafeHtml } from './html';
import { STYLESHEET_PATH } from './styles';

export interface PageFrame {
  title: string;
  /** CPR of the logged-in test person; shows who is logged in and the log-out link. */
  cpr?: string;
  body: SafeHtml;
}

export function renderPage({ title, cpr, body }: PageFrame): string {
  return `<!doctype html>\n${html`<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Sundhedsjournalen</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<a class="spring-over" href="#indhold">Gå til indhold</a>
<div class="testmiljoe" role="note">Testmiljø: en efterligning af sundhed.dk til afprøvning. Brug kun testpersoner.</div>
<header class="top">
<div class="bredde">
<a class="logo" href="/">Sundhedsjournalen<small>sundhed.dk – testmiljø</small></a>
${cpr !== undefined && userMenu(cpr)}
</div>
</header>
<main id="indhold" class="bredde">
${body}
</main>
<footer><div class="bredde">Data vises, som Laboratoriesvarportalen leverer dem. Teststand-in for lokalsvar-e2e.</div></footer>
</body>
</html>`.value}\n`;
}

function userMenu(cpr: string): SafeHtml {
  return html`<nav class="bruger" aria-label="Bruger">
<a href="/laboratoriesvar">Laboratoriesvar</a>
<span>Logget ind som <strong data-testid="logget-ind-cpr">${formatCpr(cpr)}</strong></span>
<a href="/log-ud" data-testid="log-ud">Log ud</a>
</nav>`;
}
