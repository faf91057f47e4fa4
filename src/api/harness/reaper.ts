// The reaper's entry point, run by ensureReaper() as `node reaper.js --parent PID --state STORE ...`: it waits,
// polling once a second, until its parent process is gone (exited, crashed or SIGKILLed), then cleans up after
// it (reap.ts) and exits. It prints nothing; what it did is in each cluster's history.
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive } from '../../runtime/process-alive.js';
import { createContext } from '../create-context.js';
import { down } from '../down.js';
import type { CommonOptions } from '../../context.js';
import { reapHolder } from './reap.js';

const { values } = parseArgs({
  options: {
    parent: { type: 'string' },
    state: { type: 'string' },
    's3-endpoint': { type: 'string' },
    'docker-context': { type: 'string' },
    kind: { type: 'string' },
    k3d: { type: 'string' },
  },
});
const parent = Number(values.parent);
if (!Number.isInteger(parent) || parent <= 0 || !values.state) process.exit(2);

const options: CommonOptions = {
  state: values.state,
  env: process.env,
  ...(values['s3-endpoint'] ? { s3Endpoint: values['s3-endpoint'] } : {}),
  ...(values['docker-context'] ? { dockerContext: values['docker-context'] } : {}),
  binaries: { ...(values.kind ? { kind: values.kind } : {}), ...(values.k3d ? { k3d: values.k3d } : {}) },
};

// Reparented (our parent exited) or no longer alive: either way it is gone.
while (processAlive(parent) && process.ppid === parent) await sleep(1_000);

// A local store that is gone (a test's temporary folder, removed once it was done) holds nothing to clean up:
// opening it would make its folder again.
if (!/^[a-z][a-z0-9+.-]*:\/\//.test(values.state) && !existsSync(values.state)) process.exit(0);

const ctx = createContext(options);
const host = hostname();
await reapHolder(
  ctx,
  { self: { pid: process.pid, host }, alive: processAlive, sleep: (ms) => sleep(ms), clock: () => Date.now() },
  { pid: parent, host },
  async (name) => {
    await down({ ...options, names: [name] });
  },
);
process.exit(0);
