// A ClusterSpec is what the user wants, fully resolved: preset + overrides, validated. It is what the state
// store keeps as the desired state and what `up` compares to decide between no-op and conflict.
import { ConflictError } from '../errors.js';
import type { EngineName, PortMapping, Preset } from '../presets/schema.js';
import { PRESET_API_VERSION } from '../presets/schema.js';
import { engineNaming } from '../engines/naming.js';
import { checkClusterName } from './cluster-name.js';
import { ADDON_CATALOGUE, type AddonDefinition } from '../addons/catalogue.js';
import { parseKubernetesVersion, parsePortFlag, parseWorkers, type Overrides } from './overrides.js';

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
}

/** The node image for a version: pinned by digest when the preset knows it. */
export function nodeImageFor(preset: Preset, version: string): { image: string; pinned: boolean } {
  const { repository, tagSuffix, digests } = preset.nodeImage;
  const digest = digests[version];
  const tag = `${repository}:${version}${tagSuffix}`;
  return digest ? { image: `${tag}@${digest}`, pinned: true } : { image: tag, pinned: false };
}

function checkPortClashes(ports: readonly PortMapping[], api: ClusterSpec['apiServer']): void {
  const taken: { address: string; port: number; protocol: string }[] = [];
  if (api.port !== 0) taken.push({ address: api.address, port: api.port, protocol: 'TCP' });
  for (const p of ports) {
    // 0.0.0.0 listens on every address, so it clashes with any address on the same port.
    const clash = taken.find(
      (t) => t.port === p.hostPort && t.protocol === p.protocol && (t.address === p.listenAddress || t.address === '0.0.0.0' || p.listenAddress === '0.0.0.0'),
    );
    if (clash) {
      const what = `host port ${p.listenAddress}:${p.hostPort}/${p.protocol}`;
      const message =
        clash.address === p.listenAddress
          ? `${what} is requested twice`
          : `${what} clashes with ${clash.address}:${clash.port}/${clash.protocol} (0.0.0.0 listens on every address)`;
      throw new ConflictError('port-duplicate', message, 'give each --port its own host port');
    }
    taken.push({ address: p.listenAddress, port: p.hostPort, protocol: p.protocol });
  }
}

/** Resolves preset + overrides into a ClusterSpec, or throws InvalidInputError/ConflictError. Pure. */
export function resolveClusterSpec(preset: Preset, overrides: Overrides = {}): { spec: ClusterSpec; warnings: string[] } {
  const warnings: string[] = [];
  const name = overrides.name ?? preset.defaultClusterName;
  const kubernetesVersion = overrides.kubernetesVersion ? parseKubernetesVersion(overrides.kubernetesVersion) : preset.kubernetesVersion;
  let image = overrides.image;
  if (image === undefined) {
    const chosen = nodeImageFor(preset, kubernetesVersion);
    image = chosen.image;
    if (!chosen.pinned && preset.engine === 'kind') {
      warnings.push(`no digest is known for ${chosen.image} in preset "${preset.name}": the image is not pinned`);
    }
  }
  const nodes = {
    controlPlanes: preset.nodes.controlPlanes,
    workers: overrides.workers === undefined ? preset.nodes.workers : parseWorkers(overrides.workers),
  };
  const ports = [...preset.ports, ...(overrides.ports ?? []).map(parsePortFlag)];
  const apiServer = { ...preset.apiServer };
  checkPortClashes(ports, apiServer);
  const spec: ClusterSpec = {
    apiVersion: PRESET_API_VERSION,
    kind: 'ClusterSpec',
    name,
    preset: preset.name,
    engine: preset.engine,
    kubernetesVersion,
    image,
    nodes,
    apiServer,
    ports,
    ...(preset.addons.length > 0
      ? { addons: preset.addons.map((name) => preset.customAddons.find((a) => a.name === name) ?? ADDON_CATALOGUE[name]!) }
      : {}),
  };
  checkClusterName(name, spec.engine, engineNaming[spec.engine].containerNames(spec));
  return { spec, warnings };
}
