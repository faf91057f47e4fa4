// `kindling version [-o json|yaml]`: kindling, Node, kind, k3d and Docker, each on its own line; what is missing
// is said in its line and the command still exits 0.
import type { Command } from 'commander';
import type { VersionReport } from '../../api/version.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise, table } from '../output.js';

function engineRow(name: string, e: VersionReport['engines']['kind']): string[] {
  const tested = `tested: ${e.tested.join(', ')}`;
  if (e.version === null) return [name, '-', `${e.error ?? 'not found'} (${tested})`];
  const where = e.path ?? e.binary;
  return [name, e.version, `${where} (${e.isTested ? tested : `untested; ${tested}`})`];
}

function dockerRow(d: VersionReport['docker']): string[] {
  if (d.endpoint === null) return ['docker', '-', `unreachable: ${(d.error ?? '').replace(/\s*\n\s*/g, '; ')}`];
  const at = `${d.endpoint}${d.source ? ` (${d.source})` : ''}`;
  if (d.version === null) return ['docker', '-', `${at}: ${d.error ?? 'version unknown'}`];
  return ['docker', d.version, `${at}, API ${d.apiVersion ?? '?'}${d.platform ? `, ${d.platform}` : ''}`];
}

/** The report as an aligned table. */
export function versionTable(r: VersionReport): string {
  return table(
    ['COMPONENT', 'VERSION', 'DETAILS'],
    [
      ['kindling', r.kindling, ''],
      ['node', r.node, ''],
      engineRow('kind', r.engines.kind),
      engineRow('k3d', r.engines.k3d),
      dockerRow(r.docker),
    ],
  );
}

/** Registers `version`. */
export function registerVersion({ program, io, run }: CommandKit): void {
  program
    .command('version')
    .description('print the versions of kindling, Node, kind, k3d and Docker, and which engine releases are tested')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { versionReport } = await import('../../api/version.js');
        const report = await versionReport(commonOptions(io, globals(cmd)));
        io.stdout(format === 'text' ? versionTable(report) : await serialise(report, format));
      }),
    );
}
