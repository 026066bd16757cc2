/** Faults through WireMock hit only the LPS system that asked for them, and each driver removes only its own. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Environment } from '../../environments/environment';
import { startLocalEnvironment } from '../../environments/local';
import { DatabankProxyDriver } from '../../steps/drivers/databank-proxy';
import { PlspDriver } from '../../steps/drivers/plsp';
import { laboratoryReportXml } from '../../steps/support/sample-messages';

const PERSON = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };
let environment: Environment;
let plsp: PlspDriver;

before(async () => {
  environment = await startLocalEnvironment({ approvedSystems: ['LPS-A', 'LPS-B'] });
  plsp = new PlspDriver(environment.urls.plsp);
});

after(async () => {
  await environment.stop();
});

async function status(system: string): Promise<number> {
  return (await plsp.send(laboratoryReportXml(PERSON).xml, system)).httpStatus;
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
