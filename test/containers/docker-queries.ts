/** What the engine holds for a run, for assertions that nothing is left behind. */
import { docker } from '../../docker/testcontainers';
import { LABEL_PID, LABEL_RUN } from '../../docker/run-labels';

export interface Remains {
  containers: string[];
  networks: string[];
}

export async function remainsWithLabel(label: typeof LABEL_RUN | typeof LABEL_PID, value: string): Promise<Remains> {
  const engine = await docker();
  const filters = { label: [`${label}=${value}`] };
  const containers = await engine.listContainers({ all: true, filters });
  const networks = await engine.listNetworks({ filters });
  return { containers: containers.flatMap((container) => container.Names), networks: networks.map((network) => network.Name) };
}

/** Polls until the condition holds (a Docker query, not a sleep); fails with the last value after timeoutMs. */
export async function eventually<T>(query: () => Promise<T>, holds: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await query();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
