// What every command file receives: the program to attach to, the process IO, and a wrapper that turns
// thrown errors into the exit code through the one handler.
import { InvalidArgumentError, type Command } from 'commander';
import type { CliIO } from './io.js';
import type { GlobalFlags } from './global-options.js';

/** Wraps a command action: errors are handled once, centrally. */
export type ActionWrapper = <A extends unknown[]>(fn: (...args: A) => Promise<void>) => (...args: A) => Promise<void>;

/** The tools a command registers with. */
export interface CommandKit {
  program: Command;
  io: CliIO;
  run: ActionWrapper;
}

/** Global flags as seen from inside a subcommand. */
export function globals(cmd: Command): GlobalFlags {
  return cmd.optsWithGlobals() as GlobalFlags;
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses a whole number option (commander reports the error and the CLI exits 2). */
export function integer(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number.`);
  return Number(value);
}
