// `kindling promote (N | --from PATH...) --to T[,T...]`: writes a bundle for production distributions.
import type { Command } from 'commander';
import { collect, globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

interface PromoteFlags {
  from: string[];
  to: string[];
  out?: string;
  imageRegistry?: string;
  set: string[];
  storageClass?: string;
  openshiftRoutes?: boolean;
  internalLoadBalancers?: boolean;
  withState?: boolean;
  includeSecrets?: boolean;
  preset?: string;
  output?: string;
}

/** Registers `promote`. */
export function registerPromote({ program, io, run }: CommandKit): void {
  program
    .command('promote')
    .description('export clean manifests, a kustomize overlay and a cluster definition per production target, and a readiness report')
    .argument('[name]', 'a cluster kindling manages, read live through its API')
    .option('--from <path>', 'manifest files or folders (repeatable; with or without a cluster)', collect, [])
    .option(
      '--to <targets>',
      'kubeadm, kops, eks, gke, aks, openshift, rke2, rancher, tanzu, capi (comma-separated, repeatable)',
      collect,
      [],
    )
    .option('--out <dir>', 'bundle folder (default ./promote-NAME, or ./promote); an earlier bundle there is replaced')
    .option('--image-registry <registry>', 'registry that replaces the dev registry in image references, e.g. ghcr.io/team')
    .option(
      '--set <key=value>',
      'a value for the cluster definitions (region, project, ...); <target>.<key> for one target (repeatable)',
      collect,
      [],
    )
    .option('--storage-class <name>', "claims' StorageClass on every target instead of each target's default")
    .option('--openshift-routes', 'OpenShift: turn Ingresses into Routes')
    .option('--internal-load-balancers', 'make load balancers internal where the target can')
    .option('--with-state', "add every object in Velero's backup layout and each claim's data (needs a cluster)")
    .option('--include-secrets', 'export Secrets too (written 0600, flagged in the report)')
    .option('--preset <preset>', 'with --from only: the preset the dev cluster was made with (default k3d)')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string | undefined, flags: PromoteFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { promote } = await import('../../api/promote.js');
        const result = await promote({
          ...commonOptions(io, globals(cmd)),
          ...(name === undefined ? {} : { name }),
          from: flags.from,
          to: flags.to,
          set: flags.set,
          ...(flags.out === undefined ? {} : { out: flags.out }),
          ...(flags.imageRegistry === undefined ? {} : { imageRegistry: flags.imageRegistry }),
          ...(flags.storageClass === undefined ? {} : { storageClass: flags.storageClass }),
          ...(flags.preset === undefined ? {} : { preset: flags.preset }),
          openshiftRoutes: flags.openshiftRoutes === true,
          internalLoadBalancers: flags.internalLoadBalancers === true,
          withState: flags.withState === true,
          includeSecrets: flags.includeSecrets === true,
        });
        if (format !== 'text') return io.stdout(await serialise(result, format));
        io.stdout(`wrote ${result.out}: ${result.objects} objects, ${result.files} files (${result.skipped} left out, see REPORT.md)\n`);
        for (const t of result.summary) io.stdout(`  ${t.target}: ${t.error} errors, ${t.warning} warnings, ${t.info} info\n`);
        if (result.placeholders.length > 0)
          io.stdout(
            `  ${result.placeholders.length} placeholders to fill (--set KEY=VALUE): ${[...new Set(result.placeholders.map((p) => p.setKey))].join(', ')}\n`,
          );
        for (const v of result.volumes) io.stdout(`  volume ${v.namespace}/${v.claim}: ${v.file} (${v.bytes} bytes)\n`);
      }),
    );
}
