// Secrets stay out of a bundle unless the user asks for them (issue 5): their data would sit in plain files.
import type { SkippedObject } from '../clean/skip.js';
import type { SourcedObject } from '../kube-object.js';
import { isSecret } from './base-files.js';

/** The reason written in the report for a Secret left out. */
export const SECRET_LEFT_OUT = 'Secret: left out of the bundle (add --include-secrets to export it; it is then written 0600)';

/** Splits off the Secrets unless `include`; keeps the order of the rest. */
export function partitionSecrets(objects: readonly SourcedObject[], include: boolean): { kept: SourcedObject[]; skipped: SkippedObject[] } {
  if (include) return { kept: [...objects], skipped: [] };
  return {
    kept: objects.filter((s) => !isSecret(s.object)),
    skipped: objects.filter((s) => isSecret(s.object)).map((s) => ({ ...s, reason: SECRET_LEFT_OUT })),
  };
}
