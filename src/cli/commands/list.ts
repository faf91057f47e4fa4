// `kindling list` and `kindling status N`: the store reconciled with Docker.
import type { Command } from 'commander';
import type { ClusterSummary } from '../../api/list.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise, table } from '../output.js';
import { kubernetesNodes } from '../../model/cluster-status.js';

function statusText(s: ClusterSummary): string {
  const lines = [
    `name:       ${s.name}`,
    `phase:      ${s.phase}${s.message ? ` (${s.message})` : ''}`,
    `preset:     ${s.preset} (engine ${s.engine}, Kubernetes ${s.kubernetesVersion}, generation ${s.generation})`,
    `context:    ${s.context}`,
    ...(s.origin ? [`made on:    ${s.origin.host} (Docker ${s.origin.docker}, ${s.origin.createdAt})`] : []),
    `api server: ${s.apiServer?.url ?? '-'}`,
    `kubeconfig: ${s.kubeconfigPath ?? '-'}`,
    'nodes:',
    ...s.nodes.map((n) => `  ${n.name}   ${n.role}   ${n.state}`),
    ...(s.readiness ? ['readiness:', ...s.readiness.map((r) => `  ${r.ready ? 'ready    ' : 'not ready'}  ${r.title}: ${r.saw}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Registers `list` and `status`. */
export function registerList({ program, io, run }: CommandKit): void {
  program
    .command('list')
    .alias('ls')
    .description('list clusters in the state store, as Docker sees them now')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { list } = await import('../../api/list.js');
        const clusters = await list(commonOptions(io, globals(cmd)));
        if (format !== 'text') return io.stdout(await serialise(clusters, format));
        if (clusters.length === 0) return io.stdout('no clusters; create one with `kindling up`\n');
        io.stdout(
          table(
            ['NAME', 'PRESET', 'ENGINE', 'PHASE', 'NODES', 'API SERVER', 'CONTEXT', 'MADE ON'],
            clusters.map((c) => [
              c.name,
              c.preset,
              c.engine,
              c.phase,
              String(kubernetesNodes(c.nodes).length),
              c.apiServer?.url ?? '-',
              c.context,
              c.origin?.host ?? '-',
            ]),
          ),
        );
      }),
    );
  program
    .command('status')
    .description('show one cluster: phase, nodes, API server, kubeconfig')
    .argument('<name>', 'cluster name')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string, flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { status } = await import('../../api/list.js');
        const s = await status({ ...commonOptions(io, globals(cmd)), name });
        io.stdout(format === 'text' ? statusText(s) : await serialise(s, format));
      }),
    );
}
