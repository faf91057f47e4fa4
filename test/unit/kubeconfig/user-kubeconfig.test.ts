import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, describe } from 'vitest';
import { parse } from 'yaml';
import { withFileLock } from '../../../src/runtime/file-lock.js';
import { mergeIntoUserKubeconfig, removeFromUserKubeconfig, userKubeconfigPath } from '../../../src/kubeconfig/user-kubeconfig.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';
import { KubeconfigInvalidError } from '../../../src/errors.js';

let dir: string;
useTempDir((d) => {
  dir = d;
});

const cluster = (name: string) =>
  `apiVersion: v1\nclusters:\n- cluster:\n    server: https://127.0.0.1:1\n  name: ${name}\ncontexts:\n- context:\n    cluster: ${name}\n    user: ${name}\n  name: ${name}\ncurrent-context: ${name}\nkind: Config\nusers:\n- name: ${name}\n  user:\n    token: t\n`;
const MINE =
  'apiVersion: v1\nclusters:\n- cluster:\n    server: https://x:1\n  name: mine\ncontexts: []\ncurrent-context: ""\nkind: Config\nusers: []\n';

describe('a kubeconfig that does not parse', () => {
  it('merge refuses it with the file, line and column, and leaves it byte-for-byte as it was', async () => {
    const file = join(dir, 'config');
    const broken = `${MINE}users: [\n`;
    await writeFile(file, broken, { mode: 0o600 });
    const err = await mergeIntoUserKubeconfig(file, cluster('kind-a'), { switchContext: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeconfigInvalidError);
    expect((err as KubeconfigInvalidError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(new RegExp(`^${file}:\\d+:\\d+: not valid YAML`));
    expect(await readFile(file, 'utf8')).toBe(broken);
    expect(existsSync(`${file}.kindling-backup`)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('userKubeconfigPath (kubectl rules)', () => {
  it('the first existing file of KUBECONFIG, else its last entry, else ~/.kube/config', () => {
    const exists = (p: string) => p === '/b';
    expect(userKubeconfigPath({ KUBECONFIG: '/a:/b:/c', HOME: '/h' }, exists)).toBe('/b');
    expect(userKubeconfigPath({ KUBECONFIG: '/a:/c', HOME: '/h' }, exists)).toBe('/c');
    expect(userKubeconfigPath({ HOME: '/h' }, exists)).toBe('/h/.kube/config');
    expect(() => userKubeconfigPath({}, exists)).toThrow('neither KUBECONFIG nor HOME is set');
  });
});

describe('merge and remove in a file', () => {
  it('creates a missing file (0600, folder 0700), and removal leaves the other entries', async () => {
    const file = join(dir, 'kube', 'config');
    const record = await mergeIntoUserKubeconfig(file, cluster('kind-a'), { switchContext: false });
    expect(record).toMatchObject({ file, names: { clusters: ['kind-a'], users: ['kind-a'], contexts: ['kind-a'] } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'kube'))).mode & 0o777).toBe(0o700);
    expect(existsSync(`${file}.kindling-backup`)).toBe(false);
    await removeFromUserKubeconfig(record);
    expect(parse(await readFile(file, 'utf8')).contexts).toEqual([]);
  });

  it('keeps a 0600 backup of the previous content and the file mode it had', async () => {
    const file = join(dir, 'config');
    await writeFile(file, MINE, { mode: 0o640 });
    await mergeIntoUserKubeconfig(file, cluster('kind-a'), { switchContext: true });
    expect(await readFile(`${file}.kindling-backup`, 'utf8')).toBe(MINE);
    expect((await stat(`${file}.kindling-backup`)).mode & 0o777).toBe(0o600);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(parse(await readFile(file, 'utf8'))['current-context']).toBe('kind-a');
  });

  it('writes through a symlink and leaves the link in place', async () => {
    const real = join(dir, 'real-config');
    const link = join(dir, 'config');
    await writeFile(real, MINE, { mode: 0o600 });
    await symlink(real, link);
    await mergeIntoUserKubeconfig(link, cluster('kind-a'), { switchContext: false });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(parse(await readFile(real, 'utf8')).contexts.map((c: { name: string }) => c.name)).toEqual(['kind-a']);
  });

  it('removing from a file that is gone is a no-op', async () => {
    await expect(
      removeFromUserKubeconfig({ file: join(dir, 'gone'), names: { clusters: ['a'], users: [], contexts: [] } }),
    ).resolves.toBeUndefined();
  });

  it('20 merges at once into one file lose nothing', async () => {
    const file = join(dir, 'config');
    await writeFile(file, MINE, { mode: 0o600 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => mergeIntoUserKubeconfig(file, cluster(`kind-c${i}`), { switchContext: false })));
    const kc = parse(await readFile(file, 'utf8'));
    expect(kc.contexts).toHaveLength(20);
    expect(kc.clusters.map((c: { name: string }) => c.name)).toContain('mine');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('withFileLock', () => {
  it('waits for a live lock, then times out naming the lock file', async () => {
    const file = join(dir, 'config');
    await writeFile(`${file}.lock`, '');
    await expect(withFileLock(file, async () => 1, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'kubeconfig-locked', exitCode: 4 });
  });

  it('takes over a lock older than staleMs', async () => {
    const file = join(dir, 'config');
    await mkdir(dir, { recursive: true });
    await writeFile(`${file}.lock`, '');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(`${file}.lock`, old, old);
    await expect(withFileLock(file, async () => 'ran', { timeoutMs: 200, staleMs: 60_000 })).resolves.toBe('ran');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    const file = join(dir, 'config');
    await expect(withFileLock(file, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
