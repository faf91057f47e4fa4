import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../src/errors.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';
import { rejection } from '../../support/unit/thrown.js';

const tmp = tempDirs();
let root: string;
beforeEach(async () => {
  root = join(await tmp.make(), 'state');
});
afterEach(() => tmp.cleanup());

const store = () =>
  localStateStore(root, { now: () => new Date(0), pid: 1, hostname: 'box', owner: 'me@box', isAlive: () => true, lockTtlMs: 60_000 });
const spec = resolveClusterSpec(builtinPreset('kind'), { name: 'dev' }).spec;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('local store: snapshot parts', () => {
  it('stores a part 0600 under clusters/<name>/snapshots/<id>/, with its size and sha256, and reads it back', async () => {
    const s = store();
    const part = await s.writeSnapshotPart('dev', 's1', 'objects.json', '[]\n');
    expect(part).toEqual({ path: 'objects.json', bytes: 3, sha256: sha('[]\n') });
    const file = join(root, 'clusters/dev/snapshots/s1/objects.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await text(await s.readSnapshotPart('dev', 's1', 'objects.json'))).toBe('[]\n');
  });

  it('streams a part in chunks into nested folders and hashes what was written', async () => {
    const chunks = [Buffer.from('a'.repeat(70_000)), Buffer.from('b'.repeat(5))];
    const part = await store().writeSnapshotPart('dev', 's1', 'volumes/blog/db.tar.gz', Readable.from(chunks));
    expect(part.bytes).toBe(70_005);
    expect(part.sha256).toBe(sha(Buffer.concat(chunks)));
    // No temp file is left beside it.
    expect(await readdir(join(root, 'clusters/dev/snapshots/s1/volumes/blog'))).toEqual(['db.tar.gz']);
  });

  it('a stream that fails leaves no part and no temp file', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('node container went away'));
      },
    });
    await expect(store().writeSnapshotPart('dev', 's1', 'volumes/x.tar.gz', failing)).rejects.toThrow('node container went away');
    expect(await readdir(join(root, 'clusters/dev/snapshots/s1/volumes'))).toEqual([]);
  });

  it('a missing part is NotFoundError; a path that leaves the snapshot is refused', async () => {
    const s = store();
    expect(await rejection(s.readSnapshotPart('dev', 's1', 'objects.json'))).toBeInstanceOf(NotFoundError);
    for (const bad of ['../spec.yaml', 'a//b', '/etc/passwd', 'volumes/../../x']) {
      expect(await rejection(s.writeSnapshotPart('dev', 's1', bad, 'x'))).toBeInstanceOf(InvalidInputError);
    }
  });

  it('snapshots outlive the cluster: has/list ignore them, remove and retire keep them, removeSnapshot takes the last folder', async () => {
    const s = store();
    await s.writeSpec('dev', { generation: 1, spec });
    await s.writeSnapshotPart('dev', 's1', 'manifest.json', '{}');
    await s.writeSnapshotPart('dev', 's2', 'manifest.json', '{}');
    expect(await s.list()).toEqual(['dev']);
    expect(await s.listSnapshots('dev')).toEqual(['s1', 's2']);
    await s.retire('dev', { op: 'down', operationId: 'op1', startedAt: '', outcome: 'succeeded', steps: [] });
    expect(await s.has('dev')).toBe(false);
    expect(await s.list()).toEqual([]);
    expect(await s.listSnapshotOwners()).toEqual(['dev']);
    expect(await s.listSnapshots('dev')).toEqual(['s1', 's2']);
    await s.removeSnapshot('dev', 's1');
    expect(await s.listSnapshots('dev')).toEqual(['s2']);
    await s.removeSnapshot('dev', 's2');
    expect(await s.listSnapshotOwners()).toEqual([]);
    expect(await readdir(join(root, 'clusters'))).toEqual([]);
  });
});
