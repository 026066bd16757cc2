/** `lokalsvar valider`: one finding a line, a summary, and exit codes 0 (valid), 1 (invalid), 2 (unreadable). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runValider } from '../../cli/valider';
import { writeEmessage } from '../../medcom';
import { crpReport, message } from './support/fixtures';

let dir = '';
const file = (name: string) => join(dir, name);

async function run(...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runValider(args, (line) => lines.push(line));
  return { code, lines };
}

describe('lokalsvar valider', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'valider-'));
    const valid = writeEmessage(message());
    const noSampleNumber = crpReport();
    delete noSampleNumber.requisitionInformation.sample.requesterSampleIdentifier;
    writeFileSync(file('valid.xml'), valid);
    writeFileSync(file('warning.xml'), writeEmessage(message(noSampleNumber)));
    writeFileSync(file('invalid.xml'), valid.replace('<Value>26</Value>', '<Value></Value>').replace('iupac', 'NPU'));
    writeFileSync(file('broken.xml'), '<Emessage>');
    writeFileSync(file('latin1.xml'), Buffer.from([0x3c, 0x61, 0x3e, 0xe6, 0x3c, 0x2f, 0x61, 0x3e]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for valid files, with the summary', async () => {
    const { code, lines } = await run(file('valid.xml'));
    assert.equal(code, 0);
    assert.deepEqual(lines, ['1 file: 1 valid, 0 invalid, 0 unreadable (0 errors, 0 warnings)']);
  });

  it('exits 0 with warnings, printing them', async () => {
    const { code, lines } = await run(file('warning.xml'));
    assert.equal(code, 0);
    assert.match(lines[0] ?? '', /warning\.xml:\d+: warning: \/Emessage\/LaboratoryReport\/RequisitionInformation\/Sample\/RequesterSampleIdentifier: .*LABA-03/);
  });

  it('exits 1 for invalid files, one finding a line with file, line, severity, path and message', async () => {
    const { code, lines } = await run(file('valid.xml'), file('invalid.xml'), file('broken.xml'), file('latin1.xml'));
    assert.equal(code, 1);
    assert.ok(lines.includes(`${file('invalid.xml')}:67: error: /Emessage/LaboratoryReport/LaboratoryResults/Result[1]/Analysis/AnalysisCodeType: the value "NPU" is not allowed; allowed values: iupac, mds, lokal`), lines.join('\n'));
    assert.ok(lines.some((line) => line.startsWith(`${file('invalid.xml')}:`) && line.includes('/Result[1]/Value: the value is empty')));
    assert.ok(lines.some((line) => line.startsWith(`${file('broken.xml')}:1: error: /Emessage: not well-formed XML at line 1, column 11`)));
    assert.ok(lines.includes(`${file('latin1.xml')}: error: /: the bytes are not valid UTF-8: the first bad byte is at byte offset 3`));
    assert.equal(lines.at(-1), '4 files: 1 valid, 3 invalid, 0 unreadable (4 errors, 0 warnings)');
  });

  it('exits 2 when a file cannot be read, and still checks the others', async () => {
    const { code, lines } = await run(file('missing.xml'), file('invalid.xml'), dir);
    assert.equal(code, 2);
    assert.equal(lines[0], `${file('missing.xml')}: cannot read: no such file (check the path)`);
    assert.ok(lines.includes(`${dir}: cannot read: not a file`));
    assert.equal(lines.at(-1), '3 files: 0 valid, 1 invalid, 2 unreadable (2 errors, 0 warnings)');
  });

  it('exits 2 with the usage when no file is given', async () => {
    assert.deepEqual(await run(), { code: 2, lines: ['Usage: lokalsvar valider FIL.xml ...'] });
  });
});
