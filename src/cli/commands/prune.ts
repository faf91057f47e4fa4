// `kindling prune [N...] [--dry-run] [-o json|yaml]`: flags -> PruneOptions -> prune() -> what was (or would
// be) removed, grouped as containers, networks, volumes, store entries, locks, temp files, processes.
import type { Command } from 'commander';
import type { PruneResult } from '../../api/prune.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

const GROUPS: [keyof PruneResult['removed'], string][] = [
  ['processes', 'processes'],
  ['containers', 'containers'],
  ['networks', 'networks'],
  ['volumes', 'volumes'],
  ['kubeconfigEntries', 'kubeconfig contexts'],
  ['storeEntries', 'store entries'],
  ['locks', 'locks'],
  ['tempFiles', 'temp files'],
];

/** The grouped lists people read. */
export function pruneText(r: PruneResult): string {
  const lines: string[] = [];
  for (const [key, title] of GROUPS) {
    const entries = r.removed[key];
    if (entries.length === 0) continue;
    const width = Math.max(...entries.map((e) => e.name.length));
    lines.push(`${title} (${entries.length}):`, ...entries.map((e) => `  ${e.name.padEnd(width)}   ${e.reason}`));
  }
  const head = lines.length === 0 ? ['nothing to prune'] : [r.dryRun ? 'would remove (dry run):' : 'removed:', ...lines];
  return `${[...head, ...r.notes.map((n) => `note: ${n}`)].join('\n')}\n`;
}

/** Registers `prune`. */
export function registerPrune({ program, io, run }: CommandKit): void {
  program
    .command('prune')
    .description(
      'remove what kindling left behind: labelled objects of clusters the state store no longer holds, interrupted creates, unused registries, stale locks and temp files (never a cluster made with kind or k3d directly)',
    )
    .argument('[names...]', 'only the leftovers of these clusters')
    .option('--dry-run', 'list what would be removed and remove nothing')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (names: string[], flags: { dryRun?: boolean; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { prune } = await import('../../api/prune.js');
        const r = await prune({ ...commonOptions(io, globals(cmd)), names, dryRun: Boolean(flags.dryRun) });
        io.stdout(format === 'text' ? pruneText(r) : await serialise(r, format));
      }),
    );
}
