// The desired state of one cluster, as the state store keeps it (clusters/<name>/spec.yaml) and every layer
// above reads it: engines build their config from it, `up` compares it, status names its context.
import type { AddonDefinition } from '../addons/catalogue.js';
import type {
  EngineName,
  ImageCacheSettings,
  IngressSettings,
  KubeconfigNames,
  PortMapping,
  RegistrySettings,
  StorageSettings,
} from '../presets/schema.js';
import type { PRESET_API_VERSION } from '../presets/schema.js';
import { engineNaming } from './engine-naming.js';

/** A host folder mounted into every node. */
export interface Mount {
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

/** The desired state of one cluster. Serialisable; stored as clusters/<name>/spec.yaml. */
export interface ClusterSpec {
  apiVersion: typeof PRESET_API_VERSION;
  kind: 'ClusterSpec';
  name: string;
  preset: string;
  engine: EngineName;
  kubernetesVersion: string;
  image: string;
  nodes: { controlPlanes: number; workers: number };
  apiServer: { address: string; port: number };
  ports: PortMapping[];
  /** Add-ons, resolved to their pinned manifests, in the order they are applied (absent when none, so that
   * specs stored before add-ons existed still compare equal). */
  addons?: AddonDefinition[];
  /** Host folders mounted into every node (absent when none). */
  mounts?: Mount[];
  /** Pod and service CIDRs when the preset sets them (else the engine's). */
  networking?: { podSubnet?: string; serviceSubnet?: string };
  /** Labels on every node, `{name}` resolved. */
  nodeLabels?: Record<string, string>;
  /** Kubelet hard-eviction thresholds. */
  evictionHard?: Record<string, string>;
  /** kubeconfig entry names when they differ from the engine's, `{name}` resolved. */
  kubeconfigNames?: KubeconfigNames;
  /** The default StorageClass kindling makes sure of (absent: storage left as the engine made it). */
  storage?: Omit<StorageSettings, 'enabled'>;
  /** The ingress controller and IngressClasses (absent: no ingress). */
  ingress?: Omit<IngressSettings, 'enabled'>;
  /** The local registry nodes pull from (absent: none). `mirrors`: the registry hosts (docker.io, ghcr.io) whose
   * images the nodes ask this registry for first, because images were preloaded into it under their own names
   * (a workshop's images: pushed once, served to every cluster). */
  registry?: Omit<RegistrySettings, 'enabled'> & { host: string; mirrors?: string[] };
  /** The shared pull-through cache nodes pull `mirrorOf/...` images through (absent: none). */
  imageCache?: ImageCacheSpec;
}

/** A resolved image cache: the registry host it mirrors is always known. */
export type ImageCacheSpec = Omit<ImageCacheSettings, 'enabled' | 'mirrorOf'> & { mirrorOf: string };

/** The registry containers a spec's nodes pull from, each shared and claimed by name: its local registry,
 * then its image cache. Empty: the cluster uses none. */
export function registryContainers(spec: Pick<ClusterSpec, 'registry' | 'imageCache'>): string[] {
  return [...(spec.registry ? [spec.registry.name] : []), ...(spec.imageCache ? [spec.imageCache.name] : [])];
}

/** `{name}` -> the cluster name. */
export function fillName(template: string, name: string): string {
  return template.replaceAll('{name}', name);
}

/** The context name a spec's kubeconfig uses. */
export function contextOf(spec: ClusterSpec): string {
  return spec.kubeconfigNames?.context ?? engineNaming[spec.engine].contextName(spec.name);
}

/** The spec under another name: the name, and every kubeconfig name and node label that held the old one. */
export function renameSpec(spec: ClusterSpec, name: string): ClusterSpec {
  if (name === spec.name) return spec;
  const swap = (text: string) => text.replaceAll(spec.name, name);
  const mapValues = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, swap(v)]));
  return {
    ...spec,
    name,
    ...(spec.kubeconfigNames ? { kubeconfigNames: mapValues(spec.kubeconfigNames as Record<string, string>) as KubeconfigNames } : {}),
    ...(spec.nodeLabels ? { nodeLabels: mapValues(spec.nodeLabels) } : {}),
  };
}
