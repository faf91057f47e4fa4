// `kindling logs N [--out FILE] [--force]`: a .tar.gz of everything needed to report a cluster's problem.
import type { Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** Registers `logs`. */
export function registerLogs({ program, io, run }: CommandKit): void {
  program
    .command('logs')
    .description(
      "write a .tar.gz (0600) for a bug report: the engine's log export, node container logs, events, nodes and pods, kindling's records and doctor; credentials removed",
    )
    .argument('<name>', 'cluster name')
    .option('--out <file>', 'the archive to write (default ./kindling-logs-<name>-<yyyymmdd-hhmmss>.tar.gz, UTC)')
    .option('--force', 'replace the file when it exists')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string, flags: { out?: string; force?: boolean; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { logs } = await import('../../api/logs.js');
        const result = await logs({
          ...commonOptions(io, globals(cmd)),
          name,
          ...(flags.out ? { out: flags.out } : {}),
          ...(flags.force ? { force: true } : {}),
        });
        if (format !== 'text') return io.stdout(await serialise(result, format));
        for (const e of result.errors) io.stderr(`note: not in the archive: ${e}\n`);
        io.stdout(`wrote ${result.path} (${result.files.length} files, ${size(result.bytes)})\n`);
      }),
    );
}
