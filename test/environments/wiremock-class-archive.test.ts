/**
 * WireMock's class-data archive (environments/wiremock/class-archive.ts): the first start writes it, later starts use
 * it, with a real JVM; another Java, jar or flags get an archive of their own; without java, no flags at all.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { WIREMOCK_JAR, WIREMOCK_JVM_FLAGS } from '../../contracts/wiremock';
import { classArchive } from '../../environments/wiremock/class-archive';
import { findJavaBinary } from '../../docker/java-runtime';

const java = findJavaBinary();

describe("WireMock's class-data archive", () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lokalsvar-class-archive-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('is written by the first start, moved into place when it has exited, and used by the next (the JVM insists on it)', { skip: !java && 'no java on PATH' }, () => {
    const first = classArchive(java as string, WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, folder);
    assert.equal(first.flags.length, 1);
    assert.equal(first.writesAtExit, true, 'a JVM writing the archive must be let exit');
    assert.match(first.flags[0] ?? '', /^-XX:ArchiveClassesAtExit=.*\.partial$/);
    execFileSync(java as string, [...WIREMOCK_JVM_FLAGS, ...first.flags, '-jar', WIREMOCK_JAR, '--version'], { stdio: 'pipe' });
    first.settle();
    const archives = readdirSync(folder);
    assert.equal(archives.length, 1, `one archive, no partial file left: ${archives.join(', ')}`);
    assert.match(archives[0] ?? '', /^wiremock-[0-9a-f]{16}\.jsa$/);
    const next = classArchive(java as string, WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, folder);
    assert.deepEqual(next.flags, [`-XX:SharedArchiveFile=${path.join(folder, archives[0] as string)}`]);
    assert.equal(next.writesAtExit, false);
    // -Xshare:on makes a JVM that cannot use the archive fail instead of starting without it.
    const version = execFileSync(java as string, [...WIREMOCK_JVM_FLAGS, '-Xshare:on', ...next.flags, '-jar', WIREMOCK_JAR, '--version'], { encoding: 'utf8' });
    assert.match(version, /^3\.\d+\.\d+/m);
  });

  it('gives other JVM flags and another jar an archive of their own', { skip: !java && 'no java on PATH' }, () => {
    const own = mkdtempSync(path.join(tmpdir(), 'lokalsvar-class-archive-'));
    try {
      const jar = path.join(own, 'other.jar');
      writeFileSync(jar, 'not the same jar');
      const archiveOf = (flags: readonly string[], forJar: string): string => {
        const archive = classArchive(java as string, forJar, flags, own);
        const written = (archive.flags[0] ?? '').replace(/^-XX:ArchiveClassesAtExit=/, '');
        writeFileSync(written, 'archive');
        archive.settle();
        return readdirSync(own).filter((name) => name.endsWith('.jsa')).sort().join(',');
      };
      const one = archiveOf(WIREMOCK_JVM_FLAGS, WIREMOCK_JAR);
      const two = archiveOf([...WIREMOCK_JVM_FLAGS, '-XX:+UseParallelGC'], WIREMOCK_JAR);
      const three = archiveOf(WIREMOCK_JVM_FLAGS, jar);
      assert.equal(one.split(',').length, 1);
      assert.equal(two.split(',').length, 2);
      assert.equal(three.split(',').length, 3);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('removes a partial archive abandoned by a killed run, and leaves a fresh one being written', { skip: !java && 'no java on PATH' }, () => {
    const own = mkdtempSync(path.join(tmpdir(), 'lokalsvar-class-archive-'));
    try {
      const abandoned = path.join(own, 'wiremock-0000000000000000.jsa.1.1.partial');
      const fresh = path.join(own, 'wiremock-1111111111111111.jsa.2.2.partial');
      writeFileSync(abandoned, 'half');
      writeFileSync(fresh, 'half');
      const twoHoursAgo = (Date.now() - 7_200_000) / 1000;
      utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
      classArchive(java as string, WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, own);
      assert.deepEqual(readdirSync(own), [path.basename(fresh)]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('adds no flags when there is no java to key the archive by', () => {
    assert.deepEqual(classArchive(findJavaBinary({ PATH: '/nonexistent' }), WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, folder).flags, []);
    assert.deepEqual(classArchive('/nonexistent/bin/java', WIREMOCK_JAR, WIREMOCK_JVM_FLAGS, folder).flags, []);
  });
});
