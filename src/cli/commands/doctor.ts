// `kindling doctor [-o json|yaml]`: whether this machine is ready for clusters. Prints the report (a table, then
// how many more clusters fit, then how to fix what is not ok) and exits 5 when a check that `up` depends on failed.
import type { Command } from 'commander';
import type { DoctorReport } from '../../api/doctor.js';
import { formatBytes } from '../../doctor/bytes.js';
import { EnvironmentError } from '../../errors.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise, table } from '../output.js';

/** The report as people read it: the checks, the capacity, then the fixes of whatever is not ok. */
export function doctorText(r: DoctorReport): string {
  const parts = [
    table(
      ['CHECK', 'STATUS', 'DETAIL'],
      r.checks.map((c) => [c.title, c.status, c.detail]),
    ),
  ];
  if (r.capacity.length > 0) {
    const lines = r.capacity.map(
      (c) =>
        `  about ${c.fit} more cluster${c.fit === 1 ? '' : 's'} of ${c.preset} fit (${formatBytes(c.footprintBytes)} each, ${
          c.basis === 'measured' ? `measured: median of ${c.samples}` : 'default'
        })`,
    );
    parts.push(`Capacity, from ${formatBytes(r.capacity[0]!.availableBytes)} available:\n${lines.join('\n')}\n`);
  }
  const fixes = r.checks.filter((c) => c.status !== 'ok' && c.fix);
  if (fixes.length > 0) parts.push(`To fix:\n${fixes.map((c) => `  ${c.title} (${c.status}): ${c.fix}`).join('\n')}\n`);
  return parts.join('\n');
}

/** Registers `doctor`. */
export function registerDoctor({ program, io, run }: CommandKit): void {
  program
    .command('doctor')
    .description('check Docker, the engine binaries and this host, say how to fix what is wrong and how many more clusters fit')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { doctor } = await import('../../api/doctor.js');
        const report = await doctor(commonOptions(io, globals(cmd)));
        io.stdout(format === 'text' ? doctorText(report) : await serialise(report, format));
        if (!report.ok) {
          const failed = report.checks.filter((c) => c.blocking && c.status === 'fail').map((c) => c.id);
          throw new EnvironmentError(
            'doctor-failed',
            `${failed.length} check${failed.length === 1 ? '' : 's'} would make \`kindling up\` fail: ${failed.join(', ')}`,
            'fix them as the report says, then run `kindling doctor` again',
          );
        }
      }),
    );
}
