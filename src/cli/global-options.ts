// Global flags (--state, --s3-endpoint, --verbose, --quiet) and how they become the library's CommonOptions.
import type { CommonOptions } from '../context.js';
import type { Logger } from '../logger.js';
import type { CliIO } from './io.js';

/** Parsed global flags. */
export interface GlobalFlags {
  state?: string;
  s3Endpoint?: string;
  verbose?: boolean;
  quiet?: boolean;
}

/** A logger that writes to stderr: warnings always (unless quiet), info unless quiet, debug when verbose. */
export function stderrLogger(io: CliIO, flags: GlobalFlags): Logger {
  return {
    debug: (m) => flags.verbose && io.stderr(`debug: ${m}\n`),
    info: (m) => !flags.quiet && io.stderr(`${m}\n`),
    warn: (m) => !flags.quiet && io.stderr(`warning: ${m}\n`),
  } as Logger;
}

/** The library options for a command run from the CLI. */
export function commonOptions(io: CliIO, flags: GlobalFlags): CommonOptions {
  return {
    ...(flags.state ? { state: flags.state } : {}),
    ...(flags.s3Endpoint ? { s3Endpoint: flags.s3Endpoint } : {}),
    env: io.env,
    cwd: io.cwd,
    logger: stderrLogger(io, flags),
    progress: flags.quiet ? 'silent' : io.stderrIsTTY ? 'tty' : 'plain',
    ...(io.signal ? { signal: io.signal } : {}),
  };
}
