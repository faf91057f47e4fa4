// `workshop down`: every member's cluster deleted on its own Docker host (the down verb: only what kindling made),
// its starting snapshot removed, and the attendees' folders and the index taken out of the out folder. Nothing else.
import type { Context } from '../../context.js';
import type { WorkshopMember } from '../../workshop/member.js';
import { runPool } from '../../workshop/pool.js';
import { removeHandouts } from './handout-files.js';
import type { WorkshopProgress, WorkshopVerbs } from './verbs.js';

/** What was removed. */
export interface WorkshopDownResult {
  workshop: string;
  removed: string[];
  failed: { cluster: string; message: string }[];
}

/** Deletes the workshop's clusters, a few at a time; the out folders go once every cluster is gone. */
export async function applyWorkshopDown(
  ctx: Context,
  verbs: WorkshopVerbs,
  workshop: string,
  members: readonly WorkshopMember[],
  opts: { parallel: number; onProgress?: (p: WorkshopProgress) => void },
): Promise<WorkshopDownResult> {
  const say = (m: WorkshopMember, phase: string, message: string) =>
    opts.onProgress?.({ cluster: m.cluster, attendee: m.attendee, phase, message });
  const results = await runPool(
    members,
    async (m) => {
      say(m, 'deleting', `deleting on Docker ${m.dockerContext ?? 'default'}`);
      await verbs.down(m.cluster, m.dockerContext);
      await verbs.deleteSnapshot(m.cluster, m.snapshot).catch((err: Error) => ctx.logger.debug(`${m.cluster}: ${err.message}`));
      say(m, 'deleted', 'deleted');
    },
    { limit: opts.parallel, retries: 1 },
  );
  const failed = results
    .filter((r) => !r.ok)
    .map((r) => ({ cluster: r.item.cluster, message: ((r as { error: Error }).error?.message ?? '').split('\n')[0] ?? '' }));
  if (failed.length === 0) {
    for (const dir of new Set(members.map((m) => m.outDir))) {
      await removeHandouts(
        dir,
        members.filter((m) => m.outDir === dir).map((m) => m.label),
      );
    }
  }
  return { workshop, removed: results.filter((r) => r.ok).map((r) => r.item.cluster), failed };
}
