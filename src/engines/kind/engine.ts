// The kind engine: `kind create cluster --config -` (config on stdin), `kind delete cluster`,
// `kind get kubeconfig`, `kind export logs`. kind is given a throwaway --kubeconfig so it never edits the user's file.
import { stringify } from 'yaml';
import { EnvironmentError } from '../../errors.js';
import { EXPORT_LOGS_TIMEOUT_MS, type Engine, type EngineVersion } from '../engine.js';
import { kindNaming } from '../../model/engine-naming.js';
import { runEngine, type EngineBinary } from '../run-engine.js';
import { withTempDir } from '../temp-file.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyKindFailure } from './errors.js';

/** What the kind engine needs: the binary, a runner, the environment and a temp folder. */
export interface KindEngineOptions extends Omit<EngineBinary, 'engine' | 'classify'> {
  tmpDir: string;
}

/** Creates the kind Engine. */
export function kindEngine(opts: KindEngineOptions): Engine {
  const bin: EngineBinary = { ...opts, engine: 'kind', classify: classifyKindFailure };
  const throwaway = <T>(fn: (kubeconfig: string) => Promise<T>) => withTempDir(opts.tmpDir, (dir) => fn(join(dir, 'kubeconfig')));
  return {
    name: 'kind',
    naming: kindNaming,
    async version(): Promise<EngineVersion> {
      const out = await runEngine(bin, 'report its version', ['version']);
      const m = /kind (v\d+\.\d+\.\d+\S*)/.exec(out);
      if (!m)
        throw new EnvironmentError(
          'engine-unsupported',
          `could not read kind's version from: ${out.trim()}`,
          'install kind v0.33.0 (or v0.32.0)',
        );
      return { engine: 'kind', version: m[1]!, binary: opts.binary };
    },
    async create(spec, config, { timeoutMs, signal }) {
      if (config.engine !== 'kind') throw new Error(`kind engine given a ${config.engine} plan`);
      const document = stringify(config.document);
      return throwaway(async (kubeconfig) => {
        await runEngine(
          bin,
          `create cluster "${spec.name}"`,
          ['create', 'cluster', '--name', spec.name, '--config', '-', '--kubeconfig', kubeconfig],
          {
            input: document,
            timeoutMs,
            signal,
          },
        );
        // What kind wrote into the throwaway file is what `kind get kubeconfig` would print: one process fewer.
        const written = await readFile(kubeconfig, 'utf8').catch(() => '');
        return written.includes(`kind-${spec.name}`) ? { kubeconfig: written } : {};
      });
    },
    async delete(name) {
      await throwaway((kubeconfig) =>
        runEngine(bin, `delete cluster "${name}"`, ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfig]),
      );
    },
    kubeconfig: (name) => runEngine(bin, `export the kubeconfig of "${name}"`, ['get', 'kubeconfig', '--name', name]),
    async loadImages(name, images) {
      await runEngine(bin, `load images into "${name}"`, ['load', 'docker-image', '--name', name, ...images]);
    },
    async exportLogs(spec, dir) {
      // kind makes the folder and one sub-folder per node (journal, kubelet, containerd, pod logs, inspect.json).
      await runEngine(bin, `export the logs of "${spec.name}"`, ['export', 'logs', dir, '--name', spec.name], {
        timeoutMs: EXPORT_LOGS_TIMEOUT_MS,
      });
    },
  };
}
