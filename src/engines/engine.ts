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
  /** Creates the cluster `spec` names from the engine's own config. Throws EngineFailedError with the engine's own text. */
  create(spec: ClusterSpec, config: EngineConfig, opts: CreateOptions): Promise<void>;
  /** Deletes the cluster; succeeds when nothing exists. */
  delete(name: string): Promise<void>;
  /** The cluster's kubeconfig as the engine writes it. */
  kubeconfig(name: string): Promise<string>;
  /** Copies images from the local Docker into every node (kind load docker-image / k3d image import). */
  loadImages(name: string, images: readonly string[]): Promise<void>;
}
