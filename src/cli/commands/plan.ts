// `kindling plan`: what `up` would do, as YAML or JSON; touches nothing.
import type { Command } from 'commander';
import { collect, globals, integer, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

/** Registers `plan`. */
export function registerPlan({ program, io, run }: CommandKit): void {
  program
    .command('plan')
    .description('print the engine config and the ordered actions `up` would run, without running them')
    .option('-p, --preset <preset>', 'built-in preset name or path to a preset file', 'k3d')
    .option('-n, --name <name>', 'cluster name')
    .option('--workers <count>', 'number of worker nodes', integer)
    .option('--k8s-version <version>', 'Kubernetes version')
    .option('--image <image>', 'node image')
    .option('--port <[address:]host:container[/proto]>', 'map a host port (repeatable)', collect, [])
    .option('-o, --output <format>', 'yaml (default) or json')
    .action(
      run(async (flags: { preset: string; name?: string; workers?: number; k8sVersion?: string; image?: string; port: string[]; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output ?? 'yaml', ['yaml', 'json']) as 'yaml' | 'json';
        const { plan } = await import('../../api/plan.js');
        const p = await plan({
          ...commonOptions(io, globals(cmd)),
          preset: flags.preset,
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          ...(flags.k8sVersion !== undefined ? { kubernetesVersion: flags.k8sVersion } : {}),
          ...(flags.image !== undefined ? { image: flags.image } : {}),
          ports: flags.port,
        });
        io.stdout(await serialise(p, format));
      }),
    );
}
