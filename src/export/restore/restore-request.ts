// What `restore` is asked for and what it answers, apart from the options every verb takes: the library's
// RestoreOptions are these plus CommonOptions.
import type { BundleObjectSource } from '../bundle/read-bundle.js';

/** The bundle, the cluster to restore into, and how. */
export interface RestoreRequest {
  /** The folder `promote` wrote. */
  bundle: string;
  /** The kubeconfig context of the cluster to restore into. */
  context: string;
  /** A kubeconfig file to read the context from (default: $KUBECONFIG or ~/.kube/config, then kindling's clusters). */
  kubeconfig?: string;
  /** Apply this target's overlay on top of the objects (what `kubectl apply -k overlays/<target>` would give). */
  target?: string;
  /** How long to wait for restored CRDs to be served (default 60 s, as Velero waits). */
  crdWaitMs?: number;
  /** Server-side dry run: the cluster checks every object, nothing is stored. */
  dryRun?: boolean;
}

/** What was applied. */
export interface RestoreResult {
  bundle: string;
  context: string;
  source: BundleObjectSource;
  applied: number;
  /** Objects applied per resource, in the order applied. */
  resources: Array<{ resource: string; count: number }>;
  /** Set when the bundle holds volume data: the script that restores it on the cluster. */
  volumeScript?: string;
  /** Dry run: nothing was stored. */
  dryRun: boolean;
  /** Dry run: objects of kinds that the bundle's own CRDs define, which the server cannot check before they exist. */
  unchecked: string[];
}
