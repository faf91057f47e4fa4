// `kindling prune`'s text: grouped lists with reasons, the dry run said as such, notes last.
import { describe, expect, it } from 'vitest';
import type { PruneResult } from '../../../../src/api/prune.js';
import { pruneText } from '../../../../src/cli/commands/prune.js';
import { runCli } from '../../../support/unit/cli.js';

const empty = (): PruneResult['removed'] => ({
  containers: [],
  networks: [],
  volumes: [],
  storeEntries: [],
  locks: [],
  tempFiles: [],
  processes: [],
  kubeconfigEntries: [],
});
const result = (dryRun: boolean, removed: Partial<PruneResult['removed']>, notes: string[] = []): PruneResult => ({
  apiVersion: 'kindling.dev/v1alpha1',
  kind: 'PruneResult',
  dryRun,
  removed: { ...empty(), ...removed },
  notes,
});

describe('kindling prune', () => {
  it('groups what was removed, aligned, with each reason', () => {
    const why = 'cluster o: not in the state store';
    const text = pruneText(
      result(
        true,
        {
          containers: [
            { name: 'k3d-o-server-0', id: '1', cluster: 'o', reason: why },
            { name: 'k3d-o-tools', id: '2', cluster: 'o', reason: why },
          ],
          networks: [{ name: 'k3d-o', cluster: 'o', reason: why }],
          locks: [{ name: 'dev', cluster: 'dev', reason: 'lock held by "stop", pid 9 on box, which is gone' }],
        },
        ['cluster dev: an interrupted "stop" may have left it part-done: run `kindling status dev`'],
      ),
    );
    expect(text).toBe(
      [
        'would remove (dry run):',
        'containers (2):',
        `  k3d-o-server-0   ${why}`,
        `  k3d-o-tools      ${why}`,
        'networks (1):',
        `  k3d-o   ${why}`,
        'locks (1):',
        '  dev   lock held by "stop", pid 9 on box, which is gone',
        'note: cluster dev: an interrupted "stop" may have left it part-done: run `kindling status dev`',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to prune', () => {
    expect(pruneText(result(false, {}))).toBe('nothing to prune\n');
  });

  it('refuses an unknown output format with exit 2', async () => {
    const r = await runCli(['prune', '--dry-run', '-o', 'table']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o table: expected one of text, json, yaml');
  });
});
