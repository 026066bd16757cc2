/**
 * The stubs image's tag is remembered between runs while none of its sources changed (docker/stubs-image.ts,
 * docker/file-stamp-cache.ts), so a run does not bundle the stubs again; an edited source gives a new image, and a
 * remembered image the engine no longer has is built again. Each step runs in a process of its own, as runs do.
 * Skipped where no Docker engine answers, unless E2E_REQUIRE_DOCKER=1.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CACHE_DIR_ENV } from '../../docker/file-stamp-cache';
import { docker } from '../../docker/testcontainers';
import { dockerOrSkip } from './docker-gate';

const STUBS_IMAGE_SCRIPT = path.resolve(__dirname, '..', '..', 'docker', 'stubs-image.ts');

test('an unchanged entry keeps its tag without bundling again; an edited one gets a new image; a removed image is built again', { timeout: 240_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stubs-image-cache-'));
  const entry = path.join(dir, 'entry.ts');
  const cache = path.join(dir, 'cache');
  const tagOf = (): string => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', STUBS_IMAGE_SCRIPT, entry], { env: { ...process.env, [CACHE_DIR_ENV]: cache }, encoding: 'utf8', timeout: 120_000 });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  };
  // Written as of a minute ago: a source written while (or just before) the image's tag is worked out is not remembered.
  const writeEntry = (text: string): void => {
    writeFileSync(entry, text);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(entry, minuteAgo, minuteAgo);
  };
  const tags = new Set<string>();
  try {
    writeEntry("console.log('first');\n");
    const first = tagOf();
    tags.add(first);
    const remembered = JSON.parse(readFileSync(path.join(cache, 'stubs-image.json'), 'utf8')) as Record<string, { value: string; stamps: Record<string, string> }>;
    const [entryOfRun] = Object.values(remembered);
    assert.equal(entryOfRun?.value, first);
    assert.ok(Object.keys(entryOfRun?.stamps ?? {}).includes(entry), 'the entry is among the files the tag depends on');

    // Unchanged: the same tag, from the cache: work done again would have written the cache file again.
    const written = statSync(path.join(cache, 'stubs-image.json'), { bigint: true }).mtimeNs;
    assert.equal(tagOf(), first);
    assert.equal(statSync(path.join(cache, 'stubs-image.json'), { bigint: true }).mtimeNs, written, 'the tag came from the cache');

    writeEntry("console.log('second, edited');\n");
    const second = tagOf();
    tags.add(second);
    assert.notEqual(second, first, 'an edited source gives a new image');
    const engine = await docker();
    await engine.getImage(second).inspect();

    await engine.getImage(second).remove();
    assert.equal(tagOf(), second, 'the same content gives the same tag');
    await engine.getImage(second).inspect();
  } finally {
    const engine = await docker();
    for (const tag of tags) await engine.getImage(tag).remove().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
