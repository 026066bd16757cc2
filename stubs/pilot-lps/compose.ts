/**
 * Turns results registered in the clinic into the MedCom message the LPS shares: every unsent result of one sample in
 * one letter; a correction as corrected, a preliminary result as preliminary. A value outside its interval is
 * flagged (ResultValidation) unless the doctor flagged it otherwise.
 */
import { clinicLetterEmessage, type ClinicAnalysisResult } from '../../medcom/compose-clinic-report';
import type { Emessage, ResultStatusCode } from '../../medcom/model';
import { validationOf } from '../../medcom/result-validation';
import type { LocalResult } from './journal';

function statusOf(result: LocalResult): ResultStatusCode {
  return result.corrected || result.pendingChange === 'correction' ? 'svar_rettet' : result.status;
}

function analysisResult(result: LocalResult): ClinicAnalysisResult {
  const { producer, clinic } = result;
  return {
    analysis: result.analysis,
    value: result.value,
    unit: result.unit,
    operator: result.operator,
    referenceInterval: result.referenceInterval,
    resultValidation: result.resultValidation ?? validationOf(result.value, result.referenceInterval, result.operator),
    comment: result.comment,
    examinator: result.examinator,
    producer: { name: producer.name, code: producer.code, ydernummer: producer.ydernummer ?? clinic.ydernummer },
  };
}

/** One letter for results of one sample; they share patient, times and status (the first result's). */
export function composeEmessage(results: LocalResult[], now = new Date()): Emessage {
  const [first] = results;
  if (!first) throw new Error('Nothing to compose: no results');
  const resultAt = new Date(Math.max(...results.map((result) => result.resultAt.getTime())));
  return clinicLetterEmessage(
    {
      clinic: first.clinic,
      patient: first.patient,
      status: statusOf(first),
      sampleNumber: first.sampleNumber,
      internalSampleIdentifier: first.internalSampleIdentifier,
      sampledAt: first.sampledAt,
      resultAt,
      results: results.map(analysisResult),
    },
    now,
  );
}
