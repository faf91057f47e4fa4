// Finding a workshop's clusters in the state store: every cluster's `workshop` record, grouped by workshop.
import type { Context } from '../../context.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import { byWorkshop, isMember, WORKSHOP_RECORD, type WorkshopMember } from '../../workshop/member.js';

/** Every workshop member the store holds, by workshop. */
export async function allMembers(ctx: Pick<Context, 'store'>): Promise<Map<string, WorkshopMember[]>> {
  const names = await ctx.store.list();
  const read = await Promise.all(names.map((n) => ctx.store.readRecord<unknown>(n, WORKSHOP_RECORD).catch(() => undefined)));
  return byWorkshop(read.filter(isMember));
}

/** The members of `workshop`, or of the only workshop there is when none is named. */
export async function workshopMembers(
  ctx: Pick<Context, 'store'>,
  workshop: string | undefined,
): Promise<{ workshop: string; members: WorkshopMember[] }> {
  const all = await allMembers(ctx);
  if (workshop !== undefined) {
    const members = all.get(workshop);
    if (!members) {
      const known = [...all.keys()];
      throw new NotFoundError(
        'workshop',
        `no workshop named "${workshop}" in the state store (${ctx.store.location})`,
        known.length > 0 ? `the store has: ${known.join(', ')}` : 'make one with `kindling workshop up FILE`',
      );
    }
    return { workshop, members };
  }
  if (all.size === 1) {
    const [[name, members]] = [...all] as [[string, WorkshopMember[]]];
    return { workshop: name, members };
  }
  if (all.size === 0)
    throw new NotFoundError(
      'workshop',
      `no workshop in the state store (${ctx.store.location})`,
      'make one with `kindling workshop up FILE`',
    );
  throw new InvalidInputError(
    `the state store holds ${all.size} workshops: ${[...all.keys()].join(', ')}`,
    'name one with --workshop NAME',
  );
}

/** The member an attendee's name, label or cluster name refers to. */
export function findMember(workshop: string, members: readonly WorkshopMember[], who: string): WorkshopMember {
  const found = members.find((m) => m.label === who || m.cluster === who) ?? members.find((m) => m.attendee === who);
  if (!found) {
    throw new NotFoundError(
      'attendee',
      `workshop "${workshop}" has no attendee or cluster "${who}"`,
      `its attendees: ${members.map((m) => m.label).join(', ')}`,
    );
  }
  return found;
}
