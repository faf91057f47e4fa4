// `--to eks,gke --to aks`: the targets a promotion writes, checked against the known names, in the order given.
import { InvalidInputError } from '../../errors.js';
import { TARGET_NAMES, type TargetName } from '../targets/index.js';

/** The targets named in `values` (each may be a comma-separated list), duplicates dropped; throws InvalidInputError. */
export function parseTargets(values: readonly string[]): TargetName[] {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  if (names.length === 0) throw new InvalidInputError('name at least one target with --to', `targets: ${TARGET_NAMES.join(', ')}`);
  const unknown = names.filter((n) => !(TARGET_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown target${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}`,
      `targets: ${TARGET_NAMES.join(', ')}`,
    );
  }
  return [...new Set(names as TargetName[])];
}

/** `--set key=value` pairs as a map; throws InvalidInputError for an entry without `=` or a key given twice. */
export function parseSettings(entries: readonly string[]): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq <= 0)
      throw new InvalidInputError(
        `--set ${entry}: expected KEY=VALUE`,
        'for example: --set region=eu-west-1 or --set eks.region=eu-west-1',
      );
    const key = entry.slice(0, eq).trim();
    if (key in settings) throw new InvalidInputError(`--set ${key} is given twice`, 'give each key once');
    settings[key] = entry.slice(eq + 1);
  }
  return settings;
}
