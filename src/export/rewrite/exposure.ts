// Load balancers and Ingresses can be public or internal; the target profiles give the annotations for both.
import type { ExposureAnnotations } from '../targets/profile.js';

/** The annotations for the chosen exposure. */
export function exposureAnnotations(table: ExposureAnnotations, internal: boolean | undefined): Record<string, string> {
  return internal === true ? table.internal : table.public;
}

/** Whether the user could have chosen differently: the two exposures do not annotate alike. */
export function exposureIsChoosable(table: ExposureAnnotations): boolean {
  return JSON.stringify(table.public) !== JSON.stringify(table.internal);
}

/** Whether annotations already carry every internal-exposure entry (set by the overlay or by the user). */
export function isMarkedInternal(annotations: Readonly<Record<string, string>> | undefined, table: ExposureAnnotations): boolean {
  return Object.entries(table.internal).every(([key, value]) => annotations?.[key] === value);
}
