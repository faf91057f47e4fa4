// k3d has no log export: its cluster list (this cluster) and node list (narrowed to this cluster's nodes), each
// tried, written 0600 into the folder; the first failure is reported after the rest was written.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineFailedError } from '../../../../src/errors.js';
import { EXPORT_LOGS_TIMEOUT_MS } from '../../../../src/engines/engine.js';
import { clusterNodeList, k3dEngine } from '../../../../src/engines/k3d/engine.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner, type RecordedCall } from '../../../../src/runtime/recorded-process-runner.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';

let tmpDir: string;
useTempDir((dir) => {
  tmpDir = dir;
});

const { spec } = planUp(builtinPreset('k3d'), { name: 'dev' });
const CLUSTERS = '[{"name":"dev","token":"t0ken","serversRunning":1}]';
const NODES = JSON.stringify([
  { name: 'k3d-dev-server-0', role: 'server', runtimeLabels: { 'k3d.cluster': 'dev' } },
  { name: 'k3d-other-server-0', role: 'server', runtimeLabels: { 'k3d.cluster': 'other' } },
]);

function engineWith(script: RecordedCall[]) {
  const runner = recordedRunner(script);
  return { runner, engine: k3dEngine({ binary: 'k3d', runner, env: {}, tmpDir }) };
}

describe('k3d engine: exportLogs', () => {
  it("writes `k3d cluster list N -o json` and this cluster's part of `k3d node list -o json`, 0600", async () => {
    const out = join(tmpDir, 'export');
    const { runner, engine } = engineWith([
      { file: 'k3d', args: ['cluster', 'list', 'dev', '-o', 'json'], result: { stdout: CLUSTERS } },
      { file: 'k3d', args: ['node', 'list', '-o', 'json'], result: { stdout: NODES } },
    ]);
    await engine.exportLogs(spec, out);
    runner.assertDone();
    expect(runner.calls.map((c) => c.opts.timeoutMs)).toEqual([EXPORT_LOGS_TIMEOUT_MS, EXPORT_LOGS_TIMEOUT_MS]);
    expect((await readdir(out)).sort()).toEqual(['cluster-list.json', 'node-list.json']);
    expect(await readFile(join(out, 'cluster-list.json'), 'utf8')).toBe(CLUSTERS);
    expect(JSON.parse(await readFile(join(out, 'node-list.json'), 'utf8')).map((n: { name: string }) => n.name)).toEqual([
      'k3d-dev-server-0',
    ]);
    expect((await stat(join(out, 'node-list.json'))).mode & 0o777).toBe(0o600);
  });

  it('a failing list is reported after the other was written', async () => {
    const out = join(tmpDir, 'export');
    const { engine } = engineWith([
      {
        file: 'k3d',
        args: ['cluster', 'list', 'dev', '-o', 'json'],
        result: { exitCode: 1, stderr: 'FATA[0000] No nodes found for given cluster' },
      },
      { file: 'k3d', args: ['node', 'list', '-o', 'json'], result: { stdout: '[]' } },
    ]);
    await expect(engine.exportLogs(spec, out)).rejects.toBeInstanceOf(EngineFailedError);
    expect(await readdir(out)).toEqual(['node-list.json']);
  });

  it('clusterNodeList keeps text that is not a JSON list as it is', () => {
    expect(clusterNodeList('not json', 'dev')).toBe('not json');
    expect(clusterNodeList('{"a":1}', 'dev')).toBe('{"a":1}');
  });
});
