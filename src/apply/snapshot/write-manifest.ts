// Writes manifest.json last: a snapshot is complete only once it lists every part with its size and sha256.
import { SNAPSHOT_MANIFEST, type SnapshotManifest } from '../../model/snapshot.js';
import type { Action } from '../action.js';
import type { SnapshotState } from './snapshot-state.js';

/** The write-manifest step. */
export const writeManifest: Action<SnapshotState> = {
  id: 'write-manifest',
  async run(ctx, state) {
    const { spec, plan } = state;
    const manifest: SnapshotManifest = {
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'Snapshot',
      name: plan.snapshot,
      cluster: spec.name,
      createdAt: ctx.now().toISOString(),
      reason: plan.reason,
      consistent: plan.consistent,
      kubernetesVersion: spec.kubernetesVersion,
      spec,
      objects: state.dump?.objects.length ?? 0,
      volumes: state.volumes,
      skippedClaims: state.dump?.skippedClaims ?? [],
      parts: state.parts,
    };
    await ctx.store.writeSnapshotPart(spec.name, plan.snapshot, SNAPSHOT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
    state.manifest = manifest;
  },
};
