// Adds the cluster's cluster, user and context entries to the user's kubeconfig (kubectl's file rules,
// under its lock, with a backup) and records exactly what was added, so that `down` removes only that.
import { readFile } from 'node:fs/promises';
import {
  MERGE_RECORD,
  mergeIntoUserKubeconfig,
  removeFromUserKubeconfig,
  userKubeconfigPath,
  type MergeRecord,
} from '../../kubeconfig/user-kubeconfig.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The merge-kubeconfig action. */
export const mergeKubeconfigAction: Action<UpState> = {
  id: 'merge-kubeconfig',
  async run(ctx, state) {
    const { spec, kubeconfig } = state.plan;
    const file = userKubeconfigPath(ctx.env);
    const content = await readFile(state.kubeconfigPath!, 'utf8');
    // Entries this cluster merged before (a recreate: upgrade, snapshot restore) are updated in place, quietly.
    const before = await ctx.store.readRecord<MergeRecord>(spec.name, MERGE_RECORD);
    const ours = (entry: string) => {
      const [kind, name] = [entry.slice(0, entry.indexOf('/')), entry.slice(entry.indexOf('/') + 1)];
      return before?.file === file && (before.names as Record<string, string[]>)[kind]?.includes(name) === true;
    };
    const merged = await mergeIntoUserKubeconfig(file, content, { switchContext: kubeconfig.switchContext });
    const record: MergeRecord = {
      file: merged.file,
      names: merged.names,
      ...(merged.previousContext ? { previousContext: merged.previousContext } : {}),
    };
    await ctx.store.writeRecord(spec.name, MERGE_RECORD, record);
    state.mergedInto = file;
    for (const r of merged.replaced.filter(ours)) ctx.logger.debug(`updated ${r} in ${file}`);
    for (const r of merged.replaced.filter((r) => !ours(r)))
      ctx.logger.warn(`replaced ${r} in ${file} (the previous content is in ${file}.kindling-backup)`);
  },
  async rollback(ctx, state) {
    const record = await ctx.store.readRecord<MergeRecord>(state.plan.spec.name, MERGE_RECORD);
    if (record) await removeFromUserKubeconfig(record);
  },
};
