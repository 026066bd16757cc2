/** One CRP result from a clinic as a whole Emessage, for tests that send to the hub. */
import { writeEmessage } from '../../medcom';
import { clinicEmessage } from '../../medcom/compose-clinic-report';
import { findAnalysis } from '../../medcom/npu-catalogue';

export function crpMessage(cpr = '2512489996', at = new Date('2026-11-25T09:52:00Z')): { xml: string; envelope: string; letter: string } {
  const message = clinicEmessage({
    clinic: { name: 'Lægerne Testgade', ydernummer: '012345', ean: '5790000000000', producerCode: 'LT' },
    patient: { cpr, givenName: 'Nancy Ann', surname: 'Test Berggren', consentGiven: true },
    analysis: findAnalysis('CRP')!,
    value: '45',
    referenceInterval: { typeOfInterval: 'fysiologisk', upperLimit: '10' },
    sampleNumber: '1234567890',
    sampledAt: at,
    resultAt: at,
  });
  return { xml: writeEmessage(message), envelope: message.envelope.identifier, letter: message.letters[0]!.letter.identifier };
}
