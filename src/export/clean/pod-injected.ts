// What the scheduler and admission plugins write into a running Pod (promotion.md 4.1, 4.2, 4.5): the node it
// landed on, its resolved priority, and the service-account token volume (`kube-api-access-*`, or a legacy
// `<serviceaccount>-token-*` secret volume) with its mounts. The target injects its own.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { dropItems, isPlainMap, mapAt, mapsIn, type PlainMap } from './nested-maps.js';
import { containersOf } from './pod-specs.js';
import { isGeneratedTokenName, isInjectedAccessVolumeName } from './token-names.js';

function isTokenVolume(volume: PlainMap, account: string): boolean {
  if (typeof volume.name !== 'string') return false;
  if ('projected' in volume) return isInjectedAccessVolumeName(volume.name);
  if ('secret' in volume) return isGeneratedTokenName(volume.name, account) || isGeneratedTokenName(volume.name, 'default');
  return false;
}

/** Removes a Pod's nodeName, priority and injected token volumes and mounts. */
export function cleanPodInjected(o: KubeObject): void {
  const spec = mapAt(o, 'spec');
  if (apiGroup(o.apiVersion) !== '' || o.kind !== 'Pod' || spec === undefined) return;
  delete spec.nodeName;
  delete spec.priority;
  const account = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : 'default';
  const injected = new Set(
    mapsIn(spec.volumes)
      .filter((v) => isTokenVolume(v, account))
      .map((v) => v.name),
  );
  if (injected.size === 0) return;
  const isInjected = (item: unknown) => isPlainMap(item) && injected.has(item.name);
  dropItems(spec, 'volumes', isInjected);
  for (const container of containersOf(spec)) dropItems(container, 'volumeMounts', isInjected);
}
