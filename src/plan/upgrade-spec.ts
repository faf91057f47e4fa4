// What `upgrade` changes in a spec: the Kubernetes version and the node image for it. Pure. Refuses a downgrade
// unless allowed, and a version the engine has no known image for (kind's images are pinned per version, as
// kind's release pins them; k3d takes rancher/k3s:<version>-k3s1 of any k3s release), listing the known ones.
import { ConflictError, InvalidInputError } from '../errors.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { Preset } from '../presets/schema.js';
import { compareVersions, versionNumbers } from './kubernetes-version.js';
import { nodeImageFor } from './resolve-spec.js';

/** What to upgrade to. */
export interface UpgradeRequest {
  version: string;
  /** An explicit node image (the known-image check is then the user's). */
  image?: string;
  allowDowngrade?: boolean;
}

/** The spec at the new version; `preset` gives the images the engine knows (undefined: the preset is gone). */
export function upgradeSpec(
  current: ClusterSpec,
  preset: Preset | undefined,
  req: UpgradeRequest,
): { spec: ClusterSpec; warnings: string[] } {
  const { version } = req;
  if (!versionNumbers(version)) {
    throw new InvalidInputError(`--k8s-version ${version} is not a Kubernetes version`, 'write it as vMAJOR.MINOR.PATCH, e.g. v1.37.0');
  }
  const direction = compareVersions(version, current.kubernetesVersion);
  if (direction < 0 && !req.allowDowngrade) {
    throw new ConflictError(
      'downgrade',
      `"${current.name}" runs Kubernetes ${current.kubernetesVersion}; ${version} would be a downgrade`,
      'objects stored by the newer version may not be readable by the older one; pass --allow-downgrade to do it anyway',
    );
  }
  const warnings: string[] = [];
  let image = req.image;
  if (image === undefined) {
    const known = Object.keys(preset?.nodeImage.digests ?? {}).sort(compareVersions);
    if (current.engine === 'kind' && !known.includes(version)) {
      throw new InvalidInputError(
        `kind has no known node image for Kubernetes ${version}${preset ? ` in preset "${preset.name}"` : ''}`,
        `known versions: ${known.join(', ') || '(none: the preset could not be read)'}; or name an image with --image`,
      );
    }
    if (!preset) {
      throw new InvalidInputError(
        `the preset "${current.preset}" that made "${current.name}" cannot be read, so the image for ${version} is unknown`,
        'name the node image with --image',
      );
    }
    image = nodeImageFor(preset, version).image;
  }
  const [from, to] = [versionNumbers(current.kubernetesVersion), versionNumbers(version)!];
  if (from && to[1] - from[1] > 1 && to[0] === from[0]) {
    warnings.push(
      `${current.kubernetesVersion} -> ${version} skips a minor version: objects are re-applied, so APIs removed in between are refused`,
    );
  }
  return { spec: { ...current, kubernetesVersion: version, image }, warnings };
}
