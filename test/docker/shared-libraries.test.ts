/** parseLdd (docker/shared-libraries.ts): what goes into a registry-free image. No Docker needed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLdd } from '../../docker/shared-libraries';

const JDK = '/usr/lib/jvm/java-17-openjdk-amd64';
const LIBNET = [
  '\tlinux-vdso.so.1 (0x00007ffd)',
  '\tlibjvm.so => not found',
  `\tlibjli.so => ${JDK}/lib/libjli.so (0x00007f1)`,
  '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2)',
  '\t/lib64/ld-linux-x86-64.so.2 (0x00007f3)',
].join('\n');

test('libraries and the loader are listed; the vDSO is not', () => {
  const output = LIBNET.replace('\tlibjvm.so => not found\n', '');
  assert.deepEqual(parseLdd('libnet.so', output), [`${JDK}/lib/libjli.so`, '/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
});

test('a library ldd cannot find is an error, unless the image provides it', () => {
  assert.throws(() => parseLdd('libnet.so', LIBNET), /libnet\.so needs a library this machine lacks: libjvm\.so => not found/);
  const provided = (library: string): boolean => library.startsWith(`${JDK}/`) || library === 'libjvm.so';
  assert.deepEqual(parseLdd('libnet.so', LIBNET, { provided }), ['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
});
