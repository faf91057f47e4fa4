// `kindling up`: flags -> UpOptions -> up() -> a short report (or the plan, with --dry-run).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { addClusterFlags, planOptionsFrom, type ClusterFlags } from '../cluster-flags.js';
import { globals, type CommandKit } from '../command-kit.js';
import { parseTimeout } from '../duration.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise } from '../output.js';
import { kubernetesNodes } from '../../model/cluster-status.js';
import { type ExitCodeValue, KindlingError } from '../../errors.js';
import { IGNORE_PREFLIGHT_VARIABLE, UP_HOST_CHECKS } from '../../apply/up/host-checks.js';

interface UpFlags extends ClusterFlags {
  timeout: string;
  retain?: boolean;
  dryRun?: boolean;
  output?: string;
  addonsFrom?: string;
  fromSnapshot?: string;
  ignorePreflightErrors?: string;
}

/** Registers `up`. */
export function registerUp({ program, io, run }: CommandKit): void {
  addClusterFlags(program.command('up').description('create a cluster from a preset; a no-op when it already runs with the same spec'))
    .option('--timeout <duration>', 'give up creating after this long', '5m')
    .option('--retain', 'keep what was created if a step fails (for debugging)')
    .option('--addons-from <dir>', "read add-on manifests from this folder (by their URL's file name) instead of downloading them")
    .option(
      '--from-snapshot <cluster/snapshot>',
      'make a new cluster from a snapshot: its spec, objects and volume data (--name renames it)',
    )
    .option(
      '--ignore-preflight-errors <checks>',
      `pass over these failed host checks (${UP_HOST_CHECKS.map((c) => c.id).join(', ')}, or all), as ${IGNORE_PREFLIGHT_VARIABLE} does`,
    )
    .option('--dry-run', 'print the plan and do nothing')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: UpFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const common = commonOptions(io, globals(cmd));
        const options = {
          ...common,
          ...(flags.ignorePreflightErrors ? { env: { ...common.env, [IGNORE_PREFLIGHT_VARIABLE]: flags.ignorePreflightErrors } } : {}),
          ...planOptionsFrom(flags),
          timeoutMs: parseTimeout(flags.timeout),
          retain: Boolean(flags.retain),
          ...(flags.addonsFrom ? { addonsFrom: resolve(io.cwd, flags.addonsFrom) } : {}),
          ...(flags.fromSnapshot ? { fromSnapshot: flags.fromSnapshot } : {}),
          // A cluster made from the command line stays until `kindling down`, and is named as the preset says.
          keep: true,
          unnamed: 'preset' as const,
        };
        // --from-snapshot takes the spec from the snapshot: the preset's default does not apply.
        if (flags.fromSnapshot && cmd.getOptionValueSource('preset') !== 'cli') delete (options as { preset?: string }).preset;
        if (flags.dryRun && flags.fromSnapshot) {
          const { upPlan } = await import('../../api/up.js');
          const { createContext } = await import('../../api/create-context.js');
          io.stdout(await planText(await upPlan(createContext(options), options), format));
          return;
        }
        if (flags.dryRun) {
          const { upDryRun } = await import('../../api/up.js');
          const { plan, checks } = await upDryRun(options);
          io.stdout(await planText(plan, format));
          // The read-only preflight `up` would run: each check on stderr, the first that fails as the error.
          for (const c of checks) io.stderr(`preflight: ${c.ok ? 'ok  ' : 'FAIL'} ${c.id.padEnd(6)} ${c.detail}\n`);
          const failed = checks.find((c) => !c.ok);
          if (failed)
            throw new KindlingError(
              'preflight-failed',
              (failed.exitCode ?? 1) as ExitCodeValue,
              `up would fail: ${failed.detail}`,
              failed.hint ? { hint: failed.hint } : {},
            );
          return;
        }
        const { up } = await import('../../api/up.js');
        const h = await up(options);
        const result = {
          name: h.name,
          unchanged: h.unchanged,
          ...(h.started ? { started: true } : {}),
          ...(h.restored ? { restored: h.restored } : {}),
          ...(h.steps ? { steps: h.steps } : {}),
          context: h.context,
          kubeconfig: h.kubeconfigPath,
          ...(h.mergedInto ? { mergedInto: h.mergedInto } : {}),
          ...(h.readiness ? { readiness: h.readiness } : {}),
          apiServer: h.apiServer,
          status: h.status,
        };
        if (format !== 'text') return io.stdout(await serialise(result, format));
        const nodes = kubernetesNodes(h.status.nodes).length;
        io.stdout(
          `${h.unchanged ? 'unchanged' : h.started ? 'started' : 'created'}: cluster "${h.name}" is ${h.status.phase} (${h.plan.spec.engine}, ${nodes} node${nodes === 1 ? '' : 's'})\n` +
            `  context:    ${h.context}${h.mergedInto ? ` (added to ${h.mergedInto})` : ''}\n  kubeconfig: ${h.kubeconfigPath}\n  api server: ${h.apiServer?.url ?? '(not published)'}\n` +
            (h.readiness ?? []).map((r) => `  ready:      ${r.title} after ${(r.elapsedMs / 1000).toFixed(1)}s\n`).join('') +
            (h.restored
              ? `  restored:   snapshot ${h.restored.snapshot} (${h.restored.objects} objects, ${h.restored.volumes.length} volume${h.restored.volumes.length === 1 ? '' : 's'})\n`
              : '') +
            (h.mergedInto
              ? `use it: kubectl --context ${h.context} get nodes\n`
              : `use it: kubectl --kubeconfig ${h.kubeconfigPath} get nodes\n`),
        );
      }),
    );
}
