// `workshop reset`: one attendee's cluster back to the workshop's starting snapshot. In place when it can be
// (through the cluster's API: same node containers, same certificates, the attendee's kubeconfig untouched);
// otherwise, saying why, the snapshot restore verb re-creates the cluster on the Docker host it lives on and the
// attendee's kubeconfig is written again (same API address, new certificates).
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { ConflictError, InterruptedError, KindlingError, NotFoundError } from '../../errors.js';
import { KUBECONFIG_FILE } from '../../workshop/handouts.js';
import type { WorkshopMember } from '../../workshop/member.js';
import { writeAttendee } from './handout-files.js';
import type { InPlaceChanges, InPlaceResult } from './reset-in-place.js';
import type { WorkshopProgress, WorkshopVerbs } from './verbs.js';

/** What a reset did. */
export interface ResetOutcome {
  attendee: string;
  cluster: string;
  snapshot: string;
  /** True: reset through the cluster's API, kubeconfig unchanged; false: the cluster was re-created. */
  inPlace: boolean;
  /** Why the cluster was re-created rather than reset in place. */
  reason?: string;
  /** What the in-place reset changed. */
  changes?: InPlaceChanges;
  seconds: number;
  kubeconfig: string;
  /** The kubeconfig file was written again (a re-create: hand it out again). */
  kubeconfigRewritten: boolean;
}

/** How to reset. */
export interface ResetChoice {
  /** Re-create the cluster from the snapshot even when an in-place reset would do. */
  recreate?: boolean;
  onProgress?: (p: WorkshopProgress) => void;
}

/** Errors a re-create would meet as well (or must not run past): these end the reset instead of falling back. */
function final(err: unknown): boolean {
  return (
    err instanceof ConflictError ||
    err instanceof NotFoundError ||
    err instanceof InterruptedError ||
    (err instanceof KindlingError && err.code === 'snapshot-corrupt')
  );
}

async function tryInPlace(verbs: WorkshopVerbs, member: WorkshopMember): Promise<InPlaceResult> {
  try {
    return await verbs.resetInPlace(member.cluster, member.dockerContext, member.snapshot);
  } catch (err) {
    if (final(err)) throw err;
    return { done: false, reason: `the in-place reset failed: ${(err as Error).message}` };
  }
}

function changeText(c: InPlaceChanges): string {
  const ns = c.deletedNamespaces.length > 0 ? `namespace(s) ${c.deletedNamespaces.join(', ')} deleted, ` : '';
  return `${ns}${c.deleted} other object(s) deleted, ${c.applied} applied again (${c.recreated} re-made), ${c.unchanged} unchanged`;
}

/** Resets the member's cluster to its starting snapshot, in place unless it cannot be (or `recreate`). */
export async function applyWorkshopReset(
  ctx: Context,
  verbs: WorkshopVerbs,
  member: WorkshopMember,
  choice: ResetChoice = {},
): Promise<ResetOutcome> {
  const t0 = ctx.now().getTime();
  const seconds = () => (ctx.now().getTime() - t0) / 1000;
  const say = (phase: string, message: string) =>
    choice.onProgress?.({ cluster: member.cluster, attendee: member.attendee, phase, message });
  const base = { attendee: member.attendee, cluster: member.cluster, snapshot: member.snapshot };
  let reason = 'asked for (--recreate)';
  if (!choice.recreate) {
    say('resetting', `resetting to ${member.snapshot} in place`);
    const tried = await tryInPlace(verbs, member);
    if (tried.done) {
      const kubeconfig = join(member.outDir, member.label, KUBECONFIG_FILE);
      const took = seconds();
      say('reset', `back to ${member.snapshot} in place in ${took.toFixed(1)} s (${changeText(tried.changes)}); kubeconfig unchanged`);
      return { ...base, inPlace: true, changes: tried.changes, seconds: took, kubeconfig, kubeconfigRewritten: false };
    }
    reason = tried.reason;
    ctx.logger.info(`${member.cluster}: not reset in place: ${reason}`);
  }
  say('resetting', `re-creating from snapshot ${member.snapshot} (${reason})`);
  const made = await verbs.restore(member.cluster, member.dockerContext, member.snapshot);
  const kubeconfig = await writeAttendee(member.outDir, member, made.kubeconfigPath);
  const took = seconds();
  say('reset', `back to ${member.snapshot} in ${took.toFixed(1)} s (re-created); kubeconfig written again: ${kubeconfig}`);
  ctx.logger.debug(`workshop reset of ${member.cluster} took ${took} s`);
  return { ...base, inPlace: false, reason, seconds: took, kubeconfig, kubeconfigRewritten: true };
}
