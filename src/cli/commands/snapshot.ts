// `kindling snapshot create|list|delete|restore`: flags -> options -> the snapshot verbs -> a short report (or
// -o json|yaml); create and restore take --dry-run, restore says its plan and asks first.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, planText, serialise, table } from '../output.js';
import { confirmRecreate, recreateResultText } from '../recreate.js';

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '-';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Registers `snapshot` and its subcommands. */
export function registerSnapshot({ program, io, run }: CommandKit): void {
  const snapshot = program.command('snapshot').description("a cluster's objects and volume data, kept in the state store");

  snapshot
    .command('create')
    .description('take a snapshot: the objects (cleaned, Secrets included) and each claim’s data')
    .argument('<name>', 'the cluster')
    .option('--name <snapshot>', 'its name (default: the time, e.g. 20261206-163000)')
    .option('--consistent', 'stop the cluster while its volumes are copied, then start it again')
    .option('--wait <duration>', '--consistent: wait this long for readiness after the start', '5m')
    .option('--timeout <duration>', "--consistent: give the engine's start this long", '5m')
    .option('--dry-run', 'print the plan and do nothing')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(
        async (
          name: string,
          flags: { name?: string; consistent?: boolean; wait: string; timeout: string; dryRun?: boolean; output?: string },
          cmd: Command,
        ) => {
          const format = outputFormat(flags.output);
          const api = await import('../../api/snapshot.js');
          const options = {
            ...commonOptions(io, globals(cmd.parent!)),
            name,
            ...(flags.name ? { snapshot: flags.name } : {}),
            consistent: Boolean(flags.consistent),
            waitMs: parseWait(flags.wait),
            timeoutMs: parseTimeout(flags.timeout),
          };
          if (flags.dryRun) return io.stdout(await planText(await api.snapshotPlan(options), format));
          const m = await api.snapshot(options);
          if (format !== 'text') return io.stdout(await serialise(m, format));
          const bytes = m.parts.reduce((n, p) => n + p.bytes, 0);
          io.stdout(
            `created: snapshot ${m.cluster}/${m.name} (${m.objects} objects, ${m.volumes.length} volume${m.volumes.length === 1 ? '' : 's'}, ${size(bytes)}, ${m.consistent ? 'consistent: taken while stopped' : 'taken live'})\n` +
              m.skippedClaims.map((c) => `  not copied: ${c.namespace}/${c.claim}: ${c.reason}\n`).join(''),
          );
        },
      ),
    );

  snapshot
    .command('list')
    .alias('ls')
    .description('list snapshots (of every cluster in the store, or the ones named)')
    .argument('[names...]', 'clusters')
    .option('--all', 'include snapshots of deleted clusters')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (names: string[], flags: { all?: boolean; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { listSnapshots } = await import('../../api/snapshot.js');
        const list = await listSnapshots({ ...commonOptions(io, globals(cmd.parent!)), names, all: Boolean(flags.all) });
        if (format !== 'text') return io.stdout(await serialise(list, format));
        if (list.length === 0)
          return io.stdout(
            `no snapshots${flags.all ? '' : ' (--all shows those of deleted clusters)'}; take one with \`kindling snapshot create NAME\`\n`,
          );
        io.stdout(
          table(
            ['CLUSTER', 'SNAPSHOT', 'CREATED', 'KUBERNETES', 'OBJECTS', 'VOLUMES', 'SIZE', 'NOTE'],
            list.map((s) => [
              s.cluster,
              s.name,
              s.createdAt ?? '-',
              s.kubernetesVersion ?? '-',
              String(s.objects ?? '-'),
              String(s.volumes ?? '-'),
              size(s.bytes),
              [
                s.incomplete ? 'incomplete' : s.consistent ? 'consistent' : 'live',
                ...(s.reason && s.reason !== 'user' ? [s.reason] : []),
                ...(s.clusterDeleted ? ['cluster deleted'] : []),
              ].join(', '),
            ]),
          ),
        );
      }),
    );

  snapshot
    .command('delete')
    .alias('rm')
    .description('remove a snapshot and every part of it')
    .argument('<name>', 'the cluster')
    .argument('<snapshot>', 'the snapshot')
    .action(
      run(async (name: string, id: string, _flags: unknown, cmd: Command) => {
        const { deleteSnapshot } = await import('../../api/snapshot.js');
        await deleteSnapshot({ ...commonOptions(io, globals(cmd.parent!)), name, snapshot: id });
        io.stdout(`deleted: snapshot ${name}/${id}\n`);
      }),
    );

  snapshot
    .command('restore')
    .description('bring a cluster back to one of its snapshots: checked, then the cluster recreated from it')
    .argument('<name>', 'the cluster')
    .argument('<snapshot>', 'the snapshot')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--wait <duration>', 'wait this long for readiness before restoring', '5m')
    .option('--timeout <duration>', "give the engine's create this long", '5m')
    .option('--dry-run', 'print the plan and do nothing')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(
        async (
          name: string,
          id: string,
          flags: { yes?: boolean; wait: string; timeout: string; dryRun?: boolean; output?: string },
          cmd: Command,
        ) => {
          const format = outputFormat(flags.output);
          const { restoreSnapshot } = await import('../../api/snapshot.js');
          const options = {
            ...commonOptions(io, globals(cmd.parent!)),
            name,
            snapshot: id,
            waitMs: parseWait(flags.wait),
            timeoutMs: parseTimeout(flags.timeout),
          };
          const planned = await restoreSnapshot({ ...options, dryRun: true });
          if (flags.dryRun) return io.stdout(await planText(planned.plan, format));
          if (!(await confirmRecreate(io, planned.plan!, Boolean(flags.yes)))) return;
          const r = await restoreSnapshot(options);
          io.stdout(format === 'text' ? recreateResultText('restored', r) : await serialise(r, format));
        },
      ),
    );
}
