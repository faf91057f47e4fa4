// Formats results for the terminal: `-o json|yaml` for machines, aligned tables for people.
import { InvalidInputError } from '../errors.js';

/** Output formats accepted by -o. */
export type OutputFormat = 'text' | 'json' | 'yaml';

/** Validates an -o value. */
export function outputFormat(value: string | undefined, allowed: readonly OutputFormat[] = ['text', 'json', 'yaml']): OutputFormat {
  const v = (value ?? 'text') as OutputFormat;
  if (!allowed.includes(v)) throw new InvalidInputError(`-o ${value}: expected one of ${allowed.join(', ')}`);
  return v;
}

/** Several results in one shape, kubectl's: `{apiVersion, kind: List, items}`, so `jq .items[]` reads any of them. */
export interface ListOutput {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'List';
  items: unknown[];
}

/** Serialises data as JSON or YAML (yaml is loaded only when asked for); a list of results becomes a List. */
export async function serialise(data: unknown, format: 'json' | 'yaml'): Promise<string> {
  const shaped: unknown = Array.isArray(data)
    ? ({ apiVersion: 'kindling.dev/v1alpha1', kind: 'List', items: data } satisfies ListOutput)
    : data;
  if (format === 'json') return `${JSON.stringify(shaped, null, 2)}\n`;
  const { stringify } = await import('yaml');
  return stringify(shaped);
}

/** A --dry-run's plans: YAML, or JSON with -o json. */
export function planText(plans: unknown, format: OutputFormat): Promise<string> {
  return serialise(plans, format === 'json' ? 'json' : 'yaml');
}

/** Left-aligned columns separated by three spaces, like kubectl. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('   ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
