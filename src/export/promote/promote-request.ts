// What `promote` is asked for and what it answers, apart from the options every verb takes: the library's
// PromoteOptions are these plus CommonOptions. Checked before anything is read, so bad input costs nothing.
import { InvalidInputError } from '../../errors.js';
import { parseSettings, parseTargets } from '../bundle/parse-targets.js';
import type { TargetSummary } from '../report/target-report.js';
import type { Settings, TargetName } from '../targets/index.js';

/** A cluster name and/or `from` paths, and at least one target. */
export interface PromoteRequest {
  /** A cluster in the state store, read live through its API. */
  name?: string;
  /** Manifest files or folders (relative to cwd). */
  from?: readonly string[];
  /** Target names; each may be a comma-separated list (`eks,gke`). */
  to: readonly string[];
  /** The bundle folder (default: ./promote-<name>, or ./promote for files only). Replaced if it holds an earlier bundle. */
  out?: string;
  /** Registry that replaces dev registries in image references. */
  imageRegistry?: string;
  /** `key=value` settings for the cluster definitions (region, project, ...); `<target>.<key>` for one target. */
  set?: readonly string[];
  /** StorageClass for claims instead of each target's default class. */
  storageClass?: string;
  /** OpenShift: turn Ingresses into Routes. */
  openshiftRoutes?: boolean;
  /** Make load balancers internal where the target can. */
  internalLoadBalancers?: boolean;
  /** Add a Velero-layout dump and each claim's data (live clusters only). */
  withState?: boolean;
  /** Export Secrets (written 0600, flagged in the report). */
  includeSecrets?: boolean;
  /** For files only: the preset the dev cluster was made with, for the cluster definitions (default: k3d). */
  preset?: string;
}

/** What `promote` wrote. */
export interface PromoteResult {
  out: string;
  targets: TargetName[];
  objects: number;
  skipped: number;
  files: number;
  summary: TargetSummary[];
  placeholders: Array<{ target: TargetName; setKey: string; file: string }>;
  volumes: Array<{ namespace: string; claim: string; file: string; bytes: number }>;
}

/** The request's targets and settings, parsed; throws InvalidInputError for a request that cannot work. */
export function checkPromoteRequest(req: PromoteRequest): { targets: TargetName[]; settings: Settings } {
  if (req.name === undefined && (req.from ?? []).length === 0) {
    throw new InvalidInputError(
      'promote needs a source: a cluster name, --from PATH, or both',
      'for example: kindling promote dev --to eks, or kindling promote --from k8s/ --to eks',
    );
  }
  if (req.withState === true && req.name === undefined) {
    throw new InvalidInputError(
      '--with-state reads a live cluster: name one',
      `for example: kindling promote NAME --with-state --to ${req.to.join(',') || 'kubeadm'}`,
    );
  }
  if (req.preset !== undefined && req.name !== undefined) {
    throw new InvalidInputError('--preset is for --from without a cluster: a named cluster already knows its preset', 'drop --preset');
  }
  return { targets: parseTargets(req.to), settings: parseSettings(req.set ?? []) };
}
