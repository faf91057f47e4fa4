// "About N more clusters of preset P fit": the memory available now divided by what one cluster of P took on this
// host (the median of the footprints recorded after `up`), or by a stated default when none was measured yet.
import type { EngineName, Preset } from '../presets/schema.js';
import type { Footprint } from '../status/footprint.js';
import { GiB } from './bytes.js';

/** What a cluster is assumed to take before one was measured here: a kind node (kubeadm, etcd, kube-*) about
 * 1 GiB, a k3s server with its load balancer about 0.6 GiB. */
export const DEFAULT_FOOTPRINT: Readonly<Record<EngineName, number>> = { kind: GiB, k3d: Math.round(0.6 * GiB) };

/** One preset's estimate. */
export interface CapacityEstimate {
  preset: string;
  engine: EngineName;
  /** Memory one cluster of the preset takes, in bytes. */
  footprintBytes: number;
  /** measured: the median of `samples` recorded footprints; default: DEFAULT_FOOTPRINT. */
  basis: 'measured' | 'default';
  samples: number;
  /** Memory available now, in bytes. */
  availableBytes: number;
  /** How many more clusters of the preset fit in it. */
  fit: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One estimate per preset, in the presets' order. */
export function estimateCapacity(presets: readonly Preset[], footprints: readonly Footprint[], availableBytes: number): CapacityEstimate[] {
  return presets.map((p) => {
    const measured = footprints.filter((f) => f.preset === p.name).map((f) => f.memoryBytes);
    const footprintBytes = measured.length > 0 ? Math.round(median(measured)) : DEFAULT_FOOTPRINT[p.engine];
    return {
      preset: p.name,
      engine: p.engine,
      footprintBytes,
      basis: measured.length > 0 ? 'measured' : 'default',
      samples: measured.length,
      availableBytes,
      fit: Math.max(0, Math.floor(availableBytes / footprintBytes)),
    };
  });
}
