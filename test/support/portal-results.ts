/** Portal results as Laboratoriesvarportalen hands them out, for the stand-in's tests. */
import type { PortalResult } from '../../stubs/sundhedsjournal/portal-result';

export const EINER_CPR = '0201609995';
export const NANCY_CPR = '2512489996';

const CLINIC = { name: 'Lægehuset Testby', code: 'LTB' };

export function portalResult(overrides: Partial<PortalResult> = {}): PortalResult {
  return {
    id: 'LABA:R-1001:NPU19748:1',
    databank: 'LABA',
    requisitionId: 'R-1001',
    analysisCode: 'NPU19748',
    analysisName: 'CRP',
    value: '12',
    unit: 'mg/L',
    referenceInterval: { type: 'fysiologisk', upper: '10' },
    status: 'endeligt',
    producer: CLINIC,
    samplingTime: '2025-03-14T09:40',
    resultTime: '2025-03-14T09:52',
    validation: 'for_hoej',
    ...overrides,
  };
}

/** Two requisitions: CRP and INR on an older one, HbA1c (corrected) on a newer one. */
export function typicalResults(): PortalResult[] {
  return [
    portalResult(),
    portalResult({
      id: 'LABA:R-1001:NPU01685:1',
      analysisCode: 'NPU01685',
      analysisName: 'INR',
      value: '2,4',
      unit: undefined,
      referenceInterval: { type: 'terapeutisk', lower: '2,0', upper: '3,0' },
      validation: undefined,
    }),
    portalResult({
      id: 'LABA:R-2002:NPU27300:2',
      requisitionId: 'R-2002',
      analysisCode: 'NPU27300',
      analysisName: 'HbA1c',
      value: '48',
      unit: 'mmol/mol',
      referenceInterval: { lower: '20', upper: '42' },
      status: 'rettet',
      samplingTime: '2025-04-02T08:15',
      resultTime: '2025-04-02T08:30',
      comments: ['Rettet: forkert værdi indtastet'],
    }),
  ];
}
