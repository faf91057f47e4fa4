// The benchmark's only source of variety: a seeded generator (mulberry32), so the same seed gives the same
// objects on every machine and run, and figures compare. Times are offsets from a fixed instant, not the clock.

const EPOCH = Date.UTC(2026, 2, 1, 9, 0, 0);

/** Helpers drawing from one seeded stream: integers, picks, coin flips, uids, timestamps, hex suffixes. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const hex = (n) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  return {
    int,
    hex,
    pick: (xs) => xs[int(xs.length)],
    chance: (p) => next() < p,
    uid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
    /** An RFC 3339 time within 30 days after the fixed epoch. */
    time: () => new Date(EPOCH + int(30 * 24 * 3600) * 1000).toISOString().replace('.000Z', 'Z'),
    /** A ReplicaSet-style pod-template hash or a Pod-style suffix. */
    suffix: (n) => Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz2456789'[int(27)]).join(''),
  };
}
