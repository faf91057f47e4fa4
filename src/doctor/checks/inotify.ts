// fs.inotify limits: each node runs a kubelet and many watchers, and with too few watches or instances pods
// fail with "too many open files". kind's known-issues page recommends max_user_watches 524288 and
// max_user_instances 512; below that clusters still start, so this only warns.
import { ok, warn, type DoctorCheck } from '../check.js';

/** kind's recommended minimums. */
export const INOTIFY_RECOMMENDED = { maxUserWatches: 524288, maxUserInstances: 512 } as const;

const FIX =
  'sudo sysctl -w fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512, and to keep it after a reboot: ' +
  "printf 'fs.inotify.max_user_watches = 524288\\nfs.inotify.max_user_instances = 512\\n' | sudo tee /etc/sysctl.d/99-kindling.conf";

/** The inotify check. */
export const inotifyCheck: DoctorCheck = {
  id: 'inotify',
  title: 'inotify limits',
  blocking: false,
  async run(d) {
    const limits = await d.host.inotify();
    if (!limits) return ok('not checked: this host has no /proc/sys/fs/inotify (Docker runs in a VM; its limits apply there)');
    const detail = `max_user_watches ${limits.maxUserWatches}, max_user_instances ${limits.maxUserInstances}`;
    const low = [
      ...(limits.maxUserWatches < INOTIFY_RECOMMENDED.maxUserWatches ? [`watches < ${INOTIFY_RECOMMENDED.maxUserWatches}`] : []),
      ...(limits.maxUserInstances < INOTIFY_RECOMMENDED.maxUserInstances ? [`instances < ${INOTIFY_RECOMMENDED.maxUserInstances}`] : []),
    ];
    return low.length === 0 ? ok(detail) : warn(`${detail} (${low.join(', ')}: pods may fail with "too many open files")`, FIX);
  },
};
