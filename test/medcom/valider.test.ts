/** `lokalsvar valider`: one finding a line, a summary, and exit codes 0 (valid), 1 (invalid), 2 (unreadable). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../cli/command';
import { runValider } from '../../cli/valider';
import { writeEmessage } from '../../medcom';
import { crpReport, message } from '../../corpora/medcom/fixtures';

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
    assert.deepEqual(lines, ['1 fil: 1 gyldig, 0 ugyldige, 0 ulæselige (0 fejl, 0 advarsler)']);
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
    assert.equal(lines.at(-1), '4 filer: 1 gyldig, 3 ugyldige, 0 ulæselige (4 fejl, 0 advarsler)');
  });

  it('exits 2 when a file cannot be read, and still checks the others', async () => {
    const { code, lines } = await run(file('missing.xml'), file('invalid.xml'), dir);
    assert.equal(code, 2);
    assert.equal(lines[0], `${file('missing.xml')}: kan ikke læses: findes ikke (tjek stien)`);
    assert.ok(lines.includes(`${dir}: kan ikke læses: ikke en fil`));
    assert.equal(lines.at(-1), '3 filer: 0 gyldige, 1 ugyldig, 2 ulæselige (2 fejl, 0 advarsler)');
  });

  it('refuses a command line without a file (a usage error: exit 2)', async () => {
    await assert.rejects(run(), (error: unknown) => error instanceof UsageError && /giv mindst én fil/.test(error.message));
  });
});
