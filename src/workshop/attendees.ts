// Attendees become clusters: each name a DNS label (Zoë Smith -> zoe-smith), unique within the workshop, short
// enough that `<workshop>-<label>` is a cluster name both engines accept. A count gives 01, 02, ... instead.
import { InvalidInputError } from '../errors.js';

/** k3d refuses cluster names over 32 characters; kind's node names fit at that length too. */
export const MAX_CLUSTER_NAME = 32;

/** One seat of the workshop: who, and the cluster made for them. */
export interface Seat {
  /** As given (or the number, for a count). */
  attendee: string;
  /** The DNS label made from it, unique in the workshop. */
  label: string;
  /** `<workshop>-<label>`. */
  cluster: string;
}

/** A name as a DNS label: accents dropped, lower case, anything else a single '-', at most `max` characters. */
export function dnsLabel(name: string, max: number): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const label = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return label || 'attendee';
}

/** Seats for the attendees, in their order: equal labels get -2, -3, ... (the base shortened to fit). */
export function seatsFor(workshop: string, attendees: readonly string[]): Seat[] {
  const max = MAX_CLUSTER_NAME - workshop.length - 1;
  if (max < 2) throw new InvalidInputError(`workshop name "${workshop}" leaves no room for attendee names`, 'choose a shorter name');
  const taken = new Set<string>();
  return attendees.map((attendee) => {
    const base = dnsLabel(attendee, max);
    let label = base;
    for (let n = 2; taken.has(label); n++) {
      const suffix = `-${n}`;
      label = `${base.slice(0, max - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(label);
    return { attendee, label, cluster: `${workshop}-${label}` };
  });
}

/** Seats 01..N (at least two digits, so they sort). */
export function numberedSeats(workshop: string, count: number): Seat[] {
  const width = Math.max(2, String(count).length);
  return seatsFor(
    workshop,
    Array.from({ length: count }, (_, i) => String(i + 1).padStart(width, '0')),
  );
}
