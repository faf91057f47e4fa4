// Pure: what `prune` does with each cluster the state store holds (or holds a lock of), from its lock and the
// journal record of the operation last running on it. A live lock or a live operation is never touched; an
// interrupted first `up` is rolled back, an interrupted `down` finished, any other interrupted operation only
// loses its stale lock and record (with a note naming the next step).
import type { EngineName } from '../presets/schema.js';
import type { PrunePlan, StoreClusterFact } from './prune-facts.js';

/** A cluster whose Docker objects go: removed (an interrupted first `up`) or deleted for good (an interrupted `down`). */
export interface ClusterRemoval {
  name: string;
  engine: EngineName;
  reason: string;
}

/** The decisions for the store's clusters: plan entries (store, locks, processes, kubeconfig, notes) and removals. */
export interface ClusterDecisions {
  removals: ClusterRemoval[];
  plan: Pick<PrunePlan, 'storeEntries' | 'locks' | 'processes' | 'kubeconfigEntries' | 'notes'>;
}

/** The engine binary's name, whatever its path or version suffix (kind, kind-v0.32.0, k3d). */
function isEngineCommand(argv: readonly string[], cluster: string): boolean {
  const binary = argv[0]?.split('/').at(-1) ?? '';
  if (!/^(kind|k3d)(-v?\d[\w.-]*)?$/.test(binary)) return false;
  // kind names the cluster on its command line: a reused pid running kind for another cluster is not ours.
  const at = argv.indexOf('--name');
  return at < 0 || argv[at + 1] === cluster;
}

function lockText(l: NonNullable<StoreClusterFact['lock']>): string {
  return `held by "${l.op}", pid ${l.pid} on ${l.host}, which is gone`;
}

/** Decides for every store cluster; `c.held` false means only a lock (or snapshots) is left of it. */
export function decideClusters(clusters: readonly StoreClusterFact[]): ClusterDecisions {
  const d: ClusterDecisions = { removals: [], plan: { storeEntries: [], locks: [], processes: [], kubeconfigEntries: [], notes: [] } };
  for (const c of clusters) decideOne(c, d);
  return d;
}

function decideOne(c: StoreClusterFact, d: ClusterDecisions): void {
  const { plan } = d;
  const name = c.name;
  // Someone is working on it (or another machine's operation has not expired): not prune's.
  if (c.lock?.live) return;
  const staleLock = () => c.lock && plan.locks.push({ name, cluster: name, reason: `lock ${lockText(c.lock)}` });
  const op = c.operation;
  if (op && !op.orphaned) return;
  if (op && c.held) {
    const where = `"${op.op}" (operation ${op.operationId}) interrupted after ${op.completed} of ${op.intended} steps`;
    const firstUp = op.op === 'up' && op.completed < op.intended && !op.retain && !c.existedBefore;
    if ((firstUp || op.op === 'down') && c.engine) {
      const reason = firstUp ? `cluster ${name}: ${where}, rolled back` : `cluster ${name}: ${where}, finished`;
      d.removals.push({ name, engine: c.engine, reason });
      if (firstUp && op.engine?.command) {
        if (isEngineCommand(op.engine.command, name))
          plan.processes.push({ name: op.engine.command.join(' '), pid: op.engine.pid, cluster: name, reason });
        else
          plan.notes.push(
            `cluster ${name}: pid ${op.engine.pid} is no longer its engine (${op.engine.command[0] ?? 'unknown'}): left alone`,
          );
      }
      if (c.merged) plan.kubeconfigEntries.push({ name: c.merged.context, file: c.merged.file, cluster: name, reason });
      plan.storeEntries.push({
        name: `clusters/${name}`,
        cluster: name,
        action: firstUp ? 'remove-cluster' : 'retire-cluster',
        reason: firstUp ? reason : `${reason} (its history is kept under deleted/${name}/)`,
      });
      staleLock();
      return;
    }
    if (op.op === 'upgrade' && op.completed < op.intended) {
      // Its journal is what `upgrade --resume` and `--rollback` continue from: kept; only the dead lock goes.
      staleLock();
      plan.notes.push(
        `cluster ${name}: ${where}: kept for \`kindling upgrade ${name} --resume\` or \`kindling upgrade ${name} --rollback\``,
      );
      return;
    }
    plan.storeEntries.push({
      name: `clusters/${name}/operation`,
      cluster: name,
      action: 'clear-operation',
      reason: `cluster ${name}: ${where}`,
    });
    staleLock();
    plan.notes.push(`cluster ${name}: an interrupted "${op.op}" may have left it part-done: run \`kindling status ${name}\``);
    return;
  }
  if (!c.lock) return;
  // Without a journal record, a dead up's or down's lock is the only sign of the interruption, and `up` and
  // `status` read it ("half-done: run kindling down"): it stays while the store holds the cluster.
  if (c.held && (c.lock.op === 'up' || c.lock.op === 'down')) {
    plan.notes.push(`cluster ${name}: an interrupted "${c.lock.op}" left it half-done: run \`kindling down ${name}\``);
    return;
  }
  staleLock();
}
