// Reading snapshots back: the manifest, every part checked against its size and sha256 before anything is
// changed, and the object dump.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Context } from '../../context.js';
import { ExitCode, KindlingError, NotFoundError } from '../../errors.js';
import type { KubeObject } from '../../export/kube-object.js';
import { SNAPSHOT_MANIFEST, SNAPSHOT_OBJECTS, type SnapshotManifest } from '../../model/snapshot.js';

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function corrupt(cluster: string, id: string, what: string): KindlingError {
  return new KindlingError('snapshot-corrupt', ExitCode.invalidInput, `snapshot ${cluster}/${id} cannot be used: ${what}`, {
    hint: 'nothing was changed; take a new snapshot, or restore another one (`kindling snapshot list`)',
  });
}

/** The snapshot's manifest; NotFoundError when the snapshot does not exist or was never finished. */
export async function readManifest(ctx: Context, cluster: string, id: string): Promise<SnapshotManifest> {
  const ids = await ctx.store.listSnapshots(cluster);
  if (!ids.includes(id)) {
    throw new NotFoundError(
      'snapshot',
      `cluster "${cluster}" has no snapshot named "${id}" in the state store (${ctx.store.location})`,
      ids.length > 0 ? `it has: ${ids.join(', ')}` : 'see `kindling snapshot list --all`',
    );
  }
  let text: string;
  try {
    text = await readText(await ctx.store.readSnapshotPart(cluster, id, SNAPSHOT_MANIFEST));
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    throw new NotFoundError(
      'snapshot',
      `snapshot ${cluster}/${id} was never finished (it has no ${SNAPSHOT_MANIFEST})`,
      `remove it with \`kindling snapshot delete ${cluster} ${id}\``,
    );
  }
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(text) as SnapshotManifest;
  } catch {
    throw corrupt(cluster, id, `${SNAPSHOT_MANIFEST} is not valid JSON`);
  }
  if (manifest?.kind !== 'Snapshot' || !Array.isArray(manifest.parts) || typeof manifest.spec !== 'object') {
    throw corrupt(cluster, id, `${SNAPSHOT_MANIFEST} is not a kindling snapshot manifest`);
  }
  return manifest;
}

/** Reads the manifest and checks every part's size and sha256; throws (exit 2) naming the first part that differs. */
export async function verifySnapshot(ctx: Context, cluster: string, id: string): Promise<SnapshotManifest> {
  const manifest = await readManifest(ctx, cluster, id);
  for (const part of manifest.parts) {
    let stream: Readable;
    try {
      stream = await ctx.store.readSnapshotPart(cluster, id, part.path);
    } catch (err) {
      if (err instanceof NotFoundError) throw corrupt(cluster, id, `its part ${part.path} is missing`);
      throw err;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== part.sha256 || bytes !== part.bytes) {
      throw corrupt(
        cluster,
        id,
        `${part.path} has sha256 ${sha256} (${bytes} bytes), its manifest says ${part.sha256} (${part.bytes} bytes): it was changed or damaged`,
      );
    }
    ctx.logger.debug(`checked ${part.path}: sha256 ${sha256}`);
  }
  return manifest;
}

/** The snapshot's objects, in restore order. */
export async function readSnapshotObjects(ctx: Context, cluster: string, id: string): Promise<KubeObject[]> {
  const text = await readText(await ctx.store.readSnapshotPart(cluster, id, SNAPSHOT_OBJECTS));
  const objects = JSON.parse(text) as unknown;
  if (!Array.isArray(objects)) throw corrupt(cluster, id, `${SNAPSHOT_OBJECTS} is not a list of objects`);
  return objects as KubeObject[];
}
