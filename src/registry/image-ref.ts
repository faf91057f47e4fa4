// Where a local image goes in the cluster's registry: the registry's host address in place of the image's
// own registry (docker.io/library/nginx:1.27 -> localhost:5001/nginx:1.27).

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
