// `kindling scale N --workers K`: flags -> ScaleOptions -> scale() -> a short report (or -o json|yaml);
// --dry-run prints the plan.
import type { Command } from 'commander';
import { globals, integer, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise } from '../output.js';
import { confirmRecreate } from '../recreate.js';
import type { RecreatePlan } from '../../plan/recreate-plan.js';

interface ScaleFlags {
  workers: number;
  wait: string;
  timeout: string;
  dryRun?: boolean;
  yes?: boolean;
  output?: string;
}

/** Registers `scale`. */
export function registerScale({ program, io, run }: CommandKit): void {
  program
    .command('scale')
    .description('change the number of workers (k3d in place, drained before removal; kind recreated at the new size from a snapshot)')
    .argument('<name>', 'the cluster')
    .requiredOption('--workers <count>', 'workers wanted', integer)
    .option('--wait <duration>', 'wait this long for every node to be Ready after adding (0: do not wait)', '5m')
    .option('--timeout <duration>', 'give each node the engine adds this long', '5m')
    .option('--dry-run', 'print the plan and do nothing')
    .option('-y, --yes', 'kind: do not ask before recreating the cluster')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string, flags: ScaleFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { scale } = await import('../../api/scale.js');
        const options = {
          ...commonOptions(io, globals(cmd)),
          name,
          workers: flags.workers,
          waitMs: parseWait(flags.wait),
          timeoutMs: parseTimeout(flags.timeout),
        };
        const planned = await scale({ ...options, dryRun: true });
        if (flags.dryRun) return io.stdout(await planText(planned.plan, format));
        // kind: the cluster is recreated, so the plan is said first and confirmed.
        const recreate = planned.plan?.kind === 'RecreatePlan' ? (planned.plan as RecreatePlan) : undefined;
        if (recreate && !(await confirmRecreate(io, recreate, Boolean(flags.yes)))) return;
        const r = await scale(options);
        if (format !== 'text') return io.stdout(await serialise(r, format));
        if (r.unchanged) return io.stdout(`unchanged: cluster "${r.name}" has ${r.to} worker${r.to === 1 ? '' : 's'}\n`);
        const what = [
          ...(r.added.length ? [`added ${r.added.join(', ')}`] : []),
          ...(r.removed.length ? [`removed ${r.removed.join(', ')}`] : []),
        ];
        io.stdout(
          `scaled: cluster "${r.name}" from ${r.from} to ${r.to} worker${r.to === 1 ? '' : 's'} (${what.join('; ')})${r.recreatedFrom ? `, recreated from snapshot ${r.recreatedFrom}` : ''}\n`,
        );
      }),
    );
}
