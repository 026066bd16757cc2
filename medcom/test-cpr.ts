/**
 * MedCom's national test CPR numbers: serial (last four digits) 9989, 9990, 9995 or 9996, or 3989/3995 for people
 * born early in the 1900s. A test platform takes these only, so no real person's data is ever sent or stored.
 */

export const TEST_CPR_SERIALS: readonly string[] = ['9989', '9990', '9995', '9996', '3989', '3995'];

export function isTestCpr(cpr: string): boolean {
  return /^[0-9]{10}$/.test(cpr) && TEST_CPR_SERIALS.includes(cpr.slice(6));
}
