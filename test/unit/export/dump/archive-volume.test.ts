import { readFile, stat, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../../src/errors.js';
import { archiveClaimVolume } from '../../../../src/export/dump/archive-volume.js';
import type { ClaimVolume } from '../../../../src/export/dump/claim-volumes.js';
import { KIND_DATA_VOLUME } from './local-path.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { rejection } from '../../../support/unit/thrown.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { tarOf } from './tar-fixture.js';

let dir = '';
useTempDir((d) => {
  dir = d;
});

const VOLUME: ClaimVolume = KIND_DATA_VOLUME;

const TAR = tarOf([
  { name: 'pvc-1_shop_data/' },
  { name: 'pvc-1_shop_data/PG_VERSION', content: '16\n' },
  { name: 'pvc-1_shop_data/base/1/1259', content: 'x'.repeat(5000) },
]);

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('archiveClaimVolume', () => {
  it("reads the volume's folder from the node's container and writes it gzipped, 0600, creating the folders", async () => {
    const docker = new FakeDocker();
    docker.archives.set('dev-control-plane:/var/local-path-provisioner/pvc-1_shop_data', TAR);
    const file = join(dir, 'state', 'volumes', 'shop', 'data.tar.gz');
    const { bytes } = await archiveClaimVolume(docker, VOLUME, file);
    const written = await readFile(file);
    expect(bytes).toBe(written.length);
    expect(bytes).toBeLessThan(TAR.length);
    expect(gunzipSync(written).equals(TAR)).toBe(true);
    if (process.platform !== 'win32') expect(await mode(file)).toBe(0o600);
    expect(docker.calls).toEqual(['archive dev-control-plane /var/local-path-provisioner/pvc-1_shop_data']);
  });

  it('streams: an archive in many chunks comes out whole', async () => {
    const docker = new FakeDocker();
    const chunks = Array.from({ length: 400 }, (_, i) => Buffer.alloc(16 * 1024, i % 251));
    docker.archives.set(`${VOLUME.node}:${VOLUME.path}`, chunks);
    const file = join(dir, 'big.tar.gz');
    await archiveClaimVolume(docker, VOLUME, file);
    expect(gunzipSync(await readFile(file)).equals(Buffer.concat(chunks))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('makes an existing file 0600 before writing to it', async () => {
    const docker = new FakeDocker();
    docker.archives.set(`${VOLUME.node}:${VOLUME.path}`, TAR);
    const file = join(dir, 'data.tar.gz');
    await writeFile(file, 'old', { mode: 0o644 });
    await archiveClaimVolume(docker, VOLUME, file);
    expect(await mode(file)).toBe(0o600);
    expect(gunzipSync(await readFile(file)).equals(TAR)).toBe(true);
  });

  it('a missing folder or node container rejects with NotFoundError naming both, and writes nothing', async () => {
    const file = join(dir, 'volumes', 'data.tar.gz');
    const err = await rejection(archiveClaimVolume(new FakeDocker(), VOLUME, file));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('/var/local-path-provisioner/pvc-1_shop_data');
    expect(err.message).toContain('dev-control-plane');
    expect(await readdir(dir)).toEqual([]);
  });

  it('a stream that fails half-way leaves no partial file', async () => {
    const docker = new FakeDocker();
    docker.readArchive = async () =>
      Readable.from(
        (async function* () {
          yield TAR.subarray(0, 1024);
          throw new Error('connection reset');
        })(),
      );
    await mkdir(join(dir, 'volumes'));
    const file = join(dir, 'volumes', 'data.tar.gz');
    expect((await rejection(archiveClaimVolume(docker, VOLUME, file))).message).toBe('connection reset');
    expect(await readdir(join(dir, 'volumes'))).toEqual([]);
  });

  it('needs the node', async () => {
    const { node: _node, ...nowhere } = VOLUME;
    const err = await rejection(archiveClaimVolume(new FakeDocker(), nowhere, join(dir, 'x.tar.gz')));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toBe('claim shop/data: no node is known for volume pvc-1, so its data cannot be read');
  });
});
