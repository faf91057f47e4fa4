// The one part of the object dump that touches the outside: a claim's data read from its node container through
// the Docker API (the tar stream `docker cp` gets; the k8s node name is the container name for kind and k3d), gzipped
// and streamed to a file, so that no archive is held in memory whole. Volume data may hold credentials: the
// file is 0600 from the moment it exists.
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { InvalidInputError } from '../../errors.js';
import type { DockerClient } from '../../runtime/docker-client.js';
import type { ClaimVolume } from './claim-volumes.js';

/**
 * Writes the volume's folder as a gzipped tar to `file` (mode 0600, parent folders created), its top folder being
 * the folder's own name; returns the file's size. Rejects with NotFoundError when the node container or the
 * folder is gone; a partly written file is removed.
 */
export async function archiveClaimVolume(docker: DockerClient, volume: ClaimVolume, file: string): Promise<{ bytes: number }> {
  if (volume.node === undefined) {
    const claim = `${volume.namespace}/${volume.claim}`;
    throw new InvalidInputError(`claim ${claim}: no node is known for volume ${volume.volume}, so its data cannot be read`);
  }
  const tar = await docker.readArchive(volume.node, volume.path);
  let handle: FileHandle;
  try {
    await mkdir(dirname(file), { recursive: true });
    // open + chmod: the mode given to open applies only to a new file (and passes through the umask).
    handle = await open(file, 'w', 0o600);
  } catch (err) {
    (tar as Partial<Readable>).destroy?.();
    throw err;
  }
  try {
    await handle.chmod(0o600);
    await pipeline(tar, createGzip(), handle.createWriteStream());
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw err;
  }
  return { bytes: (await stat(file)).size };
}
