// The composition root: the one place that turns options into real collaborators (execa runner,
// dockerode client, clock, environment, state store). Tests pass their own through the same options.
import { hostname, tmpdir, userInfo } from 'node:os';
import { procHostFacts } from '../doctor/host-facts.js';
import type { Engine } from '../engines/engine.js';
import { k3dEngine } from '../engines/k3d/engine.js';
import { kindEngine } from '../engines/kind/engine.js';
import type { EngineName } from '../presets/schema.js';
import type { DockerClient } from '../runtime/docker-client.js';
import { connectRealDocker } from '../runtime/docker-endpoint/connect-real.js';
import { engineEnv } from '../runtime/docker-endpoint/engine-env.js';
import { netPortProbe } from '../runtime/port-probe.js';
import { createExecaRunner, type ProcessListener, type ProcessRunner } from '../runtime/process-runner.js';
import { localStateStore } from '../state/local-store.js';
import { s3CacheDir, stateLocation } from '../state/locate-store.js';
import { objectStateStore } from '../state/object-store.js';
import { parseS3Url, s3Backend } from '../runtime/s3-backend.js';
import { silentLogger } from '../logger.js';
import { processAlive } from '../runtime/process-alive.js';
import type { CommonOptions, Context } from '../context.js';

/** The subnets this host routes, from /proc/net/route (none where there is no such file); the default route left out. */
async function routedSubnets(): Promise<readonly string[]> {
  const routes = (await procHostFacts().routes()) ?? [];
  return routes.map((r) => r.cidr).filter((cidr) => !cidr.endsWith('/0'));
}

/** Builds the context from options; connects to Docker and spawns nothing until asked. */
export function createContext(opts: CommonOptions = {}): Context {
  const env = opts.env ?? process.env;
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? silentLogger;
  const storeEnv = {
    now,
    pid: process.pid,
    hostname: hostname(),
    owner: `${userInfo().username}@${hostname()}`,
    isAlive: processAlive,
    lockTtlMs: 60 * 60 * 1000,
  };
  const location = stateLocation(opts.state, env);
  const s3 = parseS3Url(location);
  const store = s3
    ? objectStateStore(
        s3Backend({ ...s3, ...(opts.s3Endpoint ? { endpoint: opts.s3Endpoint } : {}) }, env, (m) => logger.debug(m)),
        {
          ...storeEnv,
          cacheDir: s3CacheDir(s3.bucket, s3.prefix, env),
          logger,
        },
      )
    : localStateStore(location, storeEnv);
  let docker: Promise<DockerClient> | undefined = opts.docker ? Promise.resolve(opts.docker) : undefined;
  let runner: Promise<ProcessRunner> | undefined = opts.runner ? Promise.resolve(opts.runner) : undefined;
  const engines = new Map<EngineName, Engine>();
  const processListeners = new Set<ProcessListener>();
  const getDocker = () =>
    (docker ??= connectRealDocker(env, {
      log: (m) => logger.debug(m),
      ...(opts.dockerContext ? { dockerContext: opts.dockerContext } : {}),
    }));
  return {
    env,
    host: storeEnv.hostname,
    cwd: opts.cwd ?? process.cwd(),
    store,
    logger,
    progress: opts.progress ?? 'silent',
    signal: opts.signal,
    portProbe: opts.portProbe ?? netPortProbe,
    now,
    hostRoutes: opts.hostRoutes ?? (opts.docker ? async () => [] : routedSubnets),
    docker: getDocker,
    kubeApi: opts.kubeApi ?? ((kubeconfig) => import('../runtime/kube-api.js').then((m) => m.clientNodeKubeApi(kubeconfig))),
    watchProcesses(listener) {
      processListeners.add(listener);
      return () => processListeners.delete(listener);
    },
    async engine(name) {
      const cached = engines.get(name);
      if (cached) return cached;
      const run = await (runner ??= createExecaRunner((event) => {
        for (const l of processListeners) l(event);
      }));
      // The engines must talk to the same Docker engine kindling found (its host, TLS files, podman or not).
      const client = await getDocker();
      const envForEngine = engineEnv(env, name, client.endpointInfo ?? { url: client.endpoint });
      const binary = opts.binaries?.[name] ?? env[name === 'kind' ? 'KINDLING_KIND_BINARY' : 'KINDLING_K3D_BINARY'] ?? name;
      const common = { binary, runner: run, env: envForEngine, tmpDir: env.TMPDIR ?? tmpdir() };
      const engine = name === 'kind' ? kindEngine(common) : k3dEngine(common);
      engines.set(name, engine);
      return engine;
    },
  };
}
