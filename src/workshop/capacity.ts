// Whether a workshop fits before anything is made: N clusters at a cluster's footprint each against the memory
// free on the Docker hosts; engines on this machine share its memory, so together they count it once.
import { formatBytes } from '../doctor/bytes.js';

/** One Docker host's free memory, as measured. */
export interface HostRoom {
  /** The Docker context ('' for the one kindling finds by itself). */
  context: string;
  freeBytes: number;
  /** The engine runs on this machine (a unix socket): its memory is this machine's. */
  local: boolean;
}

/** The answer to "does it fit". */
export interface CapacityVerdict {
  fits: boolean;
  count: number;
  needBytes: number;
  freeBytes: number;
  /** How many clusters fit at most. */
  maxFit: number;
  /** `N clusters need about X GiB, Y free: at most M fit`. */
  message: string;
}

/** The memory free for clusters over all hosts: the local ones together never more than `localAvailable`. */
export function freeAcross(hosts: readonly HostRoom[], localAvailable: number): number {
  const local = hosts.filter((h) => h.local).reduce((n, h) => n + h.freeBytes, 0);
  const remote = hosts.filter((h) => !h.local).reduce((n, h) => n + h.freeBytes, 0);
  return Math.min(local, localAvailable) + remote;
}

/** Compares what `count` clusters of `footprintBytes` need with `freeBytes`. */
export function capacityVerdict(count: number, footprintBytes: number, freeBytes: number): CapacityVerdict {
  const needBytes = count * footprintBytes;
  const maxFit = Math.max(0, Math.floor(freeBytes / footprintBytes));
  const fits = count <= maxFit;
  const plural = count === 1 ? 'cluster needs' : 'clusters need';
  return {
    fits,
    count,
    needBytes,
    freeBytes,
    maxFit,
    message: `${count} ${plural} about ${formatBytes(needBytes)}, ${formatBytes(Math.max(0, freeBytes))} free: at most ${maxFit} fit`,
  };
}
