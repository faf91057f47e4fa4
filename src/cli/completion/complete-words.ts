// What `kindling __complete WORDS...` offers for the last word: subcommands and flags read from the commander
// program itself (so a new command or flag is completed without touching this file), and the values of flags
// and arguments by what they name (a cluster, a preset, a snapshot, an output format, a file).
import type { Argument, Command, Option } from 'commander';

/** One completion: the word, and a short description for shells that show one (zsh, fish). */
export interface Candidate {
  value: string;
  description?: string;
}

/** The answer: candidates, or `files` when the shell should complete file names itself. */
export interface Completion {
  candidates: Candidate[];
  files: boolean;
}

/** The names only the machine knows, looked up when a value needs them. */
export interface NameSource {
  clusters(): Promise<string[]>;
  presets(): Promise<string[]>;
  /** Snapshots of one cluster; `cluster/snapshot` for all when `cluster` is undefined. */
  snapshots(cluster?: string): Promise<string[]>;
}

/** The values of the options given before the cursor (by attribute name, e.g. `state`), for the NameSource. */
export type GivenOptions = Record<string, string>;

const FORMATS = ['text', 'json', 'yaml'];
const CLUSTER_ARGUMENTS = ['name', 'names', 'cluster', 'clusters'];

/** Every option that applies in `cmd`: its own and its ancestors' (the global ones), hidden ones too. */
function optionsInScope(cmd: Command): Option[] {
  const out: Option[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) {
    for (const o of c.createHelp().visibleOptions(c)) if (!out.some((x) => x.flags === o.flags)) out.push(o);
    for (const o of c.options) if (!out.includes(o)) out.push(o);
  }
  return out;
}

function findOption(cmd: Command, flag: string): Option | undefined {
  return optionsInScope(cmd).find((o) => o.long === flag || o.short === flag);
}

const takesValue = (o: Option) => o.required || o.optional;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Where the cursor is: the command reached, its positional arguments so far, a flag waiting for its value. */
interface Position {
  command: Command;
  positionals: string[];
  pending: Option | undefined;
  given: GivenOptions;
}

/** bash splits words at `=` (`--flag=value` arrives as `--flag`, `=`, `value`): join the pieces back. */
function joinEquals(words: readonly string[]): string[] {
  const out: string[] = [];
  let glue = false;
  for (const w of words) {
    if (out.length > 0 && (w === '=' || glue)) out[out.length - 1] += w;
    else out.push(w);
    glue = w === '=';
  }
  return out;
}

function walk(program: Command, done: readonly string[]): Position {
  const at: Position = { command: program, positionals: [], pending: undefined, given: {} };
  let operandsOnly = false;
  for (const word of done) {
    if (at.pending) {
      at.given[at.pending.attributeName()] = word;
      at.pending = undefined;
    } else if (operandsOnly || !word.startsWith('-') || word === '-') {
      const sub =
        at.positionals.length === 0 ? at.command.commands.find((c) => c.name() === word || c.aliases().includes(word)) : undefined;
      if (sub) at.command = sub;
      else at.positionals.push(word);
    } else if (word === '--') {
      operandsOnly = true;
    } else {
      const [flag, value] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
      const option = findOption(at.command, flag);
      if (option && takesValue(option)) {
        if (value === undefined) at.pending = option;
        else at.given[option.attributeName()] = value;
      }
    }
  }
  return at;
}

/** The placeholder of a flag's value, e.g. `preset` for `-p, --preset <preset>`. */
const placeholder = (o: Option) => /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? '';

async function optionValues(o: Option, partial: string, names: NameSource): Promise<Completion> {
  const words = (list: string[]): Completion => ({ candidates: list.map((value) => ({ value })), files: false });
  if (o.argChoices) return words(o.argChoices);
  const kind = placeholder(o);
  if (kind === 'preset')
    return partial.includes('/') || partial.startsWith('.') ? { candidates: [], files: true } : words(await names.presets());
  if (kind === 'cluster/snapshot') return words(await names.snapshots());
  if (kind === 'format') return words(FORMATS.filter((f) => new RegExp(`\\b${f}\\b`).test(o.description)));
  if (/dir|file|path/.test(kind)) return { candidates: [], files: true };
  return words([]);
}

async function argumentValues(cmd: Command, at: Position, partial: string, names: NameSource): Promise<Candidate[]> {
  const args: readonly Argument[] = cmd.registeredArguments;
  const last = args[args.length - 1];
  const arg = args[at.positionals.length] ?? (last?.variadic ? last : undefined);
  if (!arg) return [];
  const list = async (): Promise<string[]> => {
    if (arg.argChoices) return arg.argChoices;
    if (CLUSTER_ARGUMENTS.includes(arg.name())) return names.clusters();
    if (arg.name() === 'preset') return partial.includes('/') ? [] : names.presets();
    if (arg.name() === 'snapshot') return names.snapshots(at.positionals[at.positionals.length - 1]);
    return [];
  };
  const taken = arg.variadic ? at.positionals : [];
  return (await list()).filter((v) => !taken.includes(v)).map((value) => ({ value, description: oneLine(arg.description) }));
}

function flagCandidates(cmd: Command): Candidate[] {
  return optionsInScope(cmd)
    .filter((o) => !o.hidden)
    .map((o) => ({ value: o.long ?? o.short ?? '', description: oneLine(o.description) }))
    .filter((c) => c.value !== '');
}

function subcommandCandidates(cmd: Command): Candidate[] {
  return cmd
    .createHelp()
    .visibleCommands(cmd)
    .map((c) => ({ value: c.name(), description: oneLine(c.summary() || c.description()) }));
}

/** The completions of the last word of `words` (the words after the program name; the last may be ''). */
export async function completeWords(
  program: Command,
  words: readonly string[],
  names: (given: GivenOptions) => NameSource,
): Promise<Completion> {
  const joined = joinEquals(words.length === 0 ? [''] : words);
  const partial = joined[joined.length - 1]!;
  const at = walk(program, joined.slice(0, -1));
  const source = names(at.given);
  const matching = (c: Completion, prefix = ''): Completion => ({
    files: c.files,
    candidates: c.candidates.map((x) => ({ ...x, value: `${prefix}${x.value}` })).filter((x) => x.value.startsWith(partial)),
  });
  if (at.pending) return matching(await optionValues(at.pending, partial, source));
  const eq = partial.indexOf('=');
  const inline = partial.startsWith('--') && eq > 0 ? findOption(at.command, partial.slice(0, eq)) : undefined;
  if (inline && takesValue(inline)) return matching(await optionValues(inline, partial.slice(eq + 1), source), partial.slice(0, eq + 1));
  if (partial.startsWith('-')) return matching({ candidates: flagCandidates(at.command), files: false });
  const subcommands = at.positionals.length === 0 ? subcommandCandidates(at.command) : [];
  return matching({ candidates: [...subcommands, ...(await argumentValues(at.command, at, partial, source))], files: false });
}
