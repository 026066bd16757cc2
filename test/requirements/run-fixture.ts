/** Small synthetic cucumber message streams for the report tests: the envelopes readRun needs, nothing more. */

export interface FixtureStep {
  keyword: string;
  text: string;
  status: 'PASSED' | 'FAILED' | 'SKIPPED' | 'UNDEFINED';
  message?: string;
  args?: string[];
  dataTable?: string[][];
  attachments?: { fileName: string; mediaType: string; body: string; base64?: boolean }[];
  durationMs?: number;
}

export interface FixtureScenario {
  name: string;
  uri: string;
  tags: string[];
  /** An outline's example row: header and cells. */
  example?: { header: string[]; cells: string[] };
  steps: FixtureStep[];
  /** Attached by an After hook. */
  afterAttachments?: FixtureStep['attachments'];
  /** The run was stopped in this scenario: its After hook never finished. */
  unfinished?: boolean;
}

export function runMessages(scenarios: readonly FixtureScenario[], finishedSeconds = 1_800_000_000): string {
  let counter = 0;
  const id = (prefix: string): string => `${prefix}${(counter += 1)}`;
  const envelopes: unknown[] = [{ meta: { protocolVersion: 'fixture' } }];
  const hookId = id('hook');
  envelopes.push({ hook: { id: hookId, name: 'evidens' } });
  for (const scenario of scenarios) {
    const gherkinSteps = scenario.steps.map((step) => ({ id: id('gs'), keyword: step.keyword }));
    const scenarioId = id('sc');
    const rowId = id('row');
    const examples = scenario.example
      ? [{ tableHeader: { id: id('hd'), location: { line: 20 }, cells: scenario.example.header.map((value) => ({ value })) }, tableBody: [{ id: rowId, location: { line: 21 }, cells: scenario.example.cells.map((value) => ({ value })) }] }]
      : [];
    envelopes.push({ gherkinDocument: { uri: scenario.uri, feature: { children: [{ scenario: { id: scenarioId, location: { line: 7 }, steps: gherkinSteps, examples } }] } } });
    const pickleSteps = scenario.steps.map((step, index) => ({
      id: id('ps'),
      text: step.text,
      astNodeIds: [gherkinSteps[index]?.id, ...(scenario.example ? [rowId] : [])],
      ...(step.dataTable ? { argument: { dataTable: { rows: step.dataTable.map((row) => ({ cells: row.map((value) => ({ value })) })) } } } : {}),
    }));
    const pickleId = id('p');
    envelopes.push({ pickle: { id: pickleId, uri: scenario.uri, name: scenario.name, astNodeIds: [scenarioId, ...(scenario.example ? [rowId] : [])], tags: scenario.tags.map((name) => ({ name })), steps: pickleSteps } });
    const testSteps = [
      ...scenario.steps.map((step, index) => ({
        id: id('ts'),
        pickleStepId: pickleSteps[index]?.id,
        stepMatchArgumentsLists: [{ stepMatchArguments: (step.args ?? []).map((value) => ({ group: { value } })) }],
      })),
      { id: id('ts'), hookId },
    ];
    const testCaseId = id('tc');
    envelopes.push({ testCase: { id: testCaseId, pickleId, testSteps } });
    const startedId = id('tcs');
    envelopes.push({ testCaseStarted: { id: startedId, testCaseId, attempt: 0 } });
    scenario.steps.forEach((step, index) => {
      const testStepId = testSteps[index]?.id;
      for (const attachment of step.attachments ?? []) {
        envelopes.push({ attachment: { testCaseStartedId: startedId, testStepId, fileName: attachment.fileName, mediaType: attachment.mediaType, contentEncoding: attachment.base64 ? 'BASE64' : 'IDENTITY', body: attachment.body } });
      }
      const duration = step.durationMs ?? 10;
      envelopes.push({ testStepFinished: { testCaseStartedId: startedId, testStepId, testStepResult: { status: step.status, duration: { seconds: Math.floor(duration / 1000), nanos: (duration % 1000) * 1e6 }, ...(step.message ? { message: step.message } : {}) } } });
    });
    const hookStepId = testSteps[testSteps.length - 1]?.id;
    for (const attachment of scenario.afterAttachments ?? []) {
      envelopes.push({ attachment: { testCaseStartedId: startedId, testStepId: hookStepId, fileName: attachment.fileName, mediaType: attachment.mediaType, contentEncoding: attachment.base64 ? 'BASE64' : 'IDENTITY', body: attachment.body } });
    }
    if (!scenario.unfinished) envelopes.push({ testStepFinished: { testCaseStartedId: startedId, testStepId: hookStepId, testStepResult: { status: 'PASSED', duration: { seconds: 0, nanos: 5e6 } } } });
  }
  envelopes.push({ testRunFinished: { success: true, timestamp: { seconds: finishedSeconds, nanos: 0 } } });
  return envelopes.map((envelope) => JSON.stringify(envelope)).join('\n');
}
