// `snapshot create`'s one table from step id (src/plan/snapshot-plan.ts) to the code that runs and undoes it.
import type { SnapshotActionId } from '../../plan/snapshot-plan.js';
import type { Action } from '../action.js';
import { copyVolumes } from './copy-volumes.js';
import { readObjects } from './read-objects.js';
import type { SnapshotState } from './snapshot-state.js';
import { startCluster } from './start-cluster.js';
import { stopCluster } from './stop-cluster.js';
import { writeManifest } from './write-manifest.js';

/** Every step of `snapshot create`, by id. */
export const SNAPSHOT_STEPS: Readonly<Record<SnapshotActionId, Action<SnapshotState>>> = {
  'read-objects': readObjects,
  'stop-cluster': stopCluster,
  'copy-volumes': copyVolumes,
  'start-cluster': startCluster,
  'write-manifest': writeManifest,
};
