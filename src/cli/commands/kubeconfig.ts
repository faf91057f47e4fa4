// `kindling kubeconfig N [--path]`: the kubeconfig kindling stored for a cluster.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';

/** Registers `kubeconfig`. */
export function registerKubeconfig({ program, io, run }: CommandKit): void {
  program
    .command('kubeconfig')
    .description("print a cluster's kubeconfig (or, with --path, where it is stored)")
    .argument('<name>', 'cluster name')
    .option('--path', 'print the path of the stored file instead of its content')
    .action(
      run(async (name: string, flags: { path?: boolean }, cmd: Command) => {
        const { kubeconfig } = await import('../../api/kubeconfig.js');
        const k = await kubeconfig({ ...commonOptions(io, globals(cmd)), name });
        io.stdout(flags.path ? `${k.path}\n` : k.content);
      }),
    );
}
