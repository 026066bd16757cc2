/** Writing the cockpit's HTML: escaping, the page frame (own stylesheet and script, nothing external), times. */

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A time for people, in Danish, on the camp machine's clock. */
export function time(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('da-DK', { dateStyle: 'short', timeStyle: 'medium' });
}

/** The CSS class of a state, e.g. "venter på testeren" -> "tilstand-venter-paa-testeren". */
export function stateClass(state: string): string {
  return `tilstand-${state.replace(/å/g, 'aa').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/[^a-z0-9]+/g, '-')}`;
}

export function page(title: string, body: string, stream?: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/testcamp.css">
<script src="/testcamp.js" defer></script>
</head>
<body${stream ? ` data-stream="${esc(stream)}"` : ''}>
<a class="spring" href="#indhold">Spring til indhold</a>
<header><p class="logo">lokalsvar · testcamp</p></header>
<main id="indhold">
${body}
</main>
</body>
</html>`;
}

/** A live region: the page's script replaces its inside when the server sends a new version (server-sent events). */
export function region(id: string, title: string, inner: string): string {
  return `<section aria-labelledby="${esc(id)}-titel"><h2 id="${esc(id)}-titel">${esc(title)}</h2><div id="${esc(id)}" data-region aria-live="polite">${inner}</div></section>`;
}
