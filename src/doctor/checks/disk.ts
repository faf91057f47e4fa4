// Free space where Docker keeps images and containers (its root dir, when this host has it), else where the state
// store is, else the home folder. A node image unpacks to about 1 GiB: below 2 GiB `up` fails (blocking), below
// 10 GiB doctor warns.
import { formatBytes, GiB } from '../bytes.js';
import { fail, ok, warn, type DoctorCheck } from '../check.js';
import type { DoctorContext } from '../doctor-context.js';
import type { DiskSpace } from '../host-facts.js';

/** Below this, `up` cannot unpack a node image. */
export const DISK_FAIL = 2 * GiB;
/** Below this, doctor warns. */
export const DISK_WARN = 10 * GiB;

/** The places to measure, each with what it is, in order of preference. */
async function candidates(d: DoctorContext): Promise<{ path: string; what: string }[]> {
  const rootDir = await d.info().then(
    (i) => i.rootDir,
    () => '',
  );
  const store = d.ctx.store.location;
  return [
    ...(rootDir ? [{ path: rootDir, what: "Docker's root dir" }] : []),
    ...(store.startsWith('s3://') ? [] : [{ path: store, what: 'the state store' }]),
    ...(d.ctx.env.HOME ? [{ path: d.ctx.env.HOME, what: 'home' }] : []),
    { path: d.ctx.cwd, what: 'the working folder' },
  ];
}

/** The free disk check. */
export const diskCheck: DoctorCheck = {
  id: 'disk',
  title: 'free disk',
  blocking: true,
  async run(d) {
    let found: { space: DiskSpace; what: string } | undefined;
    for (const c of await candidates(d)) {
      const space = await d.host.disk(c.path);
      if (space) {
        found = { space, what: c.what };
        break;
      }
    }
    if (!found) return warn('could not measure free disk space', 'check with `df -h` and `docker system df`');
    const { space, what } = found;
    const detail = `${formatBytes(space.free)} free of ${formatBytes(space.total)} at ${space.path} (${what})`;
    const fix = `free space on ${space.path}: \`docker system prune\` removes stopped containers, unused networks and dangling images; \`kindling down NAME\` deletes clusters you no longer need`;
    if (space.free < DISK_FAIL) return fail(`${detail}: a node image needs about 1 GiB unpacked`, fix);
    if (space.free < DISK_WARN) return warn(`${detail}: little room for node images and volumes`, fix);
    return ok(detail);
  },
};
