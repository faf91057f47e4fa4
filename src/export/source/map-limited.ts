// Runs an async function over a list with at most N calls in flight, keeping the results in input order: the
// live read lists a cluster's resources a few at a time.

/**
 * `fn` applied to every item, at most `limit` at once; results in the order of `items`. The first rejection
 * rejects the whole call, and no further items are started after it.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
