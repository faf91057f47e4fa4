// Copies each claim's folder from its node container through the Docker archive API (the tar `docker cp`
// reads), gzipped on the way into the state store; nothing is held in memory whole.
import type { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { volumeArchiveFile } from '../../export/dump/restore-names.js';
import type { Action } from '../action.js';
import type { SnapshotState } from './snapshot-state.js';

/** The copy-volumes step. */
export const copyVolumes: Action<SnapshotState> = {
  id: 'copy-volumes',
  async run(ctx, state) {
    const volumes = state.dump?.volumes ?? [];
    if (volumes.length === 0) return;
    const docker = await ctx.docker();
    for (const v of volumes) {
      const part = volumeArchiveFile(v);
      const tar = (await docker.readArchive(v.node!, v.path)) as Readable;
      const gzip = createGzip();
      tar.once('error', (err) => gzip.destroy(err));
      const stored = await ctx.store.writeSnapshotPart(state.spec.name, state.plan.snapshot, part, tar.pipe(gzip));
      state.parts.push(stored);
      const { namespace, claim, volume, path, accessModes, size, storageClass } = v;
      state.volumes.push({
        namespace,
        claim,
        volume,
        node: v.node!,
        path,
        ...(storageClass === undefined ? {} : { storageClass }),
        accessModes,
        size,
        part,
      });
      ctx.logger.debug(`copied ${namespace}/${claim} from ${v.node}:${path} (${stored.bytes} bytes)`);
    }
  },
};
