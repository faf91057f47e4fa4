// Global flags (--state, --s3-endpoint, --docker-context, --kubeconfig, --verbose, --quiet) and how they become the library's CommonOptions.
import { resolve } from 'node:path';
import type { CommonOptions } from '../context.js';
import type { Logger } from '../logger.js';
import type { CliIO } from './io.js';

/** Parsed global flags. */
export interface GlobalFlags {
  state?: string;
  s3Endpoint?: string;
  dockerContext?: string;
  /** The kubeconfig file to merge into or read from, as kubectl's --kubeconfig (sets KUBECONFIG for the command). */
  kubeconfig?: string;
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
    ...(flags.dockerContext ? { dockerContext: flags.dockerContext } : {}),
    env: flags.kubeconfig ? { ...io.env, KUBECONFIG: resolve(io.cwd, flags.kubeconfig) } : io.env,
    cwd: io.cwd,
    logger: stderrLogger(io, flags),
    progress: flags.quiet ? 'silent' : io.stderrIsTTY ? 'tty' : 'plain',
    ...(io.signal ? { signal: io.signal } : {}),
  };
}
