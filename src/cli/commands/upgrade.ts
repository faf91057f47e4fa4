// `kindling upgrade N --k8s-version V [--image I] [--yes] [--allow-downgrade]`: the plan in words, a question
// on a terminal, then upgrade(); --dry-run prints the plan as data. `upgrade N --resume|--rollback` continues or
// undoes an upgrade that was killed outright.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise } from '../output.js';
import { confirmRecreate, recreateResultText } from '../recreate.js';
import { InvalidInputError } from '../../errors.js';

interface UpgradeFlags {
  k8sVersion?: string;
  resume?: boolean;
  rollback?: boolean;
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
    .option('--k8s-version <version>', 'the Kubernetes version wanted, e.g. v1.37.0')
    .option('--resume', 'continue an interrupted upgrade of the cluster from its snapshot')
    .option('--rollback', 'undo an interrupted upgrade: the old version again, from its snapshot')
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
        const common = { ...commonOptions(io, globals(cmd)), name, waitMs: parseWait(flags.wait), timeoutMs: parseTimeout(flags.timeout) };
        if (flags.resume || flags.rollback) {
          if (flags.k8sVersion || flags.dryRun) {
            throw new InvalidInputError(
              `--${flags.resume ? 'resume' : 'rollback'} takes the interrupted upgrade as it was`,
              'leave out --k8s-version and --dry-run',
            );
          }
          const r = await upgrade({ ...common, resume: Boolean(flags.resume), rollback: Boolean(flags.rollback) });
          const done = r.unchanged ? 'nothing to undo: the old cluster was never deleted' : flags.resume ? 'upgraded' : 'rolled back';
          return io.stdout(format === 'text' ? recreateResultText(done, r) : await serialise(r, format));
        }
        if (!flags.k8sVersion)
          throw new InvalidInputError('upgrade needs --k8s-version', 'e.g. --k8s-version v1.37.0; or --resume / --rollback');
        const options = {
          ...common,
          kubernetesVersion: flags.k8sVersion,
          ...(flags.image ? { image: flags.image } : {}),
          ...(flags.snapshot ? { snapshot: flags.snapshot } : {}),
          allowDowngrade: Boolean(flags.allowDowngrade),
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
