// `kindling workshop up|status|reset|down`: flags -> options -> the workshop verbs -> a table (or -o json|yaml).
// Progress goes to stderr, one line per step of each cluster, prefixed with the cluster's name.
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { collect, globals, integer, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import type { CliIO } from '../io.js';
import { outputFormat, serialise, table } from '../output.js';

/** A duration in seconds as people read it: 45s, 12m, 3h, 2d. */
function age(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function progress(io: CliIO, quiet: boolean) {
  return quiet ? undefined : (p: { cluster: string; message: string }) => io.stderr(`${p.cluster}: ${p.message}\n`);
}

interface UpFlags {
  count?: number;
  attendee: string[];
  prefix?: string;
  preset?: string;
  set: string[];
  image?: string;
  workers?: number;
  manifest: string[];
  imagePreload: string[];
  fromSnapshot?: string;
  dockerContexts?: string;
  parallel?: number;
  out?: string;
  force?: boolean;
  wait: string;
  timeout: string;
  output?: string;
}

/** Registers `workshop` and its subcommands. */
export function registerWorkshop({ program, io, run }: CommandKit): void {
  const workshop = program.command('workshop').description('many clusters with the same starting state, one per attendee');

  workshop
    .command('up')
    .description('make a cluster per attendee (in parallel), their starting snapshot, and a kubeconfig and README each')
    .argument('[file]', 'a workshop file (kind: Workshop); flags override its fields')
    .option('--count <n>', 'this many clusters, <prefix>-01 ...', integer)
    .option('--attendee <name>', 'an attendee (repeatable): names become DNS-safe cluster names', collect, [])
    .option('--prefix <name>', 'the workshop name and cluster name prefix (default ws)')
    .option('--preset <name|file>', 'the preset of every cluster (default k3d)')
    .option('--set <key=value>', 'preset override (repeatable)', collect, [])
    .option('--image <image>', 'node image')
    .option('--workers <n>', 'worker nodes per cluster', integer)
    .option('--manifest <path>', 'manifests applied to every cluster (repeatable)', collect, [])
    .option(
      '--image-preload <image>',
      "a local image served to every cluster (repeatable): pushed once to the preset's local registry, which the nodes ask first",
      collect,
      [],
    )
    .option('--from-snapshot <cluster/snapshot>', 'start every cluster from this snapshot')
    .option('--docker-contexts <a,b>', 'spread the clusters over these Docker contexts by their free memory')
    .option('--parallel <k>', 'clusters made at once (default: from cores and memory)', integer)
    .option('--out <dir>', 'where the kubeconfigs and READMEs go (default ./workshop-<name>)')
    .option('--force', 'make them even when the capacity estimate says they do not fit')
    .option('--wait <duration>', 'readiness wait of each cluster', '5m')
    .option('--timeout <duration>', "give each engine's create this long", '5m')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (file: string | undefined, flags: UpFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const g = globals(cmd);
        const api = await import('../../api/workshop.js');
        const options = {
          ...commonOptions(io, g),
          ...(file ? { file } : {}),
          ...(flags.prefix ? { name: flags.prefix } : {}),
          ...(flags.count !== undefined ? { count: flags.count } : {}),
          attendees: flags.attendee,
          ...(flags.preset ? { preset: flags.preset } : {}),
          set: flags.set,
          ...(flags.image ? { image: flags.image } : {}),
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          manifests: flags.manifest,
          images: flags.imagePreload,
          ...(flags.fromSnapshot ? { fromSnapshot: flags.fromSnapshot } : {}),
          ...(flags.dockerContexts ? { dockerContexts: list(flags.dockerContexts) } : {}),
          ...(flags.parallel !== undefined ? { parallel: flags.parallel } : {}),
          ...(flags.out ? { out: flags.out } : {}),
          force: Boolean(flags.force),
          waitMs: parseWait(flags.wait),
          timeoutMs: parseTimeout(flags.timeout),
          ...(progress(io, Boolean(g.quiet)) ? { onProgress: progress(io, Boolean(g.quiet))! } : {}),
        };
        let result: Awaited<ReturnType<typeof api.workshopUp>>;
        try {
          result = await api.workshopUp(options);
        } catch (err) {
          const partial = (err as { result?: typeof result }).result;
          if (partial) io.stdout(format === 'text' ? upText(partial) : await serialise(partial, format));
          throw err;
        }
        io.stdout(format === 'text' ? upText(result) : await serialise(result, format));
      }),
    );

  workshop
    .command('status')
    .description("every attendee's cluster: phase, whether its API answers, age")
    .option('--workshop <name>', 'the workshop (default: the only one in the store)')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { workshop?: string; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { workshopStatus } = await import('../../api/workshop.js');
        const s = await workshopStatus({ ...commonOptions(io, globals(cmd)), ...(flags.workshop ? { workshop: flags.workshop } : {}) });
        if (format !== 'text')
          return io.stdout(await serialise({ apiVersion: 'kindling.dev/v1alpha1', kind: 'WorkshopStatus', ...s }, format));
        io.stdout(
          table(
            ['ATTENDEE', 'CLUSTER', 'PHASE', 'API', 'AGE', 'DOCKER'],
            s.members.map((m) => [
              m.attendee,
              m.cluster,
              m.phase,
              m.apiReachable ? 'reachable' : 'unreachable',
              age(m.ageSeconds),
              m.dockerContext ?? 'default',
            ]),
          ),
        );
      }),
    );

  workshop
    .command('reset')
    .description("bring one attendee's cluster back to the workshop's starting snapshot (in place: same kubeconfig)")
    .argument('<attendee>', 'attendee name, its label or its cluster')
    .option('--workshop <name>', 'the workshop (default: the only one in the store)')
    .option('--recreate', 're-create the cluster from the snapshot (new certificates: hand out its kubeconfig again)')
    .option('--wait <duration>', 'deletions in place, or the readiness wait of a re-create', '5m')
    .option('--timeout <duration>', "give the engine's create this long (re-create)", '5m')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (attendee: string, flags: ResetFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        const g = globals(cmd);
        const { workshopReset } = await import('../../api/workshop.js');
        const r = await workshopReset({
          ...commonOptions(io, g),
          attendee,
          ...(flags.workshop ? { workshop: flags.workshop } : {}),
          ...(flags.recreate ? { recreate: true } : {}),
          waitMs: parseWait(flags.wait),
          timeoutMs: parseTimeout(flags.timeout),
          ...(progress(io, Boolean(g.quiet)) ? { onProgress: progress(io, Boolean(g.quiet))! } : {}),
        });
        io.stdout(format === 'text' ? resetText(r) : await serialise(r, format));
      }),
    );

  workshop
    .command('down')
    .description("delete every cluster of the workshop, their starting snapshots and the attendees' files")
    .option('--workshop <name>', 'the workshop (default: the only one in the store)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { workshop?: string; yes?: boolean; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const g = globals(cmd);
        const what = flags.workshop ? `workshop "${flags.workshop}"` : 'the workshop';
        if (!flags.yes) {
          if (!io.stdinIsTTY) throw new InvalidInputError(`refusing to delete ${what} without confirmation`, 'pass --yes');
          if (!(await io.confirm(`Delete every cluster of ${what}?`))) return io.stderr('nothing deleted\n');
        }
        const { workshopDown } = await import('../../api/workshop.js');
        const r = await workshopDown({
          ...commonOptions(io, g),
          ...(flags.workshop ? { workshop: flags.workshop } : {}),
          ...(progress(io, Boolean(g.quiet)) ? { onProgress: progress(io, Boolean(g.quiet))! } : {}),
        });
        if (format !== 'text') return io.stdout(await serialise(r, format));
        io.stdout(
          `deleted: workshop ${r.workshop}: ${r.removed.length} cluster(s)${r.removed.length ? ` (${r.removed.join(', ')})` : ''}\n`,
        );
        if (r.failed.length > 0)
          throw new InvalidInputError(
            `could not delete ${r.failed.map((f) => `${f.cluster} (${f.message})`).join(', ')}`,
            'run `kindling workshop down` again, or `kindling down NAME --yes` for each',
          );
      }),
    );
}

interface ResetFlags {
  workshop?: string;
  recreate?: boolean;
  wait: string;
  timeout: string;
  output?: string;
}

/** The text report of `workshop reset`. */
function resetText(r: {
  attendee: string;
  cluster: string;
  snapshot: string;
  inPlace: boolean;
  reason?: string;
  seconds: number;
  kubeconfig: string;
}): string {
  const head = `reset: ${r.cluster} (${r.attendee}) back to ${r.snapshot} in ${r.seconds.toFixed(1)} s`;
  return r.inPlace
    ? `${head}, in place; kubeconfig unchanged: ${r.kubeconfig}\n`
    : `${head}, re-created (${r.reason}); new kubeconfig, hand it out again: ${r.kubeconfig}\n`;
}

/** The text report of `workshop up`. */
function upText(r: {
  workshop: string;
  outDir: string;
  index: string;
  parallel: number;
  seconds: number;
  capacity: { message: string };
  clusters: {
    attendee: string;
    cluster: string;
    ok: boolean;
    existing?: boolean;
    attempts: number;
    seconds: number;
    dockerContext?: string;
    context?: string;
    error?: { message: string };
  }[];
}): string {
  const rows = r.clusters.map((c) => [
    c.attendee,
    c.cluster,
    c.ok ? (c.existing ? 'kept' : 'ready') : 'failed',
    c.existing ? '-' : `${c.seconds.toFixed(1)}s`,
    String(c.attempts),
    c.dockerContext ?? 'default',
    c.ok ? (c.context ?? '') : (c.error?.message.split('\n')[0] ?? ''),
  ]);
  const made = r.clusters.filter((c) => c.ok).length;
  return (
    table(['ATTENDEE', 'CLUSTER', 'OUTCOME', 'TIME', 'ATTEMPTS', 'DOCKER', 'CONTEXT / ERROR'], rows) +
    `workshop ${r.workshop}: ${made} of ${r.clusters.length} ready in ${r.seconds.toFixed(1)} s (${r.parallel} at a time; ${r.capacity.message})\n` +
    `kubeconfigs and READMEs: ${r.outDir} (index: ${r.index})\n`
  );
}
