// Where a local image goes in a registry. For `load` through the cluster's registry, the registry's host
// address in place of the image's own registry (docker.io/library/nginx:1.27 -> localhost:5001/nginx:1.27, the
// name pods then use). For an image a registry serves as a mirror, its whole path under its own registry
// (docker.io/library/nginx:1.27 -> localhost:5001/library/nginx:1.27): nodes ask a mirror for
// /v2/library/nginx/..., so pods keep the image's own name.

function splitDomain(ref: string): { domain: string | undefined; rest: string } {
  const slash = ref.indexOf('/');
  if (slash < 0) return { domain: undefined, rest: ref };
  const first = ref.slice(0, slash);
  // Docker's rule: the first part is a registry when it has a dot or a port, or is localhost.
  return /[.:]/.test(first) || first === 'localhost' ? { domain: first, rest: ref.slice(slash + 1) } : { domain: undefined, rest: ref };
}

/** The reference an image gets in the registry at `host`. A digest-only reference keeps its digest. */
export function registryRef(image: string, host: string): string {
  let { rest } = splitDomain(image);
  const { domain } = splitDomain(image);
  if ((domain === undefined || domain === 'docker.io') && rest.startsWith('library/')) rest = rest.slice('library/'.length);
  const name = rest.split('@')[0]!;
  const hasTag = name.lastIndexOf(':') > name.lastIndexOf('/');
  return `${host}/${hasTag ? name : `${name}:latest`}`;
}

/** An image reference taken apart as containerd resolves it: the registry host (docker.io when none is named),
 * the repository path in it (library/ added for Docker Hub's one-part names), the tag (latest when none) and the
 * digest, if pinned. */
export interface ImageParts {
  host: string;
  path: string;
  tag: string;
  digest?: string;
}

/** Takes an image reference apart (`nginx:1.27`, `ghcr.io/org/app@sha256:...`, `localhost:5001/app`). */
export function imageParts(image: string): ImageParts {
  const { domain, rest } = splitDomain(image);
  const host = domain === undefined || domain === 'index.docker.io' ? 'docker.io' : domain;
  const [named = '', digest] = rest.split('@');
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  let path = hasTag ? named.slice(0, colon) : named;
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return { host, path, tag: hasTag ? named.slice(colon + 1) : 'latest', ...(digest ? { digest } : {}) };
}

/** Where a registry serving as a mirror at `registryHost` keeps `image`: its path and tag, as the nodes ask. */
export function mirroredRef(image: string, registryHost: string): string {
  const { path, tag } = imageParts(image);
  return `${registryHost}/${path}:${tag}`;
}
