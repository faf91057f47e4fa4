// The one place errors become exit codes and messages. Known errors print their message and hint;
// anything else is a bug and says so.
import { ExitCode, KindlingError } from '../errors.js';

/** Prints `err` to `write` and returns the process exit code. */
export function handleError(err: unknown, write: (text: string) => void, verbose: boolean): number {
  if (err instanceof KindlingError) {
    write(`error: ${err.message}\n`);
    if (err.hint) write(`hint: ${err.hint}\n`);
    if (verbose && err.details.command) write(`command: ${err.details.command}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  write(`error: unexpected failure: ${e?.message ?? String(err)}\n`);
  write('this is a bug in kindling: please report it with the output of the same command run with --verbose\n');
  if (verbose && e?.stack) write(`${e.stack}\n`);
  return ExitCode.unexpected;
}
