/** HTML escaped by construction (stubs/sundhedsjournal/html.ts): what each kind of value becomes in a page. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SafeHtml, escapeHtml, html } from '../../stubs/sundhedsjournal/html';

describe('the html tag', () => {
  it('escapes the five characters that can break out of text or an attribute', () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f&&`), 'a&amp;b&lt;c&gt;d&quot;e&#39;f&amp;&amp;');
    assert.equal(escapeHtml('Lægehuset Ø'), 'Lægehuset Ø');
  });

  it('keeps the literal parts and escapes every value, unless it is html itself', () => {
    const inner = html`<b>${'<i>'}</b>`;
    assert.ok(inner instanceof SafeHtml);
    assert.equal(inner.value, '<b>&lt;i&gt;</b>');
    assert.equal(html`<p a="${'"'}">${inner} & ${'&'}</p>`.value, '<p a="&quot;"><b>&lt;i&gt;</b> & &amp;</p>');
    assert.equal(html`${'x'}`.value, 'x');
    assert.equal(html`start`.value, 'start');
  });

  it('writes numbers and true as text, and nothing for false, null and undefined', () => {
    assert.equal(html`[${0}|${7.5}|${true}|${false}|${null}|${undefined}]`.value, '[0|7.5|true|||]');
  });

  it('writes a list item by item, lists in lists too, escaping each', () => {
    assert.equal(html`<ul>${['<a>', html`<li>b</li>`, ['c&', false, 3]]}</ul>`.value, '<ul>&lt;a&gt;<li>b</li>c&amp;3</ul>');
  });

  it('turns into its markup where a string is wanted', () => {
    assert.equal(`${html`<br>`}`, '<br>');
    assert.equal(String(new SafeHtml('<hr>')), '<hr>');
  });
});
