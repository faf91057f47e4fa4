// `kindling presets list`, `kindling presets show P` and `kindling presets schema` (the JSON Schema for editors).
import type { Command } from 'commander';
import { collect, globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise, table } from '../output.js';

/** Registers `presets list|show|schema`. */
export function registerPresets({ program, io, run }: CommandKit): void {
  const presets = program.command('presets').description('built-in and user presets ($XDG_CONFIG_HOME/kindling/presets)');
  presets
    .command('list')
    .alias('ls')
    .description('list presets with their engine and a one-line description')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { listPresets } = await import('../../api/presets.js');
        const list = await listPresets(commonOptions(io, globals(cmd)));
        if (format !== 'text') return io.stdout(await serialise(list, format));
        io.stdout(
          table(
            ['NAME', 'ENGINE', 'SOURCE', 'DESCRIPTION'],
            list.map((p) => [
              p.name,
              p.engine,
              p.source,
              p.error ? `(invalid: ${p.error.split('\n')[1]?.trim() ?? p.error})` : p.description,
            ]),
          ),
        );
      }),
    );
  presets
    .command('show')
    .description('print a preset as kindling resolves it (extends followed, --set applied), and what it cannot reproduce')
    .argument('<preset>', 'preset name or file')
    .option('--set <key.path=value>', 'override a field (repeatable)', collect, [])
    .option('-o, --output <format>', 'yaml (default) or json')
    .action(
      run(async (preset: string, flags: { set: string[]; output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output ?? 'yaml', ['yaml', 'json']) as 'yaml' | 'json';
        const { showPreset } = await import('../../api/presets.js');
        const loaded = await showPreset({ ...commonOptions(io, globals(cmd)), preset, set: flags.set });
        io.stdout(await serialise(loaded.preset, format));
        if (format === 'yaml') io.stderr(`# from ${loaded.chain.join(' <- ')}\n`);
      }),
    );
  presets
    .command('schema')
    .description('print the JSON Schema of preset files, for editors (the package ships it as presets/preset.schema.json)')
    .action(
      run(async () => {
        const { presetJsonSchemaText } = await import('../../presets/json-schema.js');
        io.stdout(presetJsonSchemaText());
      }),
    );
}
