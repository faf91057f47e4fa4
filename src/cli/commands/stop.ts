// `kindling stop N... | --all` and `kindling start N... | --all`: flags -> options -> stop()/start() -> one
// line per cluster (or -o json|yaml); --dry-run prints each cluster's steps and changes nothing.
import type { Command } from 'commander';
import { InvalidInputError } from '../../errors.js';
import { globals, type CommandKit } from '../command-kit.js';
import { parseTimeout, parseWait } from '../duration.js';
import { commonOptions } from '../global-options.js';
import type { CliIO } from '../io.js';
import { type OutputFormat, outputFormat, planText, serialise } from '../output.js';

interface PowerFlags {
  all?: boolean;
  dryRun?: boolean;
  output?: string;
  wait?: string;
  timeout?: string;
}

function checkNames(verb: string, names: string[], flags: PowerFlags): void {
  if (names.length === 0 && !flags.all)
    throw new InvalidInputError(`name at least one cluster to ${verb}, or pass --all`, 'see `kindling list`');
  if (names.length > 0 && flags.all) throw new InvalidInputError('pass cluster names or --all, not both');
}

/** Prints what machines read (the plans with --dry-run, the results with -o json|yaml); false when the
 * text for people is still to be printed. */
async function printedForMachines(
  io: CliIO,
  results: readonly { plan?: unknown }[],
  flags: PowerFlags,
  format: OutputFormat,
): Promise<boolean> {
  if (flags.dryRun)
    io.stdout(
      await planText(
        results.map((r) => r.plan),
        format,
      ),
    );
  else if (format !== 'text') io.stdout(await serialise(results, format));
  else return false;
  return true;
}

/** Registers `stop`. */
export function registerStop({ program, io, run }: CommandKit): void {
  program
    .command('stop')
    .description("stop clusters' node containers, keeping everything; `start` brings them back")
    .argument('[names...]', 'clusters to stop')
    .option('--all', 'stop every cluster in the state store')
    .option('--dry-run', "print each cluster's steps and do nothing")
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (names: string[], flags: PowerFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        checkNames('stop', names, flags);
        const { stop } = await import('../../api/stop.js');
        const results = await stop({ ...commonOptions(io, globals(cmd)), names, all: Boolean(flags.all), dryRun: Boolean(flags.dryRun) });
        if (await printedForMachines(io, results, flags, format)) return;
        for (const r of results) io.stdout(`${r.unchanged ? 'unchanged' : 'stopped'}: cluster "${r.name}" is ${r.phase} (${r.engine})\n`);
      }),
    );
}

/** Registers `start`. */
export function registerStart({ program, io, run }: CommandKit): void {
  program
    .command('start')
    .description('start stopped clusters again (kind nodes get their addresses back) and wait until they are ready')
    .argument('[names...]', 'clusters to start')
    .option('--all', 'start every cluster in the state store')
    .option('--wait <duration>', 'wait this long for readiness, stage by stage (0: do not wait)', '5m')
    .option('--timeout <duration>', "give the engine's start this long", '5m')
    .option('--dry-run', "print each cluster's steps and do nothing")
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (names: string[], flags: PowerFlags, cmd: Command) => {
        const format = outputFormat(flags.output);
        checkNames('start', names, flags);
        const { start } = await import('../../api/start.js');
        const results = await start({
          ...commonOptions(io, globals(cmd)),
          names,
          all: Boolean(flags.all),
          dryRun: Boolean(flags.dryRun),
          waitMs: parseWait(flags.wait ?? '5m'),
          timeoutMs: parseTimeout(flags.timeout ?? '5m'),
        });
        if (await printedForMachines(io, results, flags, format)) return;
        for (const r of results) {
          io.stdout(
            `${r.unchanged ? 'unchanged' : 'started'}: cluster "${r.name}" is ${r.phase} (${r.engine})${r.apiServer ? `, api server ${r.apiServer.url}` : ''}\n`,
          );
          for (const s of r.readiness ?? []) io.stdout(`  ready: ${s.title} after ${(s.elapsedMs / 1000).toFixed(1)}s\n`);
        }
      }),
    );
}
