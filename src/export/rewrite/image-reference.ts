// Container image references: which registry they name, whether only the dev cluster can pull them (promotion.md
// section 0 "Local images" and 3.1), and how to point them at a production registry.

/** An image reference split into its parts; `registry` is absent for Docker Hub short names. */
export interface ImageReference {
  registry?: string;
  path: string;
  tag?: string;
  digest?: string;
}

// Registry hosts only a dev machine resolves: kind's `localhost:5001` and `kind-registry:5000` (kind docs
// local-registry.md), k3d's `k3d-NAME.localhost:PORT` and any other `*.localhost` (k3d docs registries.md),
// MicroK8s's `localhost:32000` and the loopback address (beyond promotion.md).
const DEV_REGISTRY_HOSTS: readonly RegExp[] = [
  /^localhost(:\d+)?$/,
  /^127\.0\.0\.1(:\d+)?$/,
  /^[a-z0-9.-]+\.localhost(:\d+)?$/,
  /^kind-registry(:\d+)?$/,
];

/** Splits `[registry/]path[:tag][@digest]`; the first component is a registry when it has a '.' or ':' or is `localhost` (Docker's rule). */
export function parseImage(image: string): ImageReference {
  const [name = '', digest] = image.split('@', 2);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  const rest = isRegistry ? name.slice(slash + 1) : name;
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  return {
    ...(isRegistry ? { registry: first } : {}),
    path: hasTag ? rest.slice(0, colon) : rest,
    ...(hasTag ? { tag: rest.slice(colon + 1) } : {}),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** Whether only the dev machine can pull this image (its registry is a local one). */
export function isDevRegistryImage(image: string): boolean {
  const { registry } = parseImage(image);
  return registry !== undefined && DEV_REGISTRY_HOSTS.some((host) => host.test(registry));
}

/** The same image path, tag and digest under another registry (which may carry a path prefix, e.g. `ghcr.io/team`). */
export function retargetImage(image: string, registry: string): string {
  const ref = parseImage(image);
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
  return `${registry.replace(/\/+$/, '')}/${ref.path}${tag}${digest}`;
}

/** Whether the image floats: tagged `latest`, or neither tagged nor pinned by digest (kind quick-start note). */
export function isFloatingImage(image: string): boolean {
  const ref = parseImage(image);
  return ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest');
}
