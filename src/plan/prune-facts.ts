// What `prune` decides from, and what it decides: plain data. apply/prune/gather.ts reads the facts from
// Docker, the state store, the temp folder and the process table; plan/prune-plan.ts turns them into the plan,
// which a dry run prints and a real run carries out item by item.
import type { EngineName } from '../presets/schema.js';

/** A Docker network or volume, by name and labels. */
export interface LabelledObject {
  name: string;
  labels: Record<string, string>;
}

/** A container carrying kindling's labels or an engine's. */
export interface ContainerFact extends LabelledObject {
  id: string;
  /** Networks it is attached to (a registry staying behind must leave a network being removed). */
  networks: string[];
}

/** The journal record of an operation that was running on a cluster (apply/operation-record.ts). */
export interface OperationFact {
  op: string;
  operationId: string;
  /** Steps planned and steps done. */
  intended: number;
  completed: number;
  retain: boolean;
  /** Its kindling process is gone (isOrphaned): it was interrupted. */
  orphaned: boolean;
  /** The engine child it recorded, with what runs under that pid now (undefined: no process; [] unreadable). */
  engine?: { pid: number; command: string[] | undefined };
}

/** What the state store holds of one cluster name. */
export interface StoreClusterFact {
  name: string;
  /** The store holds more than a lock or snapshots (StateStore.has): the cluster is in the store. */
  held: boolean;
  /** From the stored spec. */
  engine?: EngineName;
  lock?: { op: string; pid: number; host: string; live: boolean };
  operation?: OperationFact;
  /** An earlier operation on it succeeded: it existed before the operation that was interrupted. */
  existedBefore: boolean;
  /** The context `up` merged into the user's kubeconfig, and where. */
  merged?: { file: string; context: string };
}

/** A registry record of the store (registries/<name>.json). */
export interface RegistryFact {
  name: string;
  users: string[];
  createdBy: 'kindling' | 'user';
  shared: boolean;
}

/** A `kindling-*` entry of the temp folder. */
export interface TempFact {
  path: string;
  name: string;
  directory: boolean;
  /** Last modified, ISO time. */
  modified: string;
}

/** Everything the plan decides from. */
export interface PruneFacts {
  /** ISO time of the gathering (temp entries are aged against it). */
  now: string;
  /** Only these clusters' leftovers (registries only when one of them uses it; no temp files). */
  names?: readonly string[];
  containers: ContainerFact[];
  networks: LabelledObject[];
  volumes: LabelledObject[];
  clusters: StoreClusterFact[];
  registries: RegistryFact[];
  temp: TempFact[];
}

/** One thing removed (or, in a dry run, to be removed), and why. */
export interface PruneEntry {
  name: string;
  reason: string;
  cluster?: string;
}

/** What happens to a state-store entry. */
export type StoreAction = 'remove-cluster' | 'retire-cluster' | 'clear-operation' | 'remove-registry' | 'drop-registry-users';

/** A state-store entry removed or rewritten. */
export interface StoreEntry extends PruneEntry {
  action: StoreAction;
  /** drop-registry-users: the users dropped; remove-registry: the users it had. */
  users?: string[];
}

/** Everything `prune` removes, grouped as it reports them. */
export interface PrunePlan {
  /** `registry` is set on a registry container (removed with its record, under the record's lock). */
  containers: (PruneEntry & { id: string; registry?: string })[];
  networks: PruneEntry[];
  volumes: PruneEntry[];
  storeEntries: StoreEntry[];
  /** Stale locks, by cluster name. */
  locks: PruneEntry[];
  tempFiles: PruneEntry[];
  /** Orphaned engine processes stopped (SIGTERM, then SIGKILL). */
  processes: (PruneEntry & { pid: number })[];
  /** Contexts an interrupted `up` merged into the user's kubeconfig. */
  kubeconfigEntries: (PruneEntry & { file: string })[];
  /** Registry containers that stay but must leave a network before it is removed (not reported). */
  detach: { network: string; container: string }[];
  /** What prune left alone and what to run instead. */
  notes: string[];
}
