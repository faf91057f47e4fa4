// The shapes every promotion target shares: what a generator takes (the dev cluster's facts and the user's
// --set values), what it gives back (files, the placeholders left in them, and findings for the report), and
// the profile the rewrite and report read.
import type { DevClusterFacts } from './dev-cluster.js';
import type { TargetProfile } from './profile.js';

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
  | 'settings-defaulted'
  | 'choice-to-review';

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

/** A target: its name (the key of TARGETS), the settings it understands, its generator, and what the distribution
 * provides out of the box (read by the rewrite and the report). Pure. */
export interface Target {
  name: string;
  settings: SettingDocs;
  generate(facts: DevClusterFacts, settings: Settings): ClusterDefinition;
  profile: TargetProfile;
}

/** A warning finding: a value kindling chose that the user should confirm. */
export function review(message: string): Finding {
  return { severity: 'warning', code: 'choice-to-review', message };
}

/** An info finding: something to know, nothing to fix. */
export function info(code: FindingCode, message: string): Finding {
  return { severity: 'info', code, message };
}
