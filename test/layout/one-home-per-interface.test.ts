/**
 * An interface stubs and drivers share has one home, contracts/: no type name is declared both by a stub
 * (stubs/) and by a driver (steps/drivers/), as StoredResult, PortalResult and HubJournalEntry once were.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const DECLARATION = /^(?:export\s+)?(?:declare\s+)?(?:interface|type|class|enum)\s+([A-Za-z_$][\w$]*)/gm;

/** Every type name declared at the top level of the .ts files under a folder, with the file that declares it. */
function declaredTypes(folder: string): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        for (const match of readFileSync(full, 'utf8').matchAll(DECLARATION)) names.set(match[1] as string, path.relative(ROOT, full));
      }
    }
  };
  walk(path.join(ROOT, folder));
  return names;
}

test('no type is declared by both a stub and a driver', () => {
  const stubs = declaredTypes('stubs');
  const drivers = declaredTypes('steps/drivers');
  assert.ok(stubs.size > 10 && drivers.size > 5, `the walk found the declarations (${stubs.size} in stubs, ${drivers.size} in drivers)`);
  const twice = [...drivers].filter(([name]) => stubs.has(name)).map(([name, file]) => `${name}: ${stubs.get(name)} and ${file}; declare it once in contracts/`);
  assert.deepEqual(twice, []);
});
