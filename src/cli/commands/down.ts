// `kindling down N... | --all`: asks first on a terminal, needs --yes otherwise; --dry-run prints each
// cluster's steps (YAML, or -o json) and changes nothing.
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise } from '../output.js';

/** Registers `down`. */
export function registerDown({ program, io, run }: CommandKit): void {
  program
    .command('down')
    .description('delete clusters kindling created, and everything labelled for them')
    .argument('[names...]', 'clusters to delete')
    .option('--all', 'delete every cluster in the state store')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--forget', 'drop it from the state store only (a cluster made on another machine): its containers stay')
    .option('--backup', 'take a snapshot first and keep it (`kindling up --from-snapshot NAME/SNAPSHOT` brings the cluster back)')
    .option('--dry-run', "print each cluster's steps and do nothing")
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(
        async (
          names: string[],
          flags: { all?: boolean; yes?: boolean; backup?: boolean; forget?: boolean; dryRun?: boolean; output?: string },
          cmd: Command,
        ) => {
          const format = outputFormat(flags.output);
          if (names.length === 0 && !flags.all)
            throw new InvalidInputError('name at least one cluster to delete, or pass --all', 'see `kindling list`');
          if (names.length > 0 && flags.all) throw new InvalidInputError('pass cluster names or --all, not both');
          const { down } = await import('../../api/down.js');
          const options = {
            ...commonOptions(io, globals(cmd)),
            names,
            all: Boolean(flags.all),
            backup: Boolean(flags.backup),
            forget: Boolean(flags.forget),
          };
          if (flags.dryRun) {
            const results = await down({ ...options, dryRun: true });
            for (const r of results.filter((r) => r.absent)) io.stderr(`cluster "${r.name}" does not exist: nothing to delete\n`);
            return io.stdout(
              await planText(
                results.flatMap((r) => (r.plan ? [r.plan] : [])),
                format,
              ),
            );
          }
          const what = flags.all ? 'every cluster in the state store' : names.map((n) => `"${n}"`).join(', ');
          if (!flags.yes) {
            if (!io.stdinIsTTY) throw new InvalidInputError(`refusing to delete ${what} without confirmation`, 'pass --yes');
            if (!(await io.confirm(`Delete ${what}?`))) return io.stderr('nothing deleted\n');
          }
          const results = await down(options);
          if (format !== 'text') return io.stdout(await serialise(results, format));
          if (results.length === 0) return io.stdout('no clusters to delete\n');
          for (const r of results) {
            if (r.absent) {
              io.stderr(`cluster "${r.name}" does not exist: nothing to delete\n`);
              continue;
            }
            io.stdout(`${flags.forget ? 'forgotten' : 'deleted'}: cluster "${r.name}" (${r.engine})\n`);
            if (r.backup) io.stdout(`  backup:    ${r.backup} (bring it back: kindling up --from-snapshot ${r.backup})\n`);
            if (r.keptSnapshots.length > 0)
              io.stdout(`  snapshots kept: ${r.keptSnapshots.join(', ')} (kindling snapshot delete removes one)\n`);
          }
        },
      ),
    );
}
