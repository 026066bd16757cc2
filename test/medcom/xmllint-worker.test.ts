/**
 * The shared xmllint worker (medcom/official-xsd/xmllint-worker.ts): each call is judged on its own files alone,
 * however many calls one worker ran before; a schema xmllint cannot compile is an error, not a verdict; and an
 * idle worker never keeps a process alive. A small schema of its own, so it runs without MEDCOM_XSD_DIR.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { xsdValidate, type SchemaSet } from '../../medcom/official-xsd/xmllint';

const ROOT = path.resolve(__dirname, '../..');

const schema: SchemaSet = {
  entry: {
    fileName: 'small/Entry.xsd',
    contents: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="Types.xsd"/><xs:element name="Svar" type="SvarType"/></xs:schema>`,
  },
  preload: [
    {
      fileName: 'small/Types.xsd',
      contents: `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:complexType name="SvarType"><xs:sequence><xs:element name="Vaerdi" type="xs:decimal"/></xs:sequence></xs:complexType></xs:schema>`,
    },
  ],
};

const valid = { name: 'valid', xml: '<Svar><Vaerdi>4.5</Vaerdi></Svar>' };
const invalid = { name: 'invalid', xml: '<Svar><Vaerdi>mange</Vaerdi></Svar>' };
const malformed = { name: 'malformed', xml: '<Svar><Vaerdi>4.5</Svar>' };

describe('the shared xmllint worker', () => {
  it('judges every call on its own files, call after call in one worker', async () => {
    for (let round = 0; round < 3; round++) {
      const alone = await xsdValidate([valid], schema);
      assert.deepEqual(alone.get('valid'), [], `round ${round}: a valid document alone`);
      const [first, second] = await Promise.all([xsdValidate([invalid, valid], schema), xsdValidate([malformed], schema)]);
      assert.deepEqual(first.get('valid'), [], `round ${round}: a valid document beside an invalid one`);
      assert.match((first.get('invalid') ?? []).join('\n'), /Vaerdi.*not a valid value/, `round ${round}: the invalid value is named`);
      assert.ok((second.get('malformed') ?? []).length > 0, `round ${round}: a document that is not well-formed has findings`);
    }
  });

  it('fails, with xmllint’s words, on a schema it cannot compile', async () => {
    const broken: SchemaSet = { entry: { fileName: 'broken/Entry.xsd', contents: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="Svar" type="Ukendt"/></xs:schema>' }, preload: [] };
    await assert.rejects(xsdValidate([valid], broken), /Ukendt/);
    assert.deepEqual((await xsdValidate([valid], schema)).get('valid'), [], 'the next call works again');
  });

  it('lets a process that used it end by itself', () => {
    const script = `require('./medcom/official-xsd/xmllint').xsdValidate([${JSON.stringify(valid)}], ${JSON.stringify(schema)}).then((found) => console.log(JSON.stringify([...found])))`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.signal, null, `the process did not end by itself: ${child.stderr}`);
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), '[["valid",[]]]');
  });
});
