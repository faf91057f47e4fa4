// kindling's public API: a few verbs taking one options object each. Re-exports only.
export { up, type UpOptions } from './api/up.js';
export { down, type DownOptions, type DownResult } from './api/down.js';
export { list, status, type ClusterSummary } from './api/list.js';
export { plan, type PlanOptions } from './api/plan.js';
export { kubeconfig, type KubeconfigResult } from './api/kubeconfig.js';
export { load, type LoadOptions, type LoadResult } from './api/load.js';
export { promote, type PromoteOptions, type PromoteResult } from './api/promote.js';
export { restore, type RestoreOptions, type RestoreResult } from './api/restore.js';
export { listPresets, showPreset, type PresetSummary } from './api/presets.js';
export type { ClusterHandle } from './api/handle.js';
export type { CommonOptions, ProgressMode } from './context.js';
export type { Logger } from './logger.js';
export type { Plan, PlannedAction } from './plan/plan.js';
export type { EngineConfig } from './engines/engine.js';
export type { ClusterSpec } from './model/cluster-spec.js';
export type { ClusterStatus, Phase, NodeStatus, ApiEndpoint } from './model/cluster-status.js';
export type { Preset } from './presets/schema.js';
export * from './errors.js';
