// Runs jobs with at most `limit` in flight, retrying a failed job once (or `retries` times), and reports each
// outcome in the jobs' order. A job that fails for good never stops the others.

/** One job's end. */
export type Outcome<T, R> = { item: T; ok: true; value: R; attempts: number } | { item: T; ok: false; error: unknown; attempts: number };

/** How to run the pool. */
export interface PoolOptions<T> {
  limit: number;
  /** Further attempts after a failure (default 1). */
  retries?: number;
  /** Called before a retry, with the failure (e.g. to clean up and say so). */
  beforeRetry?: (item: T, error: unknown, attempt: number) => Promise<void>;
  /** No new job starts once aborted; running ones finish. */
  signal?: AbortSignal;
}

/** Runs `job(item, attempt)` for every item; resolves when all have ended. */
export async function runPool<T, R>(
  items: readonly T[],
  job: (item: T, attempt: number) => Promise<R>,
  opts: PoolOptions<T>,
): Promise<Outcome<T, R>[]> {
  const outcomes: Outcome<T, R>[] = new Array(items.length);
  const retries = opts.retries ?? 1;
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      for (let attempt = 1; ; attempt++) {
        if (opts.signal?.aborted) {
          outcomes[i] = { item, ok: false, error: new Error('interrupted before it started'), attempts: attempt - 1 };
          break;
        }
        try {
          outcomes[i] = { item, ok: true, value: await job(item, attempt), attempts: attempt };
          break;
        } catch (error) {
          if (attempt > retries || opts.signal?.aborted) {
            outcomes[i] = { item, ok: false, error, attempts: attempt };
            break;
          }
          await opts.beforeRetry?.(item, error, attempt);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.limit, items.length)) }, worker));
  return outcomes;
}
