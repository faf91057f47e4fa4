// The one interface both engines implement: a few verbs, nothing backend-specific.
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { K3dSimpleConfig } from './k3d/config.js';
import type { KindClusterConfig } from './kind/config.js';
import type { EngineName } from '../presets/schema.js';
import type { EngineNaming } from '../model/engine-naming.js';

/** What `version` found. */
export interface EngineVersion {
  engine: EngineName;
  /** e.g. v0.32.0 */
  version: string;
  binary: string;
}

/** The engine's own config document, as the plan builds it. */
export type EngineConfig = { engine: 'kind'; document: KindClusterConfig } | { engine: 'k3d'; document: K3dSimpleConfig };

/** Options for create: a hard time limit (k3d always gets --timeout) and an abort signal. */
export interface CreateOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** kind or k3d, driven through its binary. */
export interface Engine {
  readonly name: EngineName;
  readonly naming: EngineNaming;
  /** Runs `<binary> version`; throws EnvironmentError when the binary is missing or unusable. */
  version(): Promise<EngineVersion>;
  /** Creates the cluster `spec` names from the engine's own config, returning the kubeconfig when the engine wrote
   * one as it went (kind does), so it need not be asked again. Throws EngineFailedError with the engine's own text. */
  create(spec: ClusterSpec, config: EngineConfig, opts: CreateOptions): Promise<{ kubeconfig?: string }>;
  /** Deletes the cluster; succeeds when nothing exists. */
  delete(name: string): Promise<void>;
  /** The cluster's kubeconfig as the engine writes it. */
  kubeconfig(name: string): Promise<string>;
  /** Copies images from the local Docker into every node (kind load docker-image / k3d image import). */
  loadImages(name: string, images: readonly string[]): Promise<void>;
  /** Writes the engine's own diagnostics of the cluster into the folder `dir` (made when missing): `kind export
   * logs`; k3d has no such command, so its cluster and node lists. Rejects with the engine's error, leaving in
   * `dir` whatever was written before it failed. */
  exportLogs(spec: ClusterSpec, dir: string): Promise<void>;
}

/** How long an engine's log export may take: it runs commands in every node, and a broken node can hang one. */
export const EXPORT_LOGS_TIMEOUT_MS = 5 * 60_000;

/** Options of a native start: a hard time limit and an abort signal. */
export type StartOptions = CreateOptions;

/** An engine with its own stop and start commands (k3d). kind has none: kindling stops and starts kind's
 * node containers through the Docker API, so this is a second interface rather than a wider Engine. */
export interface NativeStartStop {
  /** Stops every node container of the cluster. */
  stop(name: string): Promise<void>;
  /** Starts them again and waits for the engine's own readiness. */
  start(name: string, opts: StartOptions): Promise<void>;
}

/** The engine's own stop/start, when it has one. */
export function nativeStartStop(engine: Engine): NativeStartStop | undefined {
  const e = engine as Partial<NativeStartStop>;
  return typeof e.stop === 'function' && typeof e.start === 'function' ? (e as NativeStartStop) : undefined;
}

/** What adding a worker needs: its node name (the container gets the engine's prefix and suffix), the image,
 * the labels the container carries, and a time limit. */
export interface AddWorkerOptions {
  node: string;
  image: string;
  labels: Record<string, string>;
  /** Kubernetes labels of the node (the preset's nodeLabels). */
  nodeLabels: Record<string, string>;
  timeoutMs: number;
}

/** An engine that adds and removes workers of a running cluster (k3d). kind cannot: it re-creates. */
export interface NodeScaling {
  /** Adds one worker and waits until it registered; returns its container name. */
  addWorker(cluster: string, opts: AddWorkerOptions): Promise<string>;
  /** Removes one node container (the Kubernetes Node object is the caller's to delete). */
  removeNode(container: string): Promise<void>;
}

/** The engine's own node scaling, when it has one. */
export function nodeScaling(engine: Engine): NodeScaling | undefined {
  const e = engine as Partial<NodeScaling>;
  return typeof e.addWorker === 'function' && typeof e.removeNode === 'function' ? (e as NodeScaling) : undefined;
}
