// `kindling plan`: what `up` would do, as YAML or JSON; touches nothing.
import type { Command } from 'commander';
import { addClusterFlags, planOptionsFrom, type ClusterFlags } from '../cluster-flags.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

/** Registers `plan`. */
export function registerPlan({ program, io, run }: CommandKit): void {
  addClusterFlags(
    program.command('plan').description('print the engine config and the ordered actions `up` would run, without running them'),
  )
    .option('-o, --output <format>', 'yaml (default) or json')
    .action(
      run(async (flags: ClusterFlags & { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output ?? 'yaml', ['yaml', 'json']) as 'yaml' | 'json';
        const { plan } = await import('../../api/plan.js');
        io.stdout(await serialise(await plan({ ...commonOptions(io, globals(cmd)), ...planOptionsFrom(flags) }), format));
      }),
    );
}
