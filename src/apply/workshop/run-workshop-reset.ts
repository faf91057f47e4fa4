// `workshop reset`: one attendee's cluster back to the workshop's starting snapshot (the snapshot restore verb, on
// the Docker host it lives on), then the attendee's kubeconfig written again: the restored cluster has the same
// API address but new certificates.
import type { Context } from '../../context.js';
import type { WorkshopMember } from '../../workshop/member.js';
import { writeAttendee } from './handout-files.js';
import type { WorkshopProgress, WorkshopVerbs } from './verbs.js';

/** What a reset did. */
export interface ResetOutcome {
  attendee: string;
  cluster: string;
  snapshot: string;
  seconds: number;
  kubeconfig: string;
}

/** Restores the member's starting snapshot. */
export async function applyWorkshopReset(
  ctx: Context,
  verbs: WorkshopVerbs,
  member: WorkshopMember,
  onProgress?: (p: WorkshopProgress) => void,
): Promise<ResetOutcome> {
  const t0 = Date.now();
  const say = (phase: string, message: string) => onProgress?.({ cluster: member.cluster, attendee: member.attendee, phase, message });
  say('resetting', `restoring snapshot ${member.snapshot}`);
  const made = await verbs.restore(member.cluster, member.dockerContext, member.snapshot);
  const kubeconfig = await writeAttendee(member.outDir, member, made.kubeconfigPath);
  const seconds = (Date.now() - t0) / 1000;
  say('reset', `back to ${member.snapshot} in ${seconds.toFixed(1)} s; kubeconfig written again: ${kubeconfig}`);
  ctx.logger.debug(`workshop reset of ${member.cluster} took ${seconds} s`);
  return { attendee: member.attendee, cluster: member.cluster, snapshot: member.snapshot, seconds, kubeconfig };
}
