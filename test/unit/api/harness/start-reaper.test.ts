import { describe, expect, it } from 'vitest';
import { ensureReaper, reaperArgs, reaperScript } from '../../../../src/api/harness/start-reaper.js';
import { silentLogger } from '../../../../src/logger.js';

describe('the reaper', () => {
  it('runs from dist/ when the library runs from its TypeScript sources', () => {
    const here = 'file:///repo/src/api/harness/start-reaper.ts';
    expect(reaperScript(here, (p) => p === '/repo/dist/api/harness/reaper.js')).toBe('/repo/dist/api/harness/reaper.js');
    expect(reaperScript('file:///pkg/dist/api/harness/start-reaper.js', () => true)).toBe('/pkg/dist/api/harness/reaper.js');
    expect(reaperScript(here, () => false)).toBeUndefined();
  });

  it('is started once per store, as node with an argument array, detached with the given environment', () => {
    const spawned: Array<{ file: string; args: string[]; env: Record<string, string> }> = [];
    const run = (file: string, args: string[], opts: { env: Record<string, string> }) => void spawned.push({ file, args, env: opts.env });
    const target = { state: '/tmp/store-a', env: { PATH: '/bin', GONE: undefined }, cwd: '/', binaries: { kind: '/opt/kind' } };
    expect(ensureReaper(target, silentLogger, run, '/pkg/reaper.js')).toBe(true);
    expect(ensureReaper(target, silentLogger, run, '/pkg/reaper.js')).toBe(true);
    expect(ensureReaper({ ...target, state: 's3://bucket/team' }, silentLogger, run, '/pkg/reaper.js')).toBe(true);
    expect(spawned.map((s) => s.args)).toEqual([
      ['/pkg/reaper.js', '--parent', String(process.pid), '--state', '/tmp/store-a', '--kind', '/opt/kind'],
      ['/pkg/reaper.js', '--parent', String(process.pid), '--state', 's3://bucket/team', '--kind', '/opt/kind'],
    ]);
    expect(spawned[0]!.file).toBe(process.execPath);
    expect(spawned[0]!.env).toEqual({ PATH: '/bin' });
  });

  it('names every way to reach Docker and the store', () => {
    expect(
      reaperArgs('/r.js', 10, {
        state: 's3://b/p',
        s3Endpoint: 'http://127.0.0.1:9000',
        dockerContext: 'colima',
        env: {},
        cwd: '/',
        binaries: { k3d: '/k3d' },
      }),
    ).toEqual([
      '/r.js',
      '--parent',
      '10',
      '--state',
      's3://b/p',
      '--s3-endpoint',
      'http://127.0.0.1:9000',
      '--docker-context',
      'colima',
      '--k3d',
      '/k3d',
    ]);
  });
});
