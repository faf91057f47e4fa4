// The shapes every promotion target shares: what a generator takes (the dev cluster's facts and the user's
// --set values) and what it gives back (files, the placeholders left in them, and findings for the report).
import type { DevClusterFacts } from './dev-cluster.js';

/** Every target `kindling promote --to` accepts, in the order the CLI lists them. */
export const TARGET_NAMES = ['kubeadm', 'kops', 'eks', 'gke', 'aks', 'openshift', 'rke2', 'rancher', 'tanzu', 'capi'] as const;

/** One promotion target. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** The user's `--set key=value` pairs; `<target>.<key>` wins over `<key>` for that target. */
export type Settings = Readonly<Record<string, string>>;

/** A file of the cluster definition, its path relative to the target's output folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A value only the user knows, written as `replace-me-<setKey>` at `field` of `file`. */
export interface Placeholder {
  field: string;
  file: string;
  why: string;
  setKey: string;
}

/** What a finding is about, so the report can group them. */
export type FindingCode =
  | 'version-changed'
  | 'version-unverified'
  | 'nodes-changed'
  | 'etcd-quorum'
  | 'network-changed'
  | 'cni-changed'
  | 'settings-defaulted';

/** Something the user should know about the generated definition. */
export interface Finding {
  severity: 'info' | 'warning';
  code: FindingCode;
  message: string;
}

/** What a target generator returns. */
export interface ClusterDefinition {
  files: GeneratedFile[];
  placeholders: Placeholder[];
  findings: Finding[];
}

/** The settings a target reads: key → why the target needs it (shown next to its placeholders). */
export type SettingDocs = Readonly<Record<string, string>>;

/** A target: its name, the settings it understands, and its generator. Pure. */
export interface Target {
  name: TargetName;
  settings: SettingDocs;
  generate(facts: DevClusterFacts, settings: Settings): ClusterDefinition;
}

/** An info finding: something to know, nothing to fix. */
export function info(code: FindingCode, message: string): Finding {
  return { severity: 'info', code, message };
}
