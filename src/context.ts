// What every library verb works with: the options it accepts (CommonOptions) and the collaborators they
// resolve to (Context). Types only; api/create-context.ts builds one, everything below api/ receives one.
import type { Engine } from './engines/engine.js';
import type { Logger } from './logger.js';
import type { EngineName } from './presets/schema.js';
import type { DockerClient } from './runtime/docker-client.js';
import type { KubeApi } from './runtime/kube-api.js';
import type { PortProbe } from './runtime/port-probe.js';
import type { ProcessListener, ProcessRunner } from './runtime/process-runner.js';
import type { StateStore } from './state/state-store.js';

/** How progress is shown: a live TTY view, plain lines, or nothing (the library default). */
export type ProgressMode = 'tty' | 'plain' | 'silent';

/** Options every library verb accepts. All optional; defaults are the real machine. */
export interface CommonOptions {
  /** State store: a directory or s3://bucket/prefix (else KINDLING_STATE, else the XDG state dir). */
  state?: string;
  /** An S3-compatible server's URL for an s3:// store (else AWS_ENDPOINT_URL_S3, else AWS). */
  s3Endpoint?: string;
  /** The Docker context to use, as `docker --context` (else DOCKER_HOST, DOCKER_CONTEXT, config.json's currentContext). */
  dockerContext?: string;
  /** Environment to read (defaults to process.env). Passed on to the engine binaries. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Paths of the engine binaries (else KINDLING_KIND_BINARY / KINDLING_K3D_BINARY, else kind / k3d on PATH). */
  binaries?: Partial<Record<EngineName, string>>;
  logger?: Logger;
  progress?: ProgressMode;
  signal?: AbortSignal;
  runner?: ProcessRunner;
  docker?: DockerClient;
  portProbe?: PortProbe;
  now?: () => Date;
  /** Builds a Kubernetes API client from kubeconfig text (default: @kubernetes/client-node). */
  kubeApi?: (kubeconfig: string) => Promise<KubeApi>;
  /** The IPv4 subnets this host routes (a.b.c.d/n; the default route left out). Default: /proc/net/route, or none with an injected Docker client. */
  hostRoutes?: () => Promise<readonly string[]>;
}

/** Everything a verb needs, resolved once. */
export interface Context {
  env: Record<string, string | undefined>;
  /** This machine's name, as the store records who made a cluster and holds a lock. */
  host: string;
  cwd: string;
  store: StateStore;
  logger: Logger;
  progress: ProgressMode;
  signal: AbortSignal | undefined;
  portProbe: PortProbe;
  now: () => Date;
  /** The IPv4 subnets this host routes, so that a new Docker network avoids them (another engine's bridges). */
  hostRoutes: () => Promise<readonly string[]>;
  docker(): Promise<DockerClient>;
  engine(name: EngineName): Promise<Engine>;
  kubeApi(kubeconfig: string): Promise<KubeApi>;
  /** Follows the child processes the real runner starts (an injected runner reports none); returns the unsubscribe. */
  watchProcesses(listener: ProcessListener): () => void;
}
