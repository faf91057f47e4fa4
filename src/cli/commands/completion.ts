// `kindling completion bash|zsh|fish` prints a completion script; the hidden `kindling __complete -- WORDS...`
// is what that script calls on every Tab: it prints the candidates for the last word (commands and flags from
// this program, clusters and snapshots from the state store, presets as `presets list` finds them).
import { Argument, type Command } from 'commander';
import { globals, type CommandKit } from '../command-kit.js';
import { completeWords, type GivenOptions, type NameSource } from '../completion/complete-words.js';
import { completionScript, SHELLS, type Shell } from '../completion/shell-scripts.js';
import { commonOptions, type GlobalFlags } from '../global-options.js';
import type { CliIO } from '../io.js';

// Completion never fails the shell: a store that cannot be read offers no names.
const orNothing = async (find: () => Promise<string[]>): Promise<string[]> => find().catch(() => []);

/** The state store and presets the typed command line points at (its --state, else the environment). */
function machineNames(io: CliIO, flags: GlobalFlags, given: GivenOptions): NameSource {
  const opts = {
    ...commonOptions(io, { ...flags, quiet: true, verbose: false }),
    ...(given.state ? { state: given.state } : {}),
    ...(given.s3Endpoint ? { s3Endpoint: given.s3Endpoint } : {}),
  };
  const api = () => import('../../api/completion-names.js');
  return {
    clusters: () => orNothing(async () => (await api()).storedClusterNames(opts)),
    presets: () => orNothing(async () => (await api()).presetNames(opts)),
    snapshots: (name) =>
      orNothing(async () =>
        name === undefined ? (await api()).storedSnapshotRefs(opts) : (await api()).storedSnapshotIds({ ...opts, name }),
      ),
  };
}

/** Registers `completion` and the hidden `__complete`. */
export function registerCompletion({ program, io, run }: CommandKit): void {
  program
    .command('completion')
    .description('print the shell completion script (bash: source <(kindling completion bash))')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action(
      run(async (shell: Shell) => {
        io.stdout(completionScript(shell));
      }),
    );
  program
    .command('__complete', { hidden: true })
    .description('print the completions of the last word (called by the completion scripts)')
    .argument('[words...]', 'the words after `kindling`, the last one being completed')
    .allowUnknownOption()
    .action(
      run(async (words: string[], _flags: unknown, cmd: Command) => {
        const result = await completeWords(program, words, (given) => machineNames(io, globals(cmd), given));
        const lines = result.candidates.map((c) => (c.description ? `${c.value}\t${c.description}` : c.value));
        io.stdout(`${[...lines, result.files ? ':files' : ':words'].join('\n')}\n`);
      }),
    );
}
