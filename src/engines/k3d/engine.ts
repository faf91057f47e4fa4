// The k3d engine: `k3d cluster create --config FILE --timeout` (config in a 0600 temp file that is always
// removed), `k3d cluster delete`, `k3d kubeconfig get`. LOG_COLORS=false keeps its output parseable.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { EngineFailedError, EnvironmentError } from '../../errors.js';
import { EXPORT_LOGS_TIMEOUT_MS, type Engine, type EngineVersion, type NativeStartStop, type NodeScaling } from '../engine.js';
import { k3dNaming } from '../../model/engine-naming.js';
import { runEngine, type EngineBinary } from '../run-engine.js';
import { withTempDir, writePrivateFile } from '../temp-file.js';
import { classifyK3dFailure, k3dErrorLines } from './errors.js';

/** What the k3d engine needs: the binary, a runner, the environment and a temp folder. */
export interface K3dEngineOptions extends Omit<EngineBinary, 'engine' | 'classify'> {
  tmpDir: string;
}

/** k3d's --timeout takes a Go duration; round up to whole seconds. */
export function k3dTimeout(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))}s`;
}

/** `k3d node list -o json` narrowed to one cluster's nodes (by their k3d.cluster label); unparsable text as it is. */
export function clusterNodeList(json: string, cluster: string): string {
  try {
    const nodes = JSON.parse(json) as { runtimeLabels?: Record<string, string> }[];
    if (!Array.isArray(nodes)) return json;
    return `${JSON.stringify(
      nodes.filter((n) => n.runtimeLabels?.['k3d.cluster'] === cluster),
      null,
      2,
    )}\n`;
  } catch {
    return json;
  }
}

/** Creates the k3d Engine. */
export function k3dEngine(opts: K3dEngineOptions): Engine & NativeStartStop & NodeScaling {
  const bin: EngineBinary = {
    ...opts,
    env: { ...opts.env, LOG_COLORS: 'false' },
    engine: 'k3d',
    classify: (result, action) =>
      classifyK3dFailure(result, action) ??
      new EngineFailedError('k3d', action, {
        command: result.command,
        exitCode: result.exitCode,
        stderr: k3dErrorLines(`${result.stderr}\n${result.stdout}`),
      }),
  };
  return {
    name: 'k3d',
    naming: k3dNaming,
    async version(): Promise<EngineVersion> {
      const out = await runEngine(bin, 'report its version', ['version']);
      const m = /k3d version (v\d+\.\d+\.\d+\S*)/.exec(out);
      if (!m) throw new EnvironmentError('engine-unsupported', `could not read k3d's version from: ${out.trim()}`, 'install k3d v5.9.0');
      return { engine: 'k3d', version: m[1]!, binary: opts.binary };
    },
    async create(spec, config, { timeoutMs, signal }) {
      if (config.engine !== 'k3d') throw new Error(`k3d engine given a ${config.engine} plan`);
      const document = config.document;
      await withTempDir(opts.tmpDir, async (dir) => {
        const file = await writePrivateFile(dir, 'k3d-config.yaml', stringify(document));
        // k3d's own --timeout makes it give up (and roll back) by itself; the runner's limit is a backstop.
        // TMPDIR: k3d leaves copies of the config and per-node hosts files there; they go with the folder.
        await runEngine(bin, `create cluster "${spec.name}"`, ['cluster', 'create', '--config', file, '--timeout', k3dTimeout(timeoutMs)], {
          env: { ...bin.env, TMPDIR: dir },
          timeoutMs: timeoutMs + 60_000,
          signal,
        });
      });
      // Told not to write any kubeconfig: it is asked for afterwards.
      return {};
    },
    async delete(name) {
      // k3d's delete rewrites $KUBECONFIG (even to `clusters: null`) though kindling never let it write
      // there: point it at a throwaway file so the user's kubeconfig stays byte-for-byte the same.
      await withTempDir(opts.tmpDir, (dir) =>
        runEngine(bin, `delete cluster "${name}"`, ['cluster', 'delete', name], {
          env: { ...bin.env, TMPDIR: dir, KUBECONFIG: join(dir, 'kubeconfig') },
        }),
      );
    },
    async loadImages(name, images) {
      await withTempDir(opts.tmpDir, (dir) =>
        runEngine(bin, `import images into "${name}"`, ['image', 'import', '--cluster', name, ...images], {
          env: { ...bin.env, TMPDIR: dir },
        }),
      );
    },
    async exportLogs(spec, dir) {
      // k3d has no export command: its own view of the cluster and its nodes (the node containers' logs are read
      // through the Docker API for both engines). Each list is tried; the first failure is reported afterwards.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const lists: [string, string, string[]][] = [
        ['cluster-list.json', `list cluster "${spec.name}"`, ['cluster', 'list', spec.name, '-o', 'json']],
        ['node-list.json', 'list nodes', ['node', 'list', '-o', 'json']],
      ];
      const failures: unknown[] = [];
      for (const [file, action, args] of lists) {
        try {
          const out = await runEngine(bin, action, args, { timeoutMs: EXPORT_LOGS_TIMEOUT_MS });
          await writePrivateFile(dir, file, file === 'node-list.json' ? clusterNodeList(out, spec.name) : out);
        } catch (err) {
          failures.push(err);
        }
      }
      if (failures.length > 0) throw failures[0];
    },
    async stop(name) {
      await runEngine(bin, `stop cluster "${name}"`, ['cluster', 'stop', name]);
    },
    async start(name, { timeoutMs, signal }) {
      await withTempDir(opts.tmpDir, (dir) =>
        runEngine(bin, `start cluster "${name}"`, ['cluster', 'start', name, '--timeout', k3dTimeout(timeoutMs)], {
          env: { ...bin.env, TMPDIR: dir },
          timeoutMs: timeoutMs + 60_000,
          signal,
        }),
      );
    },
    async addWorker(cluster, { node, image, labels, nodeLabels, timeoutMs }) {
      const labelFlags = [
        ...Object.entries(labels).flatMap(([k, v]) => ['--runtime-label', `${k}=${v}`]),
        ...Object.entries(nodeLabels).flatMap(([k, v]) => ['--k3s-node-label', `${k}=${v}`]),
      ];
      const args = [
        'node',
        'create',
        node,
        '--cluster',
        cluster,
        '--role',
        'agent',
        '--image',
        image,
        ...labelFlags,
        '--wait',
        '--timeout',
        k3dTimeout(timeoutMs),
      ];
      await withTempDir(opts.tmpDir, (dir) =>
        runEngine(bin, `add worker ${node} to "${cluster}"`, args, { env: { ...bin.env, TMPDIR: dir }, timeoutMs: timeoutMs + 60_000 }),
      );
      // k3d names the container k3d-<node>-<replica>.
      return `k3d-${node}-0`;
    },
    async removeNode(container) {
      await runEngine(bin, `remove node ${container}`, ['node', 'delete', container]);
    },
    async kubeconfig(name) {
      const out = await runEngine(bin, `export the kubeconfig of "${name}"`, ['kubeconfig', 'get', name]);
      return out.replace(/^---\n/, '');
    },
  };
}
