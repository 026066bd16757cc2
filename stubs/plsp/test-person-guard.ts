/**
 * The test platform's guard: a message about anyone but MedCom's test persons is refused before anything is
 * forwarded or stored, so no real person's data ends up in a test camp. The CPR is named only by its date part.
 */
import type { Emessage, Finding } from '../../medcom/model';
import { isTestCpr, TEST_CPR_SERIALS } from '../../medcom/test-cpr';

export function realPersonFindings(message: Emessage): Finding[] {
  return message.letters.flatMap((letter) => {
    const cpr = letter.patient.civilRegistrationNumber;
    if (cpr === undefined || isTestCpr(cpr)) return [];
    const root = letter.kind === 'XRPT01' ? 'LaboratoryReport' : 'MicrobiologyWebReport';
    // Numbered among the letters of its own kind, as every finding's path is (medcom/validate/paths.ts).
    const sameKind = message.letters.filter((other) => other.kind === letter.kind);
    const position = sameKind.length > 1 ? `[${sameKind.indexOf(letter) + 1}]` : '';
    return [
      {
        severity: 'error' as const,
        path: `/Emessage/${root}${position}/Patient/CivilRegistrationNumber`,
        message: `${cpr.slice(0, 6)}-xxxx is not one of MedCom's test CPR numbers (serial ${TEST_CPR_SERIALS.join('/')}): this test platform takes test persons only; nothing was stored`,
      },
    ];
  });
}
