/**
 * HTML that is escaped by construction: every value interpolated into `html\`...\`` is escaped unless it is
 * itself SafeHtml (built by this tag). Nothing from the portal or the login form reaches a page otherwise.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = SafeHtml | string | number | boolean | undefined | null | readonly Interpolation[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  // A tagged template always has one more literal than values.
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new SafeHtml(out);
}

/** `undefined`, `null` and `false` render as nothing, so `${condition && html\`...\`}` works. */
function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}
