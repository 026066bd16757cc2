/** Which RefuseCode a set of findings calls for. */
import type { Finding, RefuseCode } from '../model';

function isVersionFault(finding: Finding): boolean {
  return finding.kind === 'version' || /\/Letter\/VersionCode$/.test(finding.path);
}

function isReceiverFault(finding: Finding): boolean {
  return /\/Receiver\/EANIdentifier$/.test(finding.path);
}

/**
 * problem_med_version when a letter's VersionCode is wrong (the likely root cause of everything else);
 * problem_med_modtagerID when the receiver's location number is at fault; syntaksfejl for any other error
 * (malformed XML, schema faults, the project's rules); ikke_specificeret when there is no error at all.
 */
export function refuseCodeFor(findings: readonly Finding[]): RefuseCode {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return 'ikke_specificeret';
  if (errors.some((finding) => finding.kind === 'not-well-formed' || finding.kind === 'unsafe')) return 'syntaksfejl';
  if (errors.some(isVersionFault)) return 'problem_med_version';
  if (errors.every(isReceiverFault)) return 'problem_med_modtagerID';
  return 'syntaksfejl';
}
