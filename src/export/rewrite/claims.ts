// Where PersistentVolumeClaim specs live: PVC objects and StatefulSet volumeClaimTemplates, both of which
// carry the dev cluster's storageClassName (promotion.md 3.4).
import { apiGroup, type KubeObject } from '../kube-object.js';
import { jsonPointer } from './json-patch.js';
import { isRecord } from './value-at.js';

/** A claim spec, the JSON pointer to it, and a label for messages (`volumeClaimTemplate data`). */
export interface ClaimAt {
  spec: Record<string, unknown>;
  pointer: string;
  label: string;
}

/** Every claim spec in an object: its own spec for a PVC, each volumeClaimTemplate for a StatefulSet. */
export function claimsOf(o: KubeObject): ClaimAt[] {
  if (o.kind === 'PersistentVolumeClaim' && o.apiVersion === 'v1' && isRecord(o['spec'])) {
    return [{ spec: o['spec'], pointer: '/spec', label: 'claim' }];
  }
  if (o.kind !== 'StatefulSet' || apiGroup(o.apiVersion) !== 'apps' || !isRecord(o['spec'])) return [];
  const templates = o['spec']['volumeClaimTemplates'];
  return (Array.isArray(templates) ? templates : []).flatMap((t: unknown, i) =>
    isRecord(t) && isRecord(t['spec'])
      ? [
          {
            spec: t['spec'],
            pointer: jsonPointer(['spec', 'volumeClaimTemplates', i, 'spec']),
            label: `volumeClaimTemplate ${claimName(t)}`,
          },
        ]
      : [],
  );
}

/** The storageClassName a claim asks for, if any. */
export function claimClass(claim: ClaimAt): string | undefined {
  const name = claim.spec['storageClassName'];
  return typeof name === 'string' ? name : undefined;
}

function claimName(template: Record<string, unknown>): string {
  const meta = template['metadata'];
  return isRecord(meta) && typeof meta['name'] === 'string' ? meta['name'] : '(unnamed)';
}
