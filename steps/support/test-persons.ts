/**
 * Only MedCom's national test CPR numbers may be used: serial (last four digits) 9989, 9990, 9995 or 9996,
 * or 3989/3995 for people born early in the 1900s. A real person's CPR is refused before anything is sent.
 */
import { isTestCpr, TEST_CPR_SERIALS } from '../../medcom/test-cpr';
import type { TestPerson } from '../drivers/lps';

export function testPerson(fullName: string, cpr: string): TestPerson {
  if (!/^[0-9]{10}$/.test(cpr)) {
    throw new Error(`"${cpr}" is not a CPR number: write 10 digits without a dash, e.g. 2512489996`);
  }
  if (!isTestCpr(cpr)) {
    throw new Error(`${cpr} is not one of MedCom's test CPR numbers (serial ${TEST_CPR_SERIALS.join('/')}): never use a real person's CPR`);
  }
  const names = fullName.trim().split(/\s+/);
  const testIndex = names.indexOf('Test');
  if (testIndex < 0) throw new Error(`"${fullName}" is not a test person's name: MedCom's test persons have "Test" in the name`);
  // MedCom's test persons carry "Test" as the first part of the surname: "Nancy Ann" + "Test Berggren".
  return { cpr, givenName: names.slice(0, testIndex).join(' ') || names[0], surname: names.slice(testIndex).join(' ') };
}
