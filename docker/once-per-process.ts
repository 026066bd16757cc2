/** Runs async work at most once per process: every caller shares the first call's result; a failure is forgotten. */
export function oncePerProcess<T>(work: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= work().catch((error: unknown) => {
      pending = undefined; // a later call may try again
      throw error;
    });
    return pending;
  };
}
