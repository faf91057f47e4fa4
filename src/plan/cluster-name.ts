// Checks a cluster name: a DNS label (RFC 1123) short enough for every name the engine derives from it.
import { InvalidInputError } from '../errors.js';
import type { EngineName } from '../presets/schema.js';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** k3d refuses names over 32 characters (pkg/client/clusterName.go). */
export const K3D_MAX_NAME = 32;
/** Docker hostnames and Kubernetes node names from a node container must stay within one DNS label. */
const MAX_LABEL = 63;

/** Throws InvalidInputError unless `name` is a DNS label and every derived name fits. */
export function checkClusterName(name: string, engine: EngineName, derivedNames: readonly string[]): void {
  if (!DNS_LABEL.test(name) || name.length > MAX_LABEL) {
    throw new InvalidInputError(
      `"${name}" is not a valid cluster name: use at most ${MAX_LABEL} lower-case letters, digits and '-', starting and ending with a letter or digit`,
      'for example: --name dev-1',
    );
  }
  if (engine === 'k3d' && name.length > K3D_MAX_NAME) {
    throw new InvalidInputError(
      `cluster name "${name}" is ${name.length} characters; k3d allows at most ${K3D_MAX_NAME}`,
      'choose a shorter --name',
    );
  }
  const longest = [...derivedNames].sort((a, b) => b.length - a.length)[0];
  if (longest !== undefined && longest.length > MAX_LABEL) {
    throw new InvalidInputError(
      `cluster name "${name}" is too long for ${engine}: node container "${longest}" would be ${longest.length} characters (at most ${MAX_LABEL})`,
      `choose a --name of at most ${name.length - (longest.length - MAX_LABEL)} characters`,
    );
  }
}
