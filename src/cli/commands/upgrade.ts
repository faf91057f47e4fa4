// `kindling upgrade N --k8s-version V [--image I] [--yes] [--allow-downgrade]`: the plan in words, a question
// on a terminal, then upgrade(); --dry-run prints the plan as data.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise } from '../output.js';
import { confirmRecreate, recreateResultText } from '../recreate.js';

interface UpgradeFlags {
  k8sVersion: string;
  image?: string;
  snapshot?: string;
  allowDowngrade?: boolean;
  yes?: boolean;
  wait: string;
  timeout: string;
  dryRun?: boolean;
  output?: string;
}

/** Registers `upgrade`. */
export function registerUpgrade({ program, io, run }: CommandKit): void {
  program
    .command('upgrade')
    .description('move a cluster to another Kubernetes version: snapshot, recreate, restore; rolled back on failure')
    .argument('<name>', 'the cluster')
    .requiredOption('--k8s-version <version>', 'the Kubernetes version wanted, e.g. v1.37.0')
    .option('--image <image>', "the node image (default: the one the cluster's preset pins for that version)")
    .option('--snapshot <name>', 'name of the snapshot taken first (default upgrade-<time>); it is kept')
    .option('--allow-downgrade', 'allow an older version')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--wait <duration>', 'wait this long for readiness before restoring', '5m')
    .option('--timeout <duration>', "give the engine's create this long", '5m')
    .option('--dry-run', 'print the plan and do nothing')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string, flags: UpgradeFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { upgrade, upgradePlan } = await import('../../api/upgrade.js');
        const options = {
          ...commonOptions(io, globals(cmd)),
          name,
          kubernetesVersion: flags.k8sVersion,
          ...(flags.image ? { image: flags.image } : {}),
          ...(flags.snapshot ? { snapshot: flags.snapshot } : {}),
          allowDowngrade: Boolean(flags.allowDowngrade),
          waitMs: parseWait(flags.wait),
          timeoutMs: parseTimeout(flags.timeout),
        };
        if (flags.dryRun) return io.stdout(await planText(await upgradePlan(options), format));
        const plan = await upgradePlan(options);
        if (plan.from.kubernetesVersion === plan.to.kubernetesVersion && plan.from.image === plan.to.image) {
          const r = await upgrade(options);
          return io.stdout(
            format === 'text' ? `unchanged: cluster "${name}" runs Kubernetes ${r.to.kubernetesVersion}\n` : await serialise(r, format),
          );
        }
        if (!(await confirmRecreate(io, plan, Boolean(flags.yes)))) return;
        // The snapshot named in the plan that was shown.
        const r = await upgrade({ ...options, snapshot: plan.snapshot.id });
        io.stdout(format === 'text' ? recreateResultText('upgraded', r) : await serialise(r, format));
      }),
    );
}
