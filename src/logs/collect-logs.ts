// Fills one logs archive for a cluster: kindling's records, the engine's export, every node container's logs,
// and events, nodes and pods from the Kubernetes API. Each part that cannot be read is noted in errors.txt and
// the rest goes on: a broken cluster is when the logs are wanted. The kubeconfig never goes in.
import { access } from 'node:fs/promises';
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import { logBundle } from './bundle.js';
import { addEngineExport } from './engine-export.js';
import { addKubeObjects } from './kube-objects.js';
import { addNodeLogs } from './node-logs.js';
import { addStoreRecords, engineOf, readStoreRecords } from './store-records.js';
import { archiveExists, openTarGz } from './tar-gz.js';

/** One more text for the archive, from a layer above (the doctor's report). */
export interface ExtraText {
  path: string;
  read(): Promise<string>;
}

/** Which cluster, where the archive goes, its top folder, whether it may replace a file, where temp files go. */
export interface CollectLogsRequest {
  name: string;
  path: string;
  top: string;
  replace: boolean;
  tmpDir: string;
  extras?: readonly ExtraText[];
}

/** The archive written: its path and size, the files it holds (under its top folder) and what could not be read. */
export interface LogsArchive {
  name: string;
  path: string;
  bytes: number;
  files: string[];
  errors: string[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Writes the archive; NotFoundError when the store knows nothing of the cluster, ConflictError when the file exists. */
export async function collectLogs(ctx: Context, req: CollectLogsRequest): Promise<LogsArchive> {
  const records = await readStoreRecords(ctx, req.name);
  if (!records.stored && !records.status && records.history.length === 0)
    throw new NotFoundError('cluster', `no cluster named "${req.name}" in the state store (${ctx.store.location})`, 'see `kindling list`');
  if (!req.replace && (await exists(req.path))) throw archiveExists(req.path);
  const writer = openTarGz(req.path, { replace: req.replace, mtime: ctx.now() });
  const bundle = logBundle(writer, req.top);
  try {
    await addStoreRecords(ctx, req.name, records, bundle);
    const spec = records.stored?.spec ?? records.history.findLast((h) => h.spec)?.spec;
    const engine = engineOf(records);
    if (spec) {
      ctx.logger.info(`asking ${spec.engine} to export the logs of "${req.name}"`);
      await addEngineExport(ctx, spec, req.tmpDir, bundle);
    } else bundle.failed('engine export', new Error('the store holds no spec of the cluster, so no engine to ask'));
    if (engine) {
      ctx.logger.info("reading the node containers' logs");
      await addNodeLogs(ctx, req.name, engine, bundle);
    }
    ctx.logger.info('reading events, nodes and pods from the Kubernetes API');
    await addKubeObjects(ctx, req.name, bundle);
    for (const extra of req.extras ?? []) {
      try {
        await bundle.add(extra.path, await extra.read());
      } catch (err) {
        bundle.failed(extra.path, err);
      }
    }
    await bundle.writeErrors();
    const { bytes } = await writer.finish();
    return { name: req.name, path: req.path, bytes, files: bundle.files.map((f) => `${req.top}/${f}`), errors: [...bundle.errors] };
  } catch (err) {
    await writer.discard();
    throw err;
  }
}
