// Which Docker host each cluster goes to: the next cluster always to the host with the most memory left after
// what was given out already (ties: the earlier host), so hosts fill in proportion to their free memory.
import type { HostRoom } from './capacity.js';

/** The context of each of `count` clusters, in order. */
export function spreadOver(count: number, hosts: readonly Pick<HostRoom, 'context' | 'freeBytes'>[], footprintBytes: number): string[] {
  if (hosts.length === 0) throw new Error('spreadOver: no host');
  const left = hosts.map((h) => h.freeBytes);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let h = 1; h < hosts.length; h++) if (left[h]! > left[best]!) best = h;
    left[best] = left[best]! - footprintBytes;
    out.push(hosts[best]!.context);
  }
  return out;
}
