// One of two processes racing for locks on one S3 store (test/integration/s3-store.test.ts): for each of N
// cluster names, in the same order as the other process, tries to take the lock and prints one JSON line
// {name, won}. Locks are never released, so the outcome of each name does not depend on timing: exactly one of
// the two processes may hold it. Then it stays alive until the file <cacheDir>/../go-home exists: a lock whose
// holder died is rightly taken over, so both holders must live until both have finished.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers';

const [dist, bucket, prefix, endpoint, rounds, cacheDir] = process.argv.slice(2);
const { objectStateStore } = await import(join(dist, 'state/object-store.js'));
const { s3Backend } = await import(join(dist, 'runtime/s3-backend.js'));
const store = objectStateStore(s3Backend({ bucket, prefix, endpoint }, process.env), {
  now: () => new Date(),
  pid: process.pid,
  hostname: hostname(),
  owner: `racer-${process.pid}`,
  isAlive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  },
  lockTtlMs: 600_000,
  cacheDir,
  logger: { debug() {}, info() {}, warn() {} },
});
for (let i = 0; i < Number(rounds); i++) {
  const name = `race-${i}`;
  try {
    await store.lock(name, 'race', `${process.pid}-${i}`);
    console.log(JSON.stringify({ name, won: true }));
  } catch (err) {
    console.log(JSON.stringify({ name, won: false, code: err.code }));
  }
}
console.log(JSON.stringify({ done: true }));
const { existsSync, writeFileSync } = await import('node:fs');
writeFileSync(`${cacheDir}.done`, '');
while (!existsSync(join(cacheDir, '..', 'go-home'))) await new Promise((r) => setTimeout(r, 50));
