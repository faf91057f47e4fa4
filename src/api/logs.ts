// `logs`: one .tar.gz (0600) to attach to a bug report: the engine's own log export, every node container's
// logs, events, nodes and pods from the Kubernetes API, kindling's records of the cluster and the doctor's
// report, every text redacted (no kubeconfig, keys, tokens, passwords or Secret data).
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import type { CommonOptions } from '../context.js';
import { archiveBaseName } from '../logs/archive-name.js';
import { collectLogs, type LogsArchive } from '../logs/collect-logs.js';
import { createContext } from './create-context.js';
import { doctor } from './doctor.js';

export type { LogsArchive } from '../logs/collect-logs.js';

/** Options of `logs`. */
export interface LogsOptions extends CommonOptions {
  name: string;
  /** The archive's path (relative to cwd); default ./kindling-logs-<name>-<yyyymmdd-hhmmss>.tar.gz (UTC). */
  out?: string;
  /** Replace the file when it exists (else ConflictError, exit 4). */
  force?: boolean;
}

/** Writes the archive; NotFoundError when the store knows nothing of the cluster. Parts that cannot be read
 * are listed in the result's errors (and the archive's errors.txt): the archive is made all the same. */
export async function logs(opts: LogsOptions): Promise<LogsArchive> {
  const ctx = createContext(opts);
  const top = archiveBaseName(opts.name, ctx.now());
  return collectLogs(ctx, {
    name: opts.name,
    path: resolve(ctx.cwd, opts.out ?? `${top}.tar.gz`),
    top,
    replace: opts.force === true,
    tmpDir: ctx.env.TMPDIR ?? tmpdir(),
    extras: [{ path: 'kindling/doctor.yaml', read: async () => stringify(await doctor(opts), { lineWidth: 0 }) }],
  });
}
