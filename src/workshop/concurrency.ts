// How many clusters to create at once. Creating one is mostly waiting (the engine's polls, Docker unpacking the
// node image, the API server starting), so a core carries several creates; memory bounds it harder: every
// cluster being made needs its footprint at once.

/** Creates in flight per core. */
export const CREATES_PER_CORE = 5;
/** Never more than this at once, however large the machine. */
export const MAX_PARALLEL = 16;

/** What the choice depends on. */
export interface ParallelInputs {
  count: number;
  cores: number;
  /** Memory free for clusters, bytes. */
  freeBytes: number;
  footprintBytes: number;
  /** --parallel K: the user's choice wins (still at most count). */
  requested?: number;
}

/** At least 1, at most `count`: min(cores x 5, 16, what memory holds) unless the user chose. */
export function chooseParallel(i: ParallelInputs): number {
  if (i.requested !== undefined) return Math.max(1, Math.min(i.requested, i.count));
  const byCpu = Math.max(1, i.cores) * CREATES_PER_CORE;
  const byMemory = Math.floor(i.freeBytes / Math.max(1, i.footprintBytes));
  return Math.max(1, Math.min(i.count, byCpu, MAX_PARALLEL, byMemory));
}
