/** Faults through WireMock hit only the LPS system that asked for them, and each driver removes only its own. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Environment } from '../../environments/environment';
import { startLocalEnvironment } from '../../environments/local';
import { WireMock } from 'wiremock-captain';
import { DatabankProxyDriver } from '../../steps/drivers/databank-proxy';
import { PlspDriver } from '../../steps/drivers/plsp';
import { laboratoryReportXml } from '../../steps/support/sample-messages';
import { LPS_SYSTEM_HEADER } from '../../contracts/plsp';

const PERSON = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };
const OTHER_PERSON = { cpr: '2512489996', givenName: 'Nancy Ann', surname: 'Test Berggren' };
let environment: Environment;
let plsp: PlspDriver;

before(async () => {
  environment = await startLocalEnvironment({ approvedSystems: ['LPS-A', 'LPS-B'] });
  plsp = new PlspDriver(environment.urls.plsp);
});

after(async () => {
  await environment.stop();
});

async function status(system: string, person = PERSON): Promise<number> {
  return (await plsp.send(laboratoryReportXml(person).xml, system)).httpStatus;
}

test("a fault for one LPS system leaves another system's uploads alone", async () => {
  const faultsOfA = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  await faultsOfA.failUploads('LABA', 503);
  try {
    assert.equal(await status('LPS-A'), 502);
    assert.equal(await status('LPS-B'), 200);
  } finally {
    await faultsOfA.removeFaults();
  }
  assert.equal(await status('LPS-A'), 200);
});

test("a fault for one patient hits that patient's uploads only, of the same LPS system too, and every kind of fault does", async () => {
  const faults = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  /** The HTTP statuses of the person's message's uploads to LABA, oldest first: what WireMock did with it. */
  const uploads = async (person: typeof PERSON): Promise<number[]> => {
    const message = laboratoryReportXml(person);
    await plsp.send(message.xml, 'LPS-A');
    return faults.uploadsOf('LABA', message.envelopeIdentifier);
  };
  for (const [kind, inject, hit] of [
    ['HTTP 503', () => faults.failUploads('LABA', 503, { patient: PERSON.cpr }), [503, 503, 503]],
    ['one failed upload', () => faults.failNextUploads('LABA', 1, 503, { patient: PERSON.cpr }), [503, 200]],
  ] as const) {
    await inject();
    try {
      assert.deepEqual(await uploads(OTHER_PERSON), [200], `${kind}: another patient's upload was hit`);
      assert.deepEqual(await uploads(PERSON), hit, `${kind}: the patient's own uploads were not hit as asked`);
    } finally {
      await faults.removeFaults();
    }
  }
  await faults.dropConnections('LABA', { patient: PERSON.cpr });
  try {
    assert.equal(await status('LPS-A', OTHER_PERSON), 200, "dropped connection: another patient's upload was hit");
    assert.equal(await status('LPS-A'), 502, "dropped connection: the patient's own upload was not hit");
  } finally {
    await faults.removeFaults();
  }
  await assert.rejects(faults.failUploads('LABA', 503, { patient: '020160-9995' }), /CPR number of 10 digits, not "020160-9995"/);
});

test('a fault that no upload met is named in words, and one that was met is not, removed or not', async () => {
  const faults = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  await faults.slowUploads('MiBa', 10, { patient: PERSON.cpr });
  await faults.failNextUploads('LABA', 1, 503, { patient: PERSON.cpr });
  try {
    const both = ['delay uploads to MiBa', 'fail upload 1 of 1 to LABA'];
    assert.deepEqual(await faults.faultsNotMet(), both);
    await status('LPS-A', OTHER_PERSON);
    assert.deepEqual(await faults.faultsNotMet(), both, "another patient's upload met a fault");
    await status('LPS-A');
  } finally {
    await faults.removeFaults();
  }
  assert.deepEqual(await faults.faultsNotMet(), ['delay uploads to MiBa'], "a CRP about the patient met LABA's fault, and nothing met MiBa's");
});

test("a patient's fault knows the CPR number however the letter writes its element: a namespace prefix, spaces around it", async () => {
  const faults = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  await faults.failUploads('LABA', 503, { patient: PERSON.cpr });
  const upload = (body: string): Promise<number> =>
    fetch(`${environment.urls.wiremock}/laba/api/v1/upload`, { method: 'POST', headers: { [LPS_SYSTEM_HEADER]: 'LPS-A', 'content-type': 'application/xml' }, body }).then((answer) => answer.status);
  try {
    assert.equal(await upload(`<m:Emessage xmlns:m="urn:x"><m:Patient><m:CivilRegistrationNumber>${PERSON.cpr}</m:CivilRegistrationNumber></m:Patient></m:Emessage>`), 503);
    assert.equal(await upload(`<Emessage>\n<Patient><CivilRegistrationNumber>\n  ${PERSON.cpr}\n</CivilRegistrationNumber></Patient></Emessage>`), 503);
    assert.notEqual(await upload(`<Emessage><Patient><CivilRegistrationNumber>${OTHER_PERSON.cpr}</CivilRegistrationNumber></Patient></Emessage>`), 503);
  } finally {
    await faults.removeFaults();
  }
});

test("removing one driver's faults leaves another driver's in place", async () => {
  const faultsOfA = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  const faultsOfB = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-B');
  await faultsOfA.failUploads('LABA', 503);
  await faultsOfB.failUploads('LABA', 503);
  try {
    await faultsOfA.removeFaults();
    assert.equal(await status('LPS-A'), 200);
    assert.equal(await status('LPS-B'), 502);
  } finally {
    await faultsOfB.removeFaults();
  }
});

// wiremock-captain, an independent WireMock client, reads WireMock's own state: the driver's faults are WireMock
// mappings that carry the driver's metadata, sit above the pass-through, and are gone after removeFaults; the two
// pass-through mappings stay. (The driver itself speaks through the drivers' HTTP layer, since wiremock-captain
// cannot send the access token a gated WireMock demands.)
test("the driver's faults are WireMock mappings of its own, above the pass-through, and removing them leaves the pass-through", async () => {
  const captain = new WireMock(environment.urls.wiremock);
  const faults = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  type Mapping = { priority: number; metadata?: { lokalsvar?: string }; request: { headers?: Record<string, { equalTo: string }> } };
  const mappingsMarked = async (mark: string) => ((await captain.getAllMappings()) as Mapping[]).filter((mapping) => mapping.metadata?.lokalsvar === mark);
  const proxies = () => mappingsMarked('databank-proxy');
  const faultMappings = () => mappingsMarked('fault');
  assert.equal((await proxies()).length, 2, 'one pass-through mapping for LABA and one for MiBa');
  await faults.dropConnections('MiBa');
  try {
    const [fault, ...more] = await faultMappings();
    assert.ok(fault && more.length === 0, 'the driver added exactly one fault mapping');
    assert.ok(fault.priority < (await proxies())[0]!.priority, 'the fault does not sit above the pass-through');
    assert.equal(fault.request.headers?.['X-LPS-System']?.equalTo, 'LPS-A', 'the fault is not scoped to its LPS system');
  } finally {
    await faults.removeFaults();
  }
  assert.deepEqual(await faultMappings(), []);
  assert.equal((await proxies()).length, 2);
});
