/** docker/java-runtime.ts: which Java the Java base image takes, and what of it. No Docker needed. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { findJavaRuntime } from '../../docker/java-runtime';

function hostHasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('no Java where JAVA points: the error says what to install', async () => {
  await assert.rejects(findJavaRuntime({ JAVA: '/nonexistent/bin/java' }), /no Java found at \/nonexistent\/bin\/java: install openjdk-17-jre-headless/);
  await assert.rejects(findJavaRuntime({ PATH: '/nonexistent' }), /no Java found at java on PATH \(\/nonexistent\): install openjdk-17-jre-headless/);
});

test("this machine's Java: the runtime a headless JVM needs, without tools, sources and desktop natives", { skip: !hostHasJava() && 'no java on PATH' }, async () => {
  const java = await findJavaRuntime();
  assert.ok(java.binary.endsWith('/bin/java') && !java.binary.startsWith('/usr/bin/'), `symlinks resolved: ${java.binary}`);
  for (const needed of ['bin/java', 'lib/modules', 'lib/server/libjvm.so', 'lib/libjava.so', 'lib/libnet.so', 'lib/libnio.so', 'conf/security/java.security']) {
    assert.ok(java.files.includes(needed), `takes ${needed}`);
  }
  const other = java.files.filter((file) => /^bin\/(?!java$)|src\.zip$|^jmods\/|^man\/|^docs\/|libawt_xawt\.so$|libsplashscreen\.so$/.test(file));
  assert.deepEqual(other, [], 'leaves out other tools, sources, jmods, man pages, docs and desktop natives');
  assert.ok(java.natives.every((file) => file.startsWith(`${java.home}/`) && file.endsWith('.so')));
  assert.match(java.version, /^\d+/);
});
