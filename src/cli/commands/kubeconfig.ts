// `kindling kubeconfig N [--path] [-o yaml|json]`: the kubeconfig kindling stored for a cluster, as YAML (as
// stored) or as JSON (as `kubectl config view -o json`), or where it is stored.
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';

/** Registers `kubeconfig`. */
export function registerKubeconfig({ program, io, run }: CommandKit): void {
  program
    .command('kubeconfig')
    .description("print a cluster's kubeconfig (or, with --path, where it is stored)")
    .argument('<name>', 'cluster name')
    .option('--path', 'print the path of the stored file instead of its content')
    .option('-o, --output <format>', 'yaml (as stored, the default) or json')
    .action(
      run(async (name: string, flags: { path?: boolean; output?: string }, cmd: Command) => {
        const format = flags.output ?? 'yaml';
        if (format !== 'yaml' && format !== 'json') {
          throw new InvalidInputError(`-o ${format}: kubeconfig prints yaml or json`, 'for example -o json');
        }
        const { kubeconfig } = await import('../../api/kubeconfig.js');
        const k = await kubeconfig({ ...commonOptions(io, globals(cmd)), name });
        if (flags.path) return io.stdout(`${k.path}\n`);
        if (format === 'yaml') return io.stdout(k.content);
        const { parse } = await import('yaml');
        io.stdout(`${JSON.stringify(parse(k.content), null, 2)}\n`);
      }),
    );
}
