// Resolves preset + overrides into a validated ClusterSpec (src/model/cluster-spec.ts): the desired state
// the store keeps and `up` compares to decide between no-op and conflict. Pure.
import { ConflictError, InvalidInputError } from '../errors.js';
import type { IngressSettings, PortMapping, Preset } from '../presets/schema.js';
import { PRESET_API_VERSION } from '../presets/schema.js';
import { engineNaming } from '../model/engine-naming.js';
import { checkClusterName } from './cluster-name.js';
import { ADDON_CATALOGUE, type AddonDefinition } from '../addons/catalogue.js';
import { compareVersions, versionNumbers } from './kubernetes-version.js';
import { parseKubernetesVersion, parseMountFlag, parsePortFlag, parseWorkers, type Overrides } from './overrides.js';
import { fillName, type ClusterSpec } from '../model/cluster-spec.js';
import { resolveImageCache } from './image-cache.js';
import { preloadHosts } from './preload.js';

function resolveAddons(preset: Preset, storage: boolean, ingress: boolean): AddonDefinition[] {
  const names = [
    ...(storage && preset.storage && preset.storage.providedBy !== 'engine' ? [preset.storage.providedBy] : []),
    ...(ingress && preset.ingress && preset.ingress.providedBy !== 'engine' ? [preset.ingress.providedBy] : []),
    ...preset.addons,
  ];
  return [...new Set(names)].map((n) => preset.customAddons.find((a) => a.name === n) ?? ADDON_CATALOGUE[n]!);
}

function ingressPorts(ingress: IngressSettings | undefined): PortMapping[] {
  if (!ingress?.enabled || !ingress.hostPorts) return [];
  const mapping = (hostPort: number, containerPort: number): PortMapping => ({
    hostPort,
    containerPort,
    protocol: 'TCP',
    listenAddress: '127.0.0.1',
  });
  return [mapping(ingress.hostPorts.http, 80), mapping(ingress.hostPorts.https, 443)];
}

function withoutEnabled<T extends { enabled: boolean }>(section: T | undefined, on: boolean): Omit<T, 'enabled'> | undefined {
  if (!section || !on) return undefined;
  const { enabled: _enabled, ...rest } = section;
  return rest;
}

function presetExtras(preset: Preset, name: string, registryOn: boolean): Partial<ClusterSpec> {
  const labels = Object.fromEntries(Object.entries(preset.nodeLabels).map(([k, v]) => [k, fillName(v, name)]));
  const names = preset.kubeconfig;
  const storage = withoutEnabled(preset.storage, preset.storage?.enabled ?? false);
  const ingress = withoutEnabled(preset.ingress, preset.ingress?.enabled ?? false);
  const registry = withoutEnabled(preset.registry, registryOn);
  return {
    ...(Object.keys(preset.networking).length ? { networking: { ...preset.networking } } : {}),
    ...(Object.keys(labels).length ? { nodeLabels: labels } : {}),
    ...(preset.evictionHard ? { evictionHard: { ...preset.evictionHard } } : {}),
    ...(names
      ? {
          kubeconfigNames: {
            context: fillName(names.context, name),
            cluster: fillName(names.cluster, name),
            user: fillName(names.user, name),
          },
        }
      : {}),
    ...(storage ? { storage } : {}),
    ...(ingress ? { ingress } : {}),
    ...(registry ? { registry: { ...registry, host: `localhost:${registry.hostPort}` } } : {}),
  };
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
      (t) =>
        t.port === p.hostPort &&
        t.protocol === p.protocol &&
        (t.address === p.listenAddress || t.address === '0.0.0.0' || p.listenAddress === '0.0.0.0'),
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

function checkRegistryPort(
  registry: { hostPort: number },
  ports: readonly PortMapping[],
  api: ClusterSpec['apiServer'],
  setting = 'registry.hostPort',
): void {
  const clash = [...ports.map((p) => p.hostPort), api.port].includes(registry.hostPort);
  if (clash) {
    throw new ConflictError(
      'port-duplicate',
      setting === 'registry.hostPort'
        ? `host port ${registry.hostPort} is the registry's (registry.hostPort) and is also mapped into the cluster`
        : `host port ${registry.hostPort} is the image cache's (${setting}) and is also the registry's or mapped into the cluster`,
      `choose another --port, or --set ${setting}=PORT`,
    );
  }
}

/** The registry's host port, as a mapping, so the image cache's is checked against it too. */
function registryPort(r: NonNullable<ClusterSpec['registry']>): PortMapping {
  return { hostPort: r.hostPort, containerPort: 5000, protocol: 'TCP', listenAddress: r.listenAddress };
}

// kind's node images exist only for the versions a kind release builds, about the five minor versions before its
// default: a far older version (v1.20.0) would fail at pull time, after minutes. Versions near the pinned ones are
// allowed, unpinned, with a warning; a preset without any pinned digest (a user's) is left to the user.
const KIND_IMAGE_MINORS = 5;

function checkKnownVersion(preset: Preset, version: string): void {
  const known = Object.keys(preset.nodeImage.digests).sort(compareVersions);
  const [oldest, wanted] = [versionNumbers(known[0] ?? ''), versionNumbers(version)];
  if (preset.engine !== 'kind' || !oldest || !wanted || known.includes(version)) return;
  if (wanted[0] === oldest[0] && wanted[1] >= oldest[1] - KIND_IMAGE_MINORS) return;
  throw new InvalidInputError(
    `kind has no node image for Kubernetes ${version}: preset "${preset.name}" pins ${known.join(', ')}, and kind's releases build images for about ${KIND_IMAGE_MINORS} minor versions before their default`,
    `choose v${oldest[0]}.${oldest[1] - KIND_IMAGE_MINORS} or newer, or name an image you have with --image`,
  );
}

function parseImageFlag(image: string): string {
  if (image.trim() === '' || /\s/.test(image)) {
    throw new InvalidInputError(`--image "${image}" is not an image reference`, 'for example --image kindest/node:v1.36.1');
  }
  return image;
}

/** Resolves preset + overrides into a ClusterSpec, or throws InvalidInputError/ConflictError. Pure. */
export function resolveClusterSpec(preset: Preset, overrides: Overrides = {}): { spec: ClusterSpec; warnings: string[] } {
  const warnings: string[] = [];
  const name = overrides.name ?? preset.defaultClusterName;
  const kubernetesVersion = overrides.kubernetesVersion ? parseKubernetesVersion(overrides.kubernetesVersion) : preset.kubernetesVersion;
  let image = overrides.image === undefined ? undefined : parseImageFlag(overrides.image);
  if (image === undefined && overrides.kubernetesVersion !== undefined) checkKnownVersion(preset, kubernetesVersion);
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
  const preload = overrides.preload ?? [];
  if (preload.length > 0 && overrides.registry === false) {
    throw new InvalidInputError(
      'images to preload are served from the local registry, and --no-registry turns it off',
      'leave out --no-registry, or preload no images',
    );
  }
  const registryOn = preload.length > 0 || (overrides.registry ?? preset.registry?.enabled ?? false);
  if (preload.length > 0 && !preset.registry) {
    throw new InvalidInputError(
      `preset "${preset.name}" has no registry section, where images to preload (${preload.join(', ')}) would be served from`,
      'add a registry section to the preset (see presets/kind.yaml), or preload no images',
    );
  }
  if (registryOn && !preset.registry) {
    throw new InvalidInputError(
      `preset "${preset.name}" has no registry section, so --registry has nothing to create`,
      'add a registry section to the preset (see presets/kind.yaml)',
    );
  }
  const ports = [...preset.ports, ...ingressPorts(preset.ingress), ...(overrides.ports ?? []).map(parsePortFlag)];
  const apiServer = { ...preset.apiServer };
  checkPortClashes(ports, apiServer);
  const addons = resolveAddons(preset, preset.storage?.enabled ?? false, preset.ingress?.enabled ?? false);
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
    ...(addons.length > 0 ? { addons } : {}),
    ...(overrides.mounts?.length ? { mounts: overrides.mounts.map(parseMountFlag) } : {}),
    ...presetExtras(preset, name, registryOn),
  };
  if (spec.registry) checkRegistryPort(spec.registry, ports, apiServer);
  if (spec.registry && preload.length > 0) {
    const mirrors = preloadHosts(preload, spec.registry.host);
    if (mirrors.length > 0) spec.registry = { ...spec.registry, mirrors };
  }
  const imageCache = resolveImageCache(preset, overrides.imageCache);
  if (imageCache) {
    const taken = [...ports, ...(spec.registry ? [registryPort(spec.registry)] : [])];
    checkRegistryPort(imageCache, taken, apiServer, 'imageCache.hostPort');
    spec.imageCache = imageCache;
  }
  try {
    checkClusterName(name, spec.engine, engineNaming[spec.engine].containerNames(spec));
  } catch (err) {
    // The preset's default, not a --name the user typed: say which field it came from.
    if (overrides.name !== undefined || !(err instanceof InvalidInputError)) throw err;
    throw new InvalidInputError(
      `preset "${preset.name}" defaultClusterName: ${err.message}`,
      'pass --name, or fix defaultClusterName in the preset (or --set defaultClusterName=NAME)',
    );
  }
  return { spec, warnings };
}
