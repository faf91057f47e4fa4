// The pure plan step: preset + overrides -> ClusterSpec -> engine config + ordered, named actions.
// Touches no file, environment, clock, network or Docker. `kindling plan` and `up --dry-run` print it.
import { k3dConfig } from '../engines/k3d/config.js';
import type { EngineConfig } from '../engines/engine.js';
import { kindConfig } from '../engines/kind/config.js';
import type { Preset } from '../presets/schema.js';
import { readinessStages } from '../readiness/stages.js';
import { resolveClusterSpec } from './resolve-spec.js';
import { contextOf, registryContainers, type ClusterSpec } from '../model/cluster-spec.js';
import { connectRegistryTitle, ensureRegistryTitle } from './registry-titles.js';
import type { Overrides } from './overrides.js';

/** The steps `up` takes, in order; apply/ has one file per id. */
export const UP_ACTIONS = [
  'preflight',
  'verify-snapshot',
  'record-intent',
  'ensure-registry',
  'ensure-network',
  'create-cluster',
  'save-kubeconfig',
  'merge-kubeconfig',
  'observe',
  'connect-registry',
  'apply-addons',
  'configure-cluster',
  'wait-ready',
  'restore-snapshot',
] as const;
/** One step's id. */
export type UpActionId = (typeof UP_ACTIONS)[number];

/** A step as a plan describes it: its id and the title progress shows. */
export interface PlannedAction<Id extends string = UpActionId> {
  id: Id;
  title: string;
}

/** What to do with the user's kubeconfig (not part of the cluster's spec). */
export interface KubeconfigChoice {
  /** Merge the cluster's entries into the user's kubeconfig (default true). */
  merge: boolean;
  /** Make the cluster's context the current one (default false). */
  switchContext: boolean;
}

/** How long `up` waits for readiness (0: it does not wait), and for which stages. */
export interface ReadinessChoice {
  waitMs: number;
  stages: string[];
}

/** Everything `up` will do, as data. */
export interface Plan {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'Plan';
  spec: ClusterSpec;
  context: string;
  kubeconfig: KubeconfigChoice;
  readiness: ReadinessChoice;
  engineConfig: EngineConfig;
  actions: PlannedAction[];
  warnings: string[];
  /** `up --from-snapshot`: the snapshot the new cluster is made from. */
  fromSnapshot?: SnapshotRef;
}

/** A snapshot by cluster and id. */
export interface SnapshotRef {
  cluster: string;
  snapshot: string;
}

/** Whether a spec has anything for configure-cluster to do (what the engine provides is only checked). */
export function needsConfiguring(spec: ClusterSpec): boolean {
  return Boolean(
    (spec.storage && spec.storage.providedBy !== 'engine') || (spec.ingress && spec.ingress.providedBy !== 'engine') || spec.registry,
  );
}

function configureTitle(spec: ClusterSpec): string {
  const parts = [
    ...(spec.storage && spec.storage.providedBy !== 'engine'
      ? [
          `StorageClass ${spec.storage.className} (${spec.storage.provisioner}, ${spec.storage.volumeBindingMode}${spec.storage.default ? ', default' : ''})`,
        ]
      : []),
    ...(spec.ingress && spec.ingress.providedBy !== 'engine'
      ? [`IngressClass ${[spec.ingress.className, ...spec.ingress.extraClasses].join(', ')}`]
      : []),
    ...(spec.registry ? [`ConfigMap kube-public/local-registry-hosting (${spec.registry.host})`] : []),
  ];
  return `Configure ${parts.join('; ')}`;
}

function included(id: UpActionId, spec: ClusterSpec, choice: KubeconfigChoice, waitMs: number, from: SnapshotRef | undefined): boolean {
  switch (id) {
    case 'verify-snapshot':
    case 'restore-snapshot':
      return from !== undefined;
    case 'merge-kubeconfig':
      return choice.merge;
    case 'wait-ready':
      return waitMs > 0;
    case 'apply-addons':
      return (spec.addons?.length ?? 0) > 0;
    case 'ensure-registry':
    case 'connect-registry':
      return registryContainers(spec).length > 0;
    case 'configure-cluster':
      return needsConfiguring(spec);
    case 'ensure-network':
      return spec.engine === 'kind';
    default:
      return true;
  }
}

/** The title of a readiness wait: the limit and the stages. */
export function waitTitle(spec: ClusterSpec, waitMs: number): string {
  const stages = readinessStages(spec).map((s) => s.title);
  return `Wait up to ${Math.round(waitMs / 1000)}s until ready: ${stages.join(', ')}`;
}

function titles(spec: ClusterSpec, waitMs: number, from: SnapshotRef | undefined): Record<UpActionId, string> {
  const nodes = spec.nodes.controlPlanes + spec.nodes.workers;
  const ports = [
    spec.apiServer.port ? `${spec.apiServer.address}:${spec.apiServer.port}` : '',
    ...spec.ports.map((p) => `${p.listenAddress}:${p.hostPort}`),
  ]
    .filter(Boolean)
    .join(', ');
  return {
    preflight: `Check Docker, the ${spec.engine} binary, the name "${spec.name}"${ports ? ` and host ports ${ports}` : ''}`,
    'record-intent': `Record the desired spec of "${spec.name}" in the state store`,
    'ensure-registry': ensureRegistryTitle(spec),
    'connect-registry': connectRegistryTitle(spec),
    'configure-cluster': configureTitle(spec),
    'ensure-network':
      'Make sure network kind exists, made with a fixed IPv4 subnet when kindling makes it (so nodes can keep their addresses)',
    'create-cluster': `Create ${nodes} node${nodes === 1 ? '' : 's'} with ${spec.engine} (image ${spec.image})`,
    'save-kubeconfig': 'Save the kubeconfig to the state store (0600)',
    'merge-kubeconfig': `Add context ${contextOf(spec)} to your kubeconfig`,
    observe: 'Read the cluster back from Docker',
    'apply-addons': `Apply add-ons ${(spec.addons ?? []).map((a) => a.name).join(', ')} (manifests checked against their sha256, server-side apply)`,
    'wait-ready': waitTitle(spec, waitMs),
    'verify-snapshot': from ? `Check every part of snapshot ${from.cluster}/${from.snapshot} against its sha256` : '',
    'restore-snapshot': from
      ? `Restore snapshot ${from.cluster}/${from.snapshot}: each claim's data into its node, its volume, then the objects in restore order`
      : '',
  };
}

/** Builds the plan for `up`. Throws InvalidInputError/ConflictError on bad input. */
export function planUp(preset: Preset, overrides: Overrides = {}, kubeconfig: Partial<KubeconfigChoice> = {}, waitMs = 0): Plan {
  const { spec, warnings } = resolveClusterSpec(preset, overrides);
  return planFromSpec(spec, kubeconfig, waitMs, { warnings });
}

/** The plan that makes the cluster `spec` describes (a resolved spec: stored, or read from a snapshot). Pure. */
export function planFromSpec(
  spec: ClusterSpec,
  kubeconfig: Partial<KubeconfigChoice> = {},
  waitMs = 0,
  extra: { warnings?: string[]; fromSnapshot?: SnapshotRef } = {},
): Plan {
  const choice: KubeconfigChoice = { merge: kubeconfig.merge ?? true, switchContext: kubeconfig.switchContext ?? false };
  const from = extra.fromSnapshot;
  const engineConfig: EngineConfig =
    spec.engine === 'kind' ? { engine: 'kind', document: kindConfig(spec) } : { engine: 'k3d', document: k3dConfig(spec) };
  const t = titles(spec, waitMs, from);
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'Plan',
    spec,
    context: contextOf(spec),
    kubeconfig: choice,
    readiness: { waitMs, stages: waitMs > 0 ? readinessStages(spec).map((s) => s.id) : [] },
    engineConfig,
    actions: UP_ACTIONS.filter((id) => included(id, spec, choice, waitMs, from)).map((id) => ({ id, title: t[id] })),
    warnings: extra.warnings ?? [],
    ...(from ? { fromSnapshot: from } : {}),
  };
}
