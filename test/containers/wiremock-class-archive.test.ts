/**
 * The WireMock image carries a class-data archive its own JVM maps (docker/wiremock-class-archive.ts): started as
 * containers mode starts it, most classes come from the archive, and the image keeps no command of the warm-up.
 * Skipped where no Docker engine answers, unless E2E_REQUIRE_DOCKER=1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docker } from '../../docker/testcontainers';
import { startUntilReady } from '../../docker/wiremock-class-archive';
import { ensureWireMockImage, wiremockImageArguments } from '../../docker/wiremock-image';
import { dockerOrSkip } from './docker-gate';

/** What -Xlog:class+load prints for a class read from the dynamic (top) archive. */
const FROM_ARCHIVE = /source: shared objects file \(top\)/g;

test("WireMock's image: its JVM takes WireMock's classes from the image's class archive, and the image has no command of its own", { timeout: 240_000 }, async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const image = await ensureWireMockImage();
  const engine = await docker();
  assert.deepEqual((await engine.getImage(image).inspect()).Config.Cmd ?? [], [], 'no command: the run gives every argument');
  const args = wiremockImageArguments(8080, '127.0.0.1');
  // Logging every class load, right after the flags the run gives (the archive's among them).
  const command = [...args.slice(0, args.indexOf('-jar')), '-Xlog:class+load=info', ...args.slice(args.indexOf('-jar'))];
  const container = await engine.createContainer({ Image: image, Cmd: command, HostConfig: { NetworkMode: 'none' } });
  const printed = { text: '' };
  try {
    await startUntilReady(container, printed);
    const fromArchive = printed.text.match(FROM_ARCHIVE)?.length ?? 0;
    assert.ok(fromArchive > 1000, `classes from the image's archive: ${fromArchive}\n${printed.text.split('\n').filter((line) => /cds|shar/i.test(line)).slice(0, 10).join('\n')}`);
    assert.match(printed.text, /com\.github\.tomakehurst\.wiremock\.\S+ source: shared objects file \(top\)/, "WireMock's own classes come from the archive");
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
});
