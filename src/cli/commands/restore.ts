// `kindling restore --bundle DIR --context C`: applies a bundle's objects, in restore order, to any cluster.
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

/** Registers `restore`. */
export function registerRestore({ program, io, run }: CommandKit): void {
  program
    .command('restore')
    .description("apply a promote bundle's objects to a cluster in Velero's restore order (server-side apply; safe to repeat)")
    .requiredOption('--bundle <dir>', 'the folder `kindling promote` wrote')
    .requiredOption('--context <context>', 'kubeconfig context of the cluster to restore into')
    .option('--target <target>', "apply that target's overlay too (as kubectl apply -k overlays/TARGET would)")
    .option('--dry-run', 'let the cluster check every object (server-side dry run) and store nothing; lists every refusal')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { bundle: string; context: string; target?: string; dryRun?: boolean; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        if (flags.context.trim() === '') throw new InvalidInputError('--context is empty', 'see `kubectl config get-contexts`');
        const { restore } = await import('../../api/restore.js');
        // The global --kubeconfig names the one file to read the context from (else KUBECONFIG, ~/.kube/config, then
        // kindling's clusters).
        const { kubeconfig } = globals(cmd);
        const result = await restore({
          ...commonOptions(io, globals(cmd)),
          bundle: flags.bundle,
          context: flags.context,
          ...(kubeconfig === undefined ? {} : { kubeconfig }),
          ...(flags.target === undefined ? {} : { target: flags.target }),
          dryRun: flags.dryRun === true,
        });
        if (format !== 'text') return io.stdout(await serialise(result, format));
        const from = result.source === 'state' ? 'the state dump' : 'base/';
        if (result.dryRun)
          io.stdout(`dry run: context ${result.context} accepts all ${result.applied} objects from ${from} (nothing stored)\n`);
        else io.stdout(`applied ${result.applied} objects from ${from} to context ${result.context}\n`);
        for (const r of result.resources) io.stdout(`  ${r.resource}: ${r.count}\n`);
        if (result.unchecked.length > 0)
          io.stdout(`not checked (their CRDs are in the bundle, not yet on the cluster): ${result.unchecked.join(', ')}\n`);
        if (result.volumeScript && !result.dryRun)
          io.stdout(
            `volume data: with kubectl's current context set to ${result.context}, run sh ${result.volumeScript} to copy it into the claims\n`,
          );
      }),
    );
}
