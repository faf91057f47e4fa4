// The one interface both engines implement: a few verbs, nothing backend-specific.
import type { Plan } from '../plan/plan.js';
import type { EngineName } from '../presets/schema.js';
import type { EngineNaming } from './naming.js';

/** What `version` found. */
export interface EngineVersion {
  engine: EngineName;
  /** e.g. v0.32.0 */
  version: string;
  binary: string;
}

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
  /** Creates the cluster from the plan's engine config. Throws EngineFailedError with the engine's own text. */
  create(plan: Plan, opts: CreateOptions): Promise<void>;
  /** Deletes the cluster; succeeds when nothing exists. */
  delete(name: string): Promise<void>;
  /** The cluster's kubeconfig as the engine writes it. */
  kubeconfig(name: string): Promise<string>;
  /** Copies images from the local Docker into every node (kind load docker-image / k3d image import). */
  loadImages(name: string, images: readonly string[]): Promise<void>;
}
