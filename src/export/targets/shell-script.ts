// Commands as argument lists, rendered for a POSIX shell. Every argument goes through shellQuote, so a value
// from --set can never become shell syntax.

/** One step of a script: what it is for, the variables it exports, and its commands as argument lists. */
export interface ScriptStep {
  comment: string[];
  env?: Array<[name: string, value: string]>;
  commands: string[][];
}

/** A script: a header comment and its steps, in order. */
export interface Script {
  header: string[];
  steps: ScriptStep[];
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `arg` as one POSIX shell word: bare when it holds only safe characters, else single-quoted. */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Comment lines, `# ` before each; a line break in the text starts another comment line. */
export function commentLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(/\r\n|\r|\n/)).map((line) => `# ${line}`);
}

/** The command words before the first flag, e.g. `az aks create`. */
export function commandName(argv: readonly string[]): string {
  const first = argv.findIndex((a) => a.startsWith('-'));
  return argv.slice(0, first < 0 ? argv.length : first).join(' ');
}

// A long command gets one flag (with its values) per line, so it stays readable and diffs well.
function renderCommand(argv: readonly string[]): string {
  const oneLine = argv.map(shellQuote).join(' ');
  if (oneLine.length <= 100) return oneLine;
  const groups: string[][] = [];
  argv.forEach((arg, i) => {
    if (i === 0 || arg.startsWith('-')) groups.push([]);
    groups.at(-1)!.push(shellQuote(arg));
  });
  return groups.map((g, i) => `${i === 0 ? '' : '    '}${g.join(' ')}`).join(' \\\n');
}

function renderStep(step: ScriptStep): string {
  const comments = commentLines(step.comment);
  const env = (step.env ?? []).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  return [...comments, ...env, ...step.commands.map(renderCommand)].join('\n');
}

/** The script's text: `#!/bin/sh`, `set -eu`, the header, then each step after a blank line. */
export function renderScript(script: Script): string {
  const header = ['#!/bin/sh', ...commentLines(script.header), 'set -eu'].join('\n');
  return `${[header, ...script.steps.map(renderStep)].join('\n\n')}\n`;
}
