/**
 * Which scenarios a parallel run lets run at the same time (run/parallel-rules.ts), read from the real feature files
 * as cucumber compiles them, and the guard of the steps that touch state every scenario shares.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { mayRunAlongside, personsOf, requireRunningAlone, RUN_ALONE_TAG, type ScenarioOutline } from '../../run/parallel-rules';

const ROOT = path.resolve(__dirname, '..', '..');

function scenario(name: string, steps: string[], tags: string[] = [], table?: string[][]): ScenarioOutline {
  return {
    name,
    tags: tags.map((tag) => ({ name: tag })),
    steps: steps.map((text, index) => ({ text, ...(table && index === steps.length - 1 ? { argument: { dataTable: { rows: table.map((row) => ({ cells: row.map((value) => ({ value })) })) } } } : {}) })),
  };
}

const einer = scenario('Einer', ['testpersonen Einer Test Lauridsen (0201609995)', 'lægen deler CRP-svaret']);
const nancy = scenario('Nancy', ['testpersonen Nancy Ann Test Berggren (2512489996)']);
const brunoToEiner = scenario('Bruno til Einer', ['testpersonen Bruno Test Elmer (2509479989)', 'lægen forsøger at flytte CRP-svaret til testpersonen Einer Test Lauridsen (0201609995)']);

describe('which scenarios may run at the same time', () => {
  it('reads every CPR number a scenario names: step texts, tables (with or without a hyphen) and doc strings', () => {
    const withTable = scenario('tabel', ['testpersonen Nancy (2512489996)', 'tællerne'], [], [['cpr'], ['250947-9989']]);
    assert.deepEqual([...personsOf(withTable)].sort(), ['2509479989', '2512489996']);
    const withDoc: ScenarioOutline = { name: 'doc', tags: [], steps: [{ text: 'en besked', argument: { docString: { content: '<Identifier>1502799995</Identifier>' } } }] };
    assert.deepEqual([...personsOf(withDoc)], ['1502799995']);
    assert.deepEqual([...personsOf(scenario('lang', ['prøvenummer 12345678901']))], [], 'eleven digits are not a CPR number');
  });

  it('lets scenarios about different persons run together, and never two that name the same person', () => {
    assert.equal(mayRunAlongside(nancy, [einer]), true);
    assert.equal(mayRunAlongside(einer, [nancy]), true);
    assert.equal(mayRunAlongside(scenario('Einer igen', ['testpersonen Einer (0201609995)']), [nancy, einer]), false);
    assert.equal(mayRunAlongside(brunoToEiner, [einer]), false, 'the second person a scenario names counts too');
    assert.equal(mayRunAlongside(einer, [brunoToEiner]), false);
  });

  it('runs a scenario tagged @alene, or one that names no person, with no other scenario, and starts none beside it', () => {
    const faults = scenario('LABA er nede', ['testpersonen Odd (1502799995)', 'LABA er nede'], [RUN_ALONE_TAG]);
    const nobody = scenario('uden person', ['et LPS sender noget']);
    assert.equal(mayRunAlongside(faults, []), true);
    assert.equal(mayRunAlongside(faults, [nancy]), false);
    assert.equal(mayRunAlongside(nancy, [faults]), false);
    assert.equal(mayRunAlongside(nobody, []), true);
    assert.equal(mayRunAlongside(nobody, [nancy]), false);
    assert.equal(mayRunAlongside(nancy, [nobody]), false);
  });

  it('lets every scenario of the suite run when nothing else runs, and every scenario with a counter or share-all step is tagged @alene (a fault hits only its own test person)', () => {
    const features = readdirSync(path.join(ROOT, 'features'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.feature'));
    const pickles = features.flatMap((file) => {
      const uri = path.join('features', file);
      const document = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher('da')).parse(readFileSync(path.join(ROOT, uri), 'utf8'));
      return compile(document, uri, IdGenerator.incrementing());
    });
    assert.ok(pickles.length >= 28, `only ${pickles.length} scenarios found`);
    const touchesShared = /(?:tællere er aflæst|deler alle nye svar)$/;
    for (const pickle of pickles) {
      assert.equal(mayRunAlongside(pickle, []), true, pickle.name);
      if (pickle.steps.some((step) => touchesShared.test(step.text))) assert.ok(pickle.tags.some((tag) => tag.name === RUN_ALONE_TAG), `"${pickle.name}" is not tagged ${RUN_ALONE_TAG}`);
      else assert.ok(personsOf(pickle).size > 0 && !pickle.tags.some((tag) => tag.name === RUN_ALONE_TAG), `"${pickle.name}" runs alone without a reason`);
    }
  });

  it('refuses a step that touches shared state in a scenario without @alene, saying what to do', () => {
    assert.doesNotThrow(() => requireRunningAlone(['@krav:MON-01', RUN_ALONE_TAG], "reads PLSP's counters"));
    assert.throws(
      () => requireRunningAlone(['@krav:MON-01'], "reads PLSP's counters"),
      {
        message:
          "This step reads PLSP's counters, which every scenario running at the same time shares: tag the scenario @alene " +
          '(run/parallel-rules.ts), so that a parallel run (--parallel) runs it with no other scenario',
      },
    );
  });
});
