/**
 * With an access token (systems beyond loopback, contracts/access.ts), the drivers send it from their HTTP layer:
 * the hub's journal, the databanks, the portal and WireMock's admin API behind its gate answer them, and without
 * the token (useAccessToken(undefined)) they are refused.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import type { Environment } from '../../environments/environment';
import { startLocalEnvironment } from '../../environments/local';
import { DatabankDriver } from '../../steps/drivers/databank';
import { DatabankProxyDriver } from '../../steps/drivers/databank-proxy';
import { useAccessToken } from '../../steps/drivers/http';
import { LabportalDriver } from '../../steps/drivers/labportal';
import { PlspDriver } from '../../steps/drivers/plsp';
import { laboratoryReportXml } from '../../steps/support/sample-messages';

const PERSON = { cpr: '0201609995', givenName: 'Einer', surname: 'Test Lauridsen' };
const TOKEN = 'drivers-token-test-0123456789abcdef';
let environment: Environment;

before(async () => {
  environment = await startLocalEnvironment({ approvedSystems: ['LPS-A'], accessToken: TOKEN });
});
after(async () => {
  await environment.stop();
});
afterEach(() => useAccessToken(undefined));

test('the drivers send the run\'s token: faults through the WireMock gate, the journal, LABA and the portal answer', async () => {
  assert.equal(environment.accessToken, TOKEN);
  useAccessToken(environment.accessToken);
  const plsp = new PlspDriver(environment.urls.plsp);
  const faults = new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A');
  await faults.failUploads('LABA', 503);
  try {
    const { envelopeIdentifier: envelope, xml } = laboratoryReportXml(PERSON);
    assert.equal((await plsp.send(xml, 'LPS-A')).httpStatus, 502);
    const statuses = await faults.uploadsOf('LABA', envelope);
    assert.ok(statuses.length > 0 && statuses.every((status) => status === 503), `uploads: ${statuses.join(', ')}`);
  } finally {
    await faults.removeFaults();
  }
  assert.equal((await plsp.send(laboratoryReportXml(PERSON).xml, 'LPS-A')).httpStatus, 200);
  assert.ok((await new DatabankDriver('LABA', environment.urls.laba).results(PERSON.cpr)).length > 0);
  assert.ok((await new LabportalDriver(environment.urls.labportal).results(PERSON.cpr)).length > 0);
});

test('without the token the same drivers are refused', async () => {
  useAccessToken(undefined);
  await assert.rejects(new DatabankProxyDriver(environment.urls.wiremock, 'LPS-A').failUploads('LABA', 503), /401/);
  await assert.rejects(new DatabankDriver('LABA', environment.urls.laba).results(PERSON.cpr), /401/);
});
