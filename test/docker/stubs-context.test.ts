/**
 * stageStubsContext (docker/stubs-context.ts) names every file the stubs image is made from: the stubs image's tag is
 * remembered while none of them changed (docker/stubs-image.ts), so a source missing here would let an edit of it
 * run an old image. No Docker needed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, STUBS_DOCKERFILE, STUBS_ENTRY, stageStubsContext } from '../../docker/stubs-context';

test('the staged context names its sources: every stub, the MedCom layer, the packages it loads, the Dockerfile and the bundler', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stubs-context-'));
  try {
    const sources = await stageStubsContext(dir);
    const relative = new Set(sources.map((file) => path.relative(REPO_ROOT, file)));
    for (const expected of [
      path.relative(REPO_ROOT, STUBS_ENTRY),
      path.relative(REPO_ROOT, STUBS_DOCKERFILE),
      'stubs/registry.ts',
      'stubs/wiremock-gate/gate.ts',
      'contracts/access.ts',
      'node_modules/better-sqlite3/package.json',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/esbuild/package.json',
      'tsconfig.json',
      'package.json',
      'docker/stubs-context.ts',
      'docker/stubs-image.ts',
    ]) {
      assert.ok(relative.has(expected), `${expected} is among the sources (${relative.size} in all)`);
    }
    assert.ok([...relative].some((file) => file.startsWith('medcom/')), 'the MedCom layer is among the sources');
    assert.ok([...relative].some((file) => file.startsWith('node_modules/fastify/')), 'the packages bundled are among the sources');
    assert.ok([...relative].some((file) => file.startsWith('node_modules/better-sqlite3/lib/')), "better-sqlite3's lib/ is among the sources");
    assert.ok(sources.every((file) => path.isAbsolute(file)), 'absolute paths');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
