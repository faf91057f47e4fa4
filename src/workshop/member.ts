// A workshop lives in the state store as one record per cluster (`clusters/<cluster>/workshop.json`), through
// the StateStore interface, so it works on a directory and on S3 alike, and goes when its cluster is deleted.

/** The record key. */
export const WORKSHOP_RECORD = 'workshop';

/** The snapshot every workshop cluster is reset to. */
export const START_SNAPSHOT = 'workshop-start';

/** One attendee's cluster, as the store keeps it. */
export interface WorkshopMember {
  workshop: string;
  attendee: string;
  label: string;
  cluster: string;
  /** Position in the workshop (0-based), for a stable order. */
  index: number;
  /** The Docker context the cluster lives on (absent: the one kindling finds by itself). */
  dockerContext?: string;
  /** The kubeconfig context in the attendee's file. */
  context: string;
  /** The snapshot `workshop reset` restores. */
  snapshot: string;
  /** The folder the attendee's kubeconfig and README were written to. */
  outDir: string;
  createdAt: string;
}

/** True when `v` looks like a member record (anything else in the store is ignored). */
export function isMember(v: unknown): v is WorkshopMember {
  const m = v as Partial<WorkshopMember> | undefined;
  return (
    typeof m?.workshop === 'string' && typeof m.cluster === 'string' && typeof m.attendee === 'string' && typeof m.snapshot === 'string'
  );
}

/** Members by workshop name, each list in the workshop's order. */
export function byWorkshop(members: readonly WorkshopMember[]): Map<string, WorkshopMember[]> {
  const out = new Map<string, WorkshopMember[]>();
  for (const m of [...members].sort((a, b) => a.index - b.index)) out.set(m.workshop, [...(out.get(m.workshop) ?? []), m]);
  return out;
}
