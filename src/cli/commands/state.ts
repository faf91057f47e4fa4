// `kindling state show N`, `kindling state migrate --from A --to B` and `kindling unlock N [--force]`.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

/** Registers `state` and `unlock`. */
export function registerState({ program, io, run }: CommandKit): void {
  const state = program.command('state').description('the state store itself: what it holds, and moving it');

  state
    .command('show')
    .description('what the store holds for a cluster: spec and generation, status, lock, history, snapshots')
    .argument('<name>', 'the cluster')
    .option('-o, --output <format>', 'yaml or json', 'yaml')
    .action(
      run(async (name: string, flags: { output: string }, cmd: Command) => {
        const format = outputFormat(flags.output, ['json', 'yaml']) as 'json' | 'yaml';
        const { showState } = await import('../../api/state.js');
        io.stdout(await serialise(await showState({ ...commonOptions(io, globals(cmd)), name }), format));
      }),
    );

  state
    .command('migrate')
    .description('copy every cluster of one store into another (directory or s3://), each file checked by sha256')
    .requiredOption('--from <store>', 'the store to copy from: a directory or s3://bucket/prefix')
    .requiredOption('--to <store>', 'the store to copy into (must not know any of the clusters)')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { from: string; to: string; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { migrateState } = await import('../../api/state.js');
        const r = await migrateState({ ...commonOptions(io, globals(cmd)), from: flags.from, to: flags.to });
        if (format !== 'text') return io.stdout(await serialise(r, format));
        io.stdout(
          `migrated: ${r.clusters.length} cluster${r.clusters.length === 1 ? '' : 's'} (${r.clusters.join(', ') || 'none'}), ${r.files} files, from ${r.from} to ${r.to}; each checked by sha256\n`,
        );
      }),
    );

  program
    .command('unlock')
    .description("remove a cluster's lock left by a crashed or unreachable kindling")
    .argument('<name>', 'the cluster')
    .option('--force', 'also a lock whose holder may still be working (another machine, not expired)')
    .action(
      run(async (name: string, flags: { force?: boolean }, cmd: Command) => {
        const { unlock } = await import('../../api/state.js');
        const r = await unlock({ ...commonOptions(io, globals(cmd)), name, force: Boolean(flags.force) });
        io.stdout(
          r.removed
            ? `unlocked: cluster "${name}" (the lock of "${r.removed.op}" by ${r.removed.owner}, pid ${r.removed.pid} on ${r.removed.host}, since ${r.removed.started})\n`
            : `unchanged: cluster "${name}" is not locked\n`,
        );
      }),
    );
}
