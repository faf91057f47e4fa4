// The state store contract (test/support/store-contract.ts) on the directory store and on the object store
// over an in-memory backend with S3's conditional-write rules; the integration tier runs it on a real S3 server.
import { join } from 'node:path';
import { silentLogger } from '../../../src/logger.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { objectStateStore } from '../../../src/state/object-store.js';
import { BASE_MACHINE, storeContract } from '../../support/store-contract.js';
import { MemoryObjects } from '../../support/unit/memory-objects.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();

storeContract('directory store', async () => {
  const root = join(await tmp.make(), 'state');
  return {
    store: (m = {}) => localStateStore(root, { ...BASE_MACHINE, owner: 'me@box', ...m }),
    cleanup: () => tmp.cleanup(),
  };
});

storeContract('object store (in memory)', async () => {
  const backend = new MemoryObjects();
  const dir = await tmp.make();
  let n = 0;
  return {
    // Each machine has its own local cache, as two laptops would.
    store: (m = {}) =>
      objectStateStore(backend, { ...BASE_MACHINE, owner: 'me@box', ...m, cacheDir: join(dir, `cache-${n++}`), logger: silentLogger }),
    cleanup: () => tmp.cleanup(),
  };
});
