// What only the object store does: kubeconfigs asked to be encrypted (and written plainly, said once, where the
// server cannot), and read into a 0600 cache file.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { objectStateStore } from '../../../src/state/object-store.js';
import { BASE_MACHINE } from '../../support/store-contract.js';
import { MemoryObjects } from '../../support/unit/memory-objects.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

async function setup(refuse = false) {
  const backend = new MemoryObjects();
  backend.refuseEncryption = refuse;
  const said: string[] = [];
  const logger = { debug: (m: string) => void said.push(m), info: () => undefined, warn: () => undefined };
  const cacheDir = join(await tmp.make(), 'cache');
  return { backend, said, cacheDir, store: objectStateStore(backend, { ...BASE_MACHINE, owner: 'me', cacheDir, logger }) };
}

describe('object store: kubeconfigs', () => {
  it('are written with server-side encryption asked for, and cached 0600 under the cache dir', async () => {
    const { backend, said, cacheDir, store } = await setup();
    const path = await store.writeKubeconfig('dev', 'token: secret\n');
    expect(backend.objects.get('clusters/dev/kubeconfig')).toMatchObject({ encrypted: true });
    expect(path).toBe(join(cacheDir, 'clusters/dev/kubeconfig'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('token: secret\n');
    expect(said).toEqual([]);
  });

  it('where the server cannot encrypt: written as they are, said once with --verbose', async () => {
    const { backend, said, store } = await setup(true);
    await store.writeKubeconfig('a', 'x');
    await store.writeKubeconfig('b', 'y');
    expect(backend.objects.get('clusters/a/kubeconfig')).toMatchObject({ encrypted: false });
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('did not confirm server-side encryption');
  });

  it('a kubeconfig gone from the store is gone from the cache too', async () => {
    const { backend, store } = await setup();
    const path = await store.writeKubeconfig('dev', 'x');
    backend.objects.delete('clusters/dev/kubeconfig');
    expect(await store.kubeconfigPath('dev')).toBeUndefined();
    await expect(stat(path)).rejects.toThrow();
  });
});
