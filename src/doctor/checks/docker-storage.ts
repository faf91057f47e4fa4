// The engine's storage driver and whether images live in containerd's image store. Neither stops `up`: the
// containerd store only changes how `kindling load` gets images in (through the cluster's registry).
import { ok, warn, type DoctorCheck } from '../check.js';

/** Drivers kind and k3d nodes run well on (overlayfs is the containerd snapshotter's). */
const GOOD_DRIVERS = ['overlay2', 'overlayfs', 'fuse-overlayfs', 'btrfs', 'zfs', 'stargz'];

/** The storage check. */
export const dockerStorageCheck: DoctorCheck = {
  id: 'docker-storage',
  title: 'Docker storage',
  blocking: false,
  async run(d) {
    const info = await d.info();
    const store = info.containerdImageStore ? 'containerd image store' : 'classic image store';
    const detail = `${info.driver || 'unknown driver'}, ${store}`;
    if (info.driver && !GOOD_DRIVERS.includes(info.driver)) {
      return warn(
        `${detail}: ${info.driver} is slow or deprecated for nodes that run containers themselves`,
        'switch Docker to overlay2: set "storage-driver": "overlay2" in /etc/docker/daemon.json and restart Docker (images and containers are not carried over)',
      );
    }
    if (info.containerdImageStore) {
      return warn(
        `${detail}: kind load and k3d image import fail here, so \`kindling load\` pushes to the cluster's registry instead`,
        'create clusters with `kindling up --registry` to load local images, or turn the containerd image store off ("features": {"containerd-snapshotter": false} in /etc/docker/daemon.json, then restart Docker)',
      );
    }
    return ok(detail);
  },
};
