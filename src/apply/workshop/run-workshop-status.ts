// `workshop status`: each member as `status` sees it now (phase, whether its API server answers) and its age.
import type { Context } from '../../context.js';
import type { WorkshopMember } from '../../workshop/member.js';
import { runPool } from '../../workshop/pool.js';
import type { WorkshopVerbs } from './verbs.js';

/** One row of `workshop status`. */
export interface MemberRow {
  attendee: string;
  label: string;
  cluster: string;
  dockerContext?: string;
  context: string;
  phase: string;
  apiReachable: boolean;
  detail: string;
  createdAt: string;
  ageSeconds: number;
}

/** Looks at every member, a few at a time. */
export async function applyWorkshopStatus(ctx: Context, verbs: WorkshopVerbs, members: readonly WorkshopMember[]): Promise<MemberRow[]> {
  const now = ctx.now().getTime();
  const results = await runPool(members, (m) => verbs.status(m.cluster, m.dockerContext), { limit: 4, retries: 0 });
  return results.map((r) => {
    const m = r.item;
    const health = r.ok ? r.value : { phase: 'unknown', apiReachable: false, detail: (r.error as Error).message.split('\n')[0] ?? '' };
    return {
      attendee: m.attendee,
      label: m.label,
      cluster: m.cluster,
      ...(m.dockerContext ? { dockerContext: m.dockerContext } : {}),
      context: m.context,
      ...health,
      createdAt: m.createdAt,
      ageSeconds: Math.max(0, Math.round((now - Date.parse(m.createdAt)) / 1000)),
    };
  });
}
