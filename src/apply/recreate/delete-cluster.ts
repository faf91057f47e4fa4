// Deletes the old node containers with the engine; the state store keeps the cluster. Undone by making the old
// cluster again from the snapshot, with up's steps for its own spec: a recreate that fails after this step
// ends with the old version running and the snapshot's objects and data in it.
import { randomUUID } from 'node:crypto';
import { openJournal } from '../journal.js';
import type { Action } from '../action.js';
import { runActions } from '../run-actions.js';
import { UP_STEPS } from '../up/steps.js';
import type { UpState } from '../up/up-state.js';
import type { RecreateState } from './recreate-state.js';

/** The delete-cluster step. */
export const deleteCluster: Action<RecreateState> = {
  id: 'delete-cluster',
  async run(ctx, state) {
    const { spec } = state.stored;
    const engine = await ctx.engine(spec.engine);
    // Continuing an interrupted recreate, Docker may hold nothing of the cluster (or only the half-made new one).
    const held = await (await ctx.docker()).listContainers(engine.naming.containerLabels(spec.name));
    if (held.length > 0) await engine.delete(spec.name);
  },
  async rollback(ctx, state) {
    const plan = state.recreate.rollback;
    const old: UpState = {
      plan,
      operationId: state.operationId,
      previous: state.stored,
      timeoutMs: state.timeoutMs,
      journal: openJournal(ctx, 'up', randomUUID(), plan.spec),
      ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    };
    const ids = [
      ...plan.actions.map((a) => a.id).filter((id) => id !== 'preflight' && id !== 'record-intent'),
      'restore-snapshot' as const,
    ];
    const titles = new Map(plan.actions.map((a) => [a.id as string, a.title]));
    const version = plan.spec.kubernetesVersion;
    ctx.logger.warn(`bringing "${plan.spec.name}" back at ${version} from snapshot ${state.recreate.name}/${state.recreate.snapshot.id}`);
    try {
      // retain: what comes back stays, even half-made; the snapshot still holds everything.
      // After a Ctrl-C the old cluster still has to come back: its steps run without the aborted signal.
      await runActions(
        { ...ctx, signal: undefined },
        ids.map((id) => ({
          title: `rollback: ${titles.get(id) ?? `restore snapshot ${state.recreate.snapshot.id}`}`,
          action: UP_STEPS[id],
        })),
        old,
        { retain: true },
      );
      state.rolledBackTo = version;
      state.status = old.status;
    } catch (err) {
      state.rollbackFailed = (err as Error).message;
      throw err;
    }
  },
};
