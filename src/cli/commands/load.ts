// `kindling load N IMAGE...`: local images into a cluster's nodes.
import type { Command } from 'commander';
import type { LoadResult } from '../../api/load.js';
import { globals, type CommandKit } from '../command-kit.js';
import { commonOptions } from '../global-options.js';
import { outputFormat, serialise } from '../output.js';

/** What happened to one image, as the user reads it. */
function loadedLine(name: string, i: LoadResult['images'][number]): string {
  if (i.via === 'engine') return `loaded ${i.image} into ${name}`;
  if (i.via === 'mirror') return `pushed ${i.image} to ${name}'s registry, which its nodes ask for it first (pods keep the name ${i.ref})`;
  return `pushed ${i.image} as ${i.ref} (use that reference in pods)`;
}

/** Registers `load`. */
export function registerLoad({ program, io, run }: CommandKit): void {
  program
    .command('load')
    .description("copy local Docker images into a cluster's nodes (through its registry when Docker uses the containerd image store)")
    .argument('<name>', 'cluster name')
    .argument('<images...>', 'image references, e.g. myapp:dev')
    .option('-o, --output <format>', 'text, json or yaml')
    .action(
      run(async (name: string, images: string[], flags: { output?: string }, cmd: Command) => {
        const format = outputFormat(flags.output);
        const { load } = await import('../../api/load.js');
        const result = await load({ ...commonOptions(io, globals(cmd)), name, images });
        if (format !== 'text') return io.stdout(await serialise(result, format));
        for (const i of result.images) io.stdout(`${loadedLine(name, i)}\n`);
      }),
    );
}
