// kindling's public API: a few verbs taking one options object each. Re-exports only.
export { up, type UpOptions } from './api/up.js';
export { down, type DownOptions, type DownResult } from './api/down.js';
export { stop, type StopOptions, type StopResult } from './api/stop.js';
export { start, type StartOptions, type StartResult } from './api/start.js';
export { scale, type ScaleOptions, type ScaleResult } from './api/scale.js';
export { upgrade, upgradePlan, type UpgradeOptions, type RecreateResult } from './api/upgrade.js';
export {
  snapshot,
  snapshotPlan,
  listSnapshots,
  deleteSnapshot,
  restoreSnapshot,
  type SnapshotOptions,
  type ListSnapshotsOptions,
  type DeleteSnapshotOptions,
  type RestoreSnapshotOptions,
} from './api/snapshot.js';
export { list, status, type ClusterSummary } from './api/list.js';
export { plan, type PlanOptions } from './api/plan.js';
export { kubeconfig, type KubeconfigResult } from './api/kubeconfig.js';
export { load, type LoadOptions, type LoadResult } from './api/load.js';
export { logs, type LogsOptions, type LogsArchive } from './api/logs.js';
export { promote, type PromoteOptions, type PromoteResult } from './api/promote.js';
export { restore, type RestoreOptions, type RestoreResult } from './api/restore.js';
export { prune, type PruneOptions, type PruneResult } from './api/prune.js';
export { listPresets, showPreset, type PresetSummary } from './api/presets.js';
export { presetJsonSchema } from './presets/json-schema.js';
export { versionReport, type VersionOptions, type VersionReport, type EngineBinaryReport, type DockerReport } from './api/version.js';
export {
  doctor,
  type DoctorOptions,
  type DoctorReport,
  type CheckResult,
  type CheckStatus,
  type CapacityEstimate,
  type HostFacts,
} from './api/doctor.js';
export {
  workshopUp,
  workshopStatus,
  workshopReset,
  workshopDown,
  type WorkshopUpOptions,
  type WorkshopUpResult,
  type WorkshopOptions,
  type WorkshopProgress,
  type MemberRow,
  type ResetOutcome,
  type WorkshopDownResult,
  type SeatOutcome,
  type WorkshopFile,
} from './api/workshop.js';
export type { ClusterHandle, ClusterKubeConfig } from './api/handle.js';
export type { Manifests, AppliedObject } from './api/harness/apply-manifests.js';
export type { CommonOptions, ProgressMode } from './context.js';
export type { Logger } from './logger.js';
export type { Plan, PlannedAction } from './plan/plan.js';
export type { EngineConfig } from './engines/engine.js';
export type { ClusterSpec } from './model/cluster-spec.js';
export type { SnapshotManifest, SnapshotSummary } from './model/snapshot.js';
export type { RecreatePlan } from './plan/recreate-plan.js';
export type { ClusterStatus, Phase, NodeStatus, ApiEndpoint } from './model/cluster-status.js';
export type { Preset } from './presets/schema.js';
export * from './errors.js';
