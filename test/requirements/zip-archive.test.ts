/**
 * The evidence bundle's ZIP writer (requirements/zip-archive.ts): its CRC-32 is ZIP's, which unzip checks; text is
 * deflated, screenshots and what deflate cannot shrink are stored as they are.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { crc32, tableCrc32, zipArchive } from '../../requirements/zip-archive';

test("the CRC-32 is ZIP's: the known values of an empty and a classic text", () => {
  assert.equal(crc32(Buffer.alloc(0)), 0);
  assert.equal(crc32(Buffer.from('The quick brown fox jumps over the lazy dog')), 0x414fa339);
  assert.equal(crc32(Buffer.from('æøå', 'utf8')), crc32(Buffer.from([0xc3, 0xa6, 0xc3, 0xb8, 0xc3, 0xa5])));
  const sample = Buffer.from(Array.from({ length: 5_000 }, (_, index) => (index * 31) % 256));
  assert.equal(tableCrc32(Buffer.from('The quick brown fox jumps over the lazy dog')), 0x414fa339, 'the table fallback');
  assert.equal(tableCrc32(sample), crc32(sample));
});

test('unzip tests the archive (every CRC) and gives back every file unchanged', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lokalsvar-zip-'));
  try {
    const files = [
      { name: 'evidens/001-scenarie/01-besked.xml', data: Buffer.from('<Emessage>Lægehuset Ærø</Emessage>') },
      { name: 'evidens/001-scenarie/02-tom.txt', data: Buffer.alloc(0) },
      { name: 'evidens/002-andet/01-billede.png', data: Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 7) % 251)) },
    ];
    const text = { name: 'evidens/003-tekst/01-fund.json', data: Buffer.from(JSON.stringify(Array.from({ length: 200 }, () => ({ fund: 'samme tekst igen' })))) };
    const noise = { name: 'evidens/003-tekst/02-støj.txt', data: randomBytes(4_000) };
    files.push(text, noise);
    writeFileSync(path.join(dir, 'evidens.zip'), zipArchive(files));
    assert.match(execFileSync('unzip', ['-t', 'evidens.zip'], { cwd: dir, encoding: 'utf8' }), /No errors detected/);
    // unzip -v: the method and size each entry is stored with.
    const listed = new Map(
      execFileSync('unzip', ['-v', 'evidens.zip'], { cwd: dir, encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields.length >= 8 && fields[7]?.startsWith('evidens/'))
        .map((fields) => [fields[7] as string, { method: fields[1], size: Number(fields[0]), stored: Number(fields[2]) }]),
    );
    assert.deepEqual(listed.get('evidens/002-andet/01-billede.png'), { method: 'Stored', size: 70_000, stored: 70_000 }, 'a screenshot is stored as it is');
    assert.equal(listed.get(text.name)?.method, 'Defl:N', 'text is deflated');
    assert.ok((listed.get(text.name)?.stored ?? Infinity) < text.data.length / 10, 'and is much smaller');
    assert.equal(listed.get(noise.name)?.method, 'Stored', 'what deflate cannot shrink is stored');
    execFileSync('unzip', ['-q', 'evidens.zip'], { cwd: dir });
    for (const file of files) assert.deepEqual(readFileSync(path.join(dir, file.name)), file.data, file.name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
