// A workshop from the command line: the file's fields with the flags on top, or the flags alone
// (`--count N --preset P --prefix ws`), checked by the same schema; an error names the flag.
import { InvalidInputError } from '../errors.js';
import { numberedSeats, seatsFor, type Seat } from './attendees.js';
import { WORKSHOP_API_VERSION, WorkshopFileSchema, type WorkshopFile } from './schema.js';

/** What flags may set (each wins over the file's field). */
export interface WorkshopFlags {
  /** --prefix: the workshop's name and its clusters' prefix. */
  name?: string;
  count?: number;
  attendees?: readonly string[];
  preset?: string;
  set?: readonly string[];
  image?: string;
  workers?: number;
  manifests?: readonly string[];
  images?: readonly string[];
  fromSnapshot?: string;
  dockerContexts?: readonly string[];
}

/** The prefix when neither a file nor --prefix names the workshop. */
export const DEFAULT_WORKSHOP_NAME = 'ws';

const FLAG: Record<string, string> = {
  name: '--prefix',
  count: '--count',
  attendees: '--attendee',
  preset: '--preset',
  set: '--set',
  image: '--image',
  workers: '--workers',
  manifests: '--manifest',
  images: '--image-preload',
  fromSnapshot: '--from-snapshot',
  dockerContexts: '--docker-contexts',
};

/** The flags given (a list only when it is not empty); other options (state, env, ...) are not the workshop's. */
function defined(flags: WorkshopFlags): Partial<Record<keyof WorkshopFlags, unknown>> {
  const out: Partial<Record<keyof WorkshopFlags, unknown>> = {};
  for (const k of Object.keys(FLAG) as (keyof WorkshopFlags)[]) {
    const v = flags[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  }
  return out;
}

/** The workshop the flags describe, on top of `file` (already checked) when there is one. */
export function workshopDefinition(file: WorkshopFile | undefined, flags: WorkshopFlags): WorkshopFile {
  const given = defined(flags);
  // A count on the command line replaces the file's attendees, and a list replaces its count.
  const base: Record<string, unknown> = file ? { ...file } : { apiVersion: WORKSHOP_API_VERSION, kind: 'Workshop' };
  if (given.count !== undefined) delete base.attendees;
  if (given.attendees !== undefined) delete base.count;
  if (given.fromSnapshot !== undefined) delete base.preset;
  if (base.name === undefined && given.name === undefined) base.name = DEFAULT_WORKSHOP_NAME;
  const result = WorkshopFileSchema.safeParse({ ...base, ...given });
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    const where = FLAG[key] && (file === undefined || key in given) ? FLAG[key] : key ? `workshop field ${i.path.join('.')}` : 'workshop';
    return `${where}: ${i.message}`;
  });
  throw new InvalidInputError(
    `invalid workshop:\n  ${lines.join('\n  ')}`,
    'give a workshop FILE, or --count N (or --attendee NAME...) with --prefix NAME and --preset P',
  );
}

/** The seats of a checked workshop, in order. */
export function workshopSeats(w: WorkshopFile): Seat[] {
  return w.attendees ? seatsFor(w.name, w.attendees) : numberedSeats(w.name, w.count ?? 0);
}
