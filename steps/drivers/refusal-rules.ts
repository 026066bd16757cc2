/**
 * Which business rules a refusal by PLSP concerns, from the paths its RefuseText names: a message refused for a
 * missing consent fails DEL-03, not every rule of the scenario. A fault with no more specific home is DEL-01 (the
 * messages meet the MedCom standards); a system MedCom has not approved is LABA-01.
 */
const RULE_BY_PATH: readonly { pattern: RegExp; rule: string }[] = [
  { pattern: /X-LPS-System|not approved by MedCom/i, rule: 'LABA-01' },
  { pattern: /Patient\/Consent/, rule: 'DEL-03' },
  { pattern: /ProducerOfLabResult|FromLabIdentifier/, rule: 'DEL-02' },
  { pattern: /RequesterSampleIdentifier/, rule: 'LABA-03' },
  { pattern: /ReferenceInterval|ResultValidation/, rule: 'LABA-04' },
];

export function rulesOfRefusal(refuseText: string, httpStatus: number): string[] {
  const rules = new Set<string>();
  for (const line of refuseText.split('\n').filter((text) => text.trim() !== '')) {
    const found = RULE_BY_PATH.find((entry) => entry.pattern.test(line));
    rules.add(found ? found.rule : 'DEL-01');
  }
  if (rules.size === 0) rules.add(httpStatus === 403 ? 'LABA-01' : 'DEL-01');
  return [...rules];
}
