// Reads every listable object through the API and stores the user's, cleaned and in restore order, as the
// snapshot's objects.json. Undone by removing the snapshot: a failed snapshot leaves no part behind.
import { readClusterObjects } from '../../export/source/read-cluster.js';
import { snapshotDump } from '../../export/dump/snapshot-dump.js';
import { readFile } from 'node:fs/promises';
import { SNAPSHOT_OBJECTS } from '../../model/snapshot.js';
import type { Action } from '../action.js';
import type { SnapshotState } from './snapshot-state.js';

/** The read-objects step. */
export const readObjects: Action<SnapshotState> = {
  id: 'read-objects',
  async run(ctx, state) {
    const { name } = state.spec;
    const api = await ctx.kubeApi(await readFile(state.kubeconfigPath, 'utf8'));
    const read = await readClusterObjects(api, name);
    for (const s of read.skippedResources) ctx.logger.debug(`not in the snapshot: ${s.resource} (${s.reason})`);
    state.dump = snapshotDump(read.objects);
    const text = `${JSON.stringify(state.dump.objects, null, 2)}\n`;
    state.parts.push(await ctx.store.writeSnapshotPart(name, state.plan.snapshot, SNAPSHOT_OBJECTS, text));
  },
  rollback: (ctx, state) => ctx.store.removeSnapshot(state.spec.name, state.plan.snapshot),
};
