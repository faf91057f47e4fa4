// Restores a snapshot into a running cluster kindling made (a new one, or one recreated at another version or
// size): each claim's data is unpacked into its node container through the Docker archive API, a PersistentVolume
// pinned to that node is made for it (what local-path-provisioner had made), and the objects are applied in
// restore order. Checks nothing itself: verifySnapshot runs first.
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Context } from '../../context.js';
import { EnvironmentError } from '../../errors.js';
import type { KubeObject } from '../../export/kube-object.js';
import { applyObjects } from '../../export/restore/apply-objects.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { engineNaming } from '../../model/engine-naming.js';
import type { SnapshotManifest, SnapshotVolume } from '../../model/snapshot.js';
import { readSnapshotObjects } from './read-snapshot.js';

/** What a restore put back. */
export interface RestoredSnapshot {
  snapshot: string;
  objects: number;
  volumes: Array<{ namespace: string; claim: string; node: string }>;
}

/** The node of `to` that plays the part `node` played in `from` (same role, same ordinal), else its first control plane. */
export function matchingNode(from: ClusterSpec, to: ClusterSpec, node: string): string {
  const naming = engineNaming[to.engine];
  const role = (spec: ClusterSpec, controlPlanes: boolean) =>
    engineNaming[spec.engine].containerNames({
      name: spec.name,
      nodes: controlPlanes ? { controlPlanes: spec.nodes.controlPlanes, workers: 0 } : { controlPlanes: 0, workers: spec.nodes.workers },
    });
  for (const controlPlanes of [true, false]) {
    const i = role(from, controlPlanes).indexOf(node);
    const there = role(to, controlPlanes)[i];
    if (i >= 0 && there !== undefined && (controlPlanes ? i < to.nodes.controlPlanes : i < to.nodes.workers)) return there;
  }
  return naming.containerNames({ name: to.name, nodes: { controlPlanes: 1, workers: 0 } })[0]!;
}

/** The PersistentVolume that holds the restored data: a hostPath on the node, pre-bound to its claim. */
export function restoredVolume(v: SnapshotVolume, node: string, snapshot: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: v.volume,
      labels: { 'dev.kindling.snapshot': snapshot },
      annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
    },
    spec: {
      capacity: { storage: v.size === '' ? '1Gi' : v.size },
      accessModes: v.accessModes.length > 0 ? v.accessModes : ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      ...(v.storageClass === undefined ? {} : { storageClassName: v.storageClass }),
      hostPath: { path: v.path, type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: v.namespace, name: v.claim },
      nodeAffinity: {
        required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] },
      },
    },
  };
}

/** The objects but the PersistentVolumes made anew for the restored data. Each claim binds to its new volume
 * through the volume's claimRef (a pre-bound volume), as it did to the old one, so the claim's spec stays as it was. */
function withoutRemadeVolumes(objects: readonly KubeObject[], volumes: readonly SnapshotVolume[]): KubeObject[] {
  const remade = new Set(volumes.map((v) => v.volume));
  return objects.filter((o) => !(o.apiVersion === 'v1' && o.kind === 'PersistentVolume' && remade.has(o.metadata.name ?? '')));
}

/** Puts the snapshot's volumes and objects into the cluster `target` (running, API ready). */
export async function restoreInto(
  ctx: Context,
  manifest: SnapshotManifest,
  target: ClusterSpec,
  kubeconfigPath: string,
): Promise<RestoredSnapshot> {
  const { cluster, name: id } = manifest;
  const objects = await readSnapshotObjects(ctx, cluster, id);
  const volumes: RestoredSnapshot['volumes'] = [];
  const pvs: KubeObject[] = [];
  if (manifest.volumes.length > 0) {
    const docker = await ctx.docker();
    for (const v of manifest.volumes) {
      const node = matchingNode(manifest.spec, target, v.node);
      const parent = posix.dirname(v.path);
      const made = await docker.exec(node, ['mkdir', '-p', parent]);
      if (made.exitCode !== 0) {
        throw new EnvironmentError('node-folder', `could not make ${parent} in node ${node}: ${made.output.trim()}`);
      }
      // The archive's top folder is the volume's own folder: unpacked into its parent, the path is the same.
      await docker.putArchive(node, parent, await ctx.store.readSnapshotPart(cluster, id, v.part));
      pvs.push(restoredVolume(v, node, id));
      volumes.push({ namespace: v.namespace, claim: v.claim, node });
      ctx.logger.debug(`restored the data of ${v.namespace}/${v.claim} into ${node}:${v.path}`);
    }
  }
  const api = await ctx.kubeApi(await readFile(kubeconfigPath, 'utf8'));
  await applyObjects(ctx, api, [...pvs, ...withoutRemadeVolumes(objects, manifest.volumes)], {
    refusedHint: `the cluster refused an object of snapshot ${cluster}/${id}; its Kubernetes version may not serve that API any more`,
  });
  return { snapshot: `${cluster}/${id}`, objects: objects.length, volumes };
}
