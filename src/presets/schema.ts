// The one schema every preset (built-in or the user's) must satisfy. Unknown keys are errors; defaults are
// applied here, once, after validation.
import { z } from 'zod';
import { ADDON_CATALOGUE } from '../addons/catalogue.js';

/** The apiVersion every preset file carries. */
export const PRESET_API_VERSION = 'kindling.dev/v1alpha1';

const kubeVersion = z.string().regex(/^v\d+\.\d+\.\d+$/, 'expected a Kubernetes version like v1.36.1');
const portNumber = z.number().int().min(1).max(65535);

/** A host port mapped into the cluster (kind: control-plane node; k3d: the load balancer). */
export const PortMappingSchema = z
  .object({
    hostPort: portNumber,
    containerPort: portNumber,
    protocol: z.enum(['TCP', 'UDP']).default('TCP'),
    listenAddress: z.ipv4({ error: 'expected an IPv4 address' }).default('127.0.0.1'),
  })
  .strict();

/** An add-on a preset defines itself: manifests pinned by URL and sha256, and Deployments that must be Available. */
export const CustomAddonSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case name'),
    description: z.string().default(''),
    manifests: z
      .array(z.object({ url: z.url(), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits') }).strict())
      .min(1),
    ready: z.array(z.object({ namespace: z.string().min(1), deployment: z.string().min(1) }).strict()).default([]),
  })
  .strict();

const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'expected an IPv4 CIDR like 10.96.0.0/12');
const dnsName = z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?$/, 'expected a lower-case host name');
/** `{name}` in a template is replaced by the cluster name. */
const nameTemplate = z
  .string()
  .regex(/^[A-Za-z0-9@{}._:-]+$/, 'expected a name (letters, digits, . _ - : @) where {name} stands for the cluster name');

/** The names of the cluster, context and user entries in kubeconfig (the engines' own names are rewritten). */
export const KubeconfigNamesSchema = z.object({ context: nameTemplate, cluster: nameTemplate, user: nameTemplate }).strict();

/** The default StorageClass a user of the environment relies on, and what provides it. */
export const StorageSchema = z
  .object({
    enabled: z.boolean().default(true),
    className: dnsName,
    provisioner: z.string().min(1),
    volumeBindingMode: z.enum(['Immediate', 'WaitForFirstConsumer']),
    reclaimPolicy: z.enum(['Delete', 'Retain']).default('Delete'),
    default: z.boolean().default(true),
    /** `engine`: the engine's node image ships the provisioner; otherwise the add-on that deploys it. */
    providedBy: z.string().min(1).default('engine'),
  })
  .strict();

/** The ingress controller and IngressClasses of the environment. */
export const IngressSchema = z
  .object({
    enabled: z.boolean().default(false),
    controller: z.enum(['nginx', 'traefik']),
    providedBy: z.string().min(1).default('engine'),
    className: dnsName,
    default: z.boolean().default(true),
    /** More IngressClasses for the same controller (MicroK8s: traefik, nginx next to public). */
    extraClasses: z.array(dnsName).default([]),
    /** Host ports mapped to the controller's 80/443 when enabled (omit: not mapped). */
    hostPorts: z.object({ http: portNumber, https: portNumber }).strict().optional(),
  })
  .strict();

/** A local registry container that nodes pull from by `host` (KEP-1755 local-registry-hosting). */
export const RegistrySchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Container name (kind's recipe: kind-registry). */
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lower-case container name'),
    image: z.string().min(1).default('registry:2'),
    hostPort: portNumber,
    listenAddress: z.ipv4({ error: 'expected an IPv4 address' }).default('127.0.0.1'),
    /** Kept after its last cluster is deleted. */
    shared: z.boolean().default(false),
  })
  .strict();

/** Docker Hub's registry API, where `docker.io/...` images come from. */
export const DOCKER_HUB_UPSTREAM = 'https://registry-1.docker.io';

/** One pull-through cache (Distribution's `registry:2` in proxy mode) shared by every cluster that asks for it:
 * nodes pull `mirrorOf/...` images through it (containerd hosts.toml on kind, registries.yaml on k3d), so an
 * image crosses the network once, not once per cluster. */
export const ImageCacheSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** The registry the cache pulls from (REGISTRY_PROXY_REMOTEURL). */
    upstream: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
      .regex(/^https?:\/\/[^/]+\/?$/, 'expected a registry URL without a path, like https://registry-1.docker.io')
      .default(DOCKER_HUB_UPSTREAM),
    /** The registry host images name (docker.io/library/nginx: docker.io) whose pulls go through the cache;
     * default: docker.io for Docker Hub, else the upstream's host[:port]. */
    mirrorOf: dnsName.optional(),
    /** Container name; one cache of this name serves every cluster. */
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lower-case container name')
      .default('kindling-image-cache'),
    image: z.string().min(1).default('registry:2'),
    hostPort: portNumber.default(5050),
    listenAddress: z.ipv4({ error: 'expected an IPv4 address' }).default('127.0.0.1'),
    /** Upstream credentials: the user name, and the environment variable holding the password (never stored). */
    username: z.string().min(1).optional(),
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name')
      .optional(),
  })
  .strict()
  .refine((c) => (c.username === undefined) === (c.passwordEnv === undefined), {
    message: 'username and passwordEnv go together',
    path: ['passwordEnv'],
  });

/** A preset: which engine, which image, how many nodes, which ports, and what it cannot reproduce. */
export const PresetSchema = z
  .object({
    apiVersion: z.literal(PRESET_API_VERSION),
    kind: z.literal('Preset'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case name'),
    description: z.string().min(1),
    engine: z.enum(['kind', 'k3d']),
    defaultClusterName: z.string().min(1),
    kubernetesVersion: kubeVersion,
    nodeImage: z
      .object({
        repository: z.string().min(1),
        tagSuffix: z.string().default(''),
        digests: z.record(kubeVersion, z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected sha256:<64 hex digits>')).default({}),
      })
      .strict(),
    nodes: z
      .object({
        controlPlanes: z.number().int().min(1).max(7).default(1),
        workers: z.number().int().min(0).max(50).default(0),
      })
      .strict()
      .default({ controlPlanes: 1, workers: 0 }),
    apiServer: z
      .object({
        address: z.ipv4({ error: 'expected an IPv4 address' }).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(0),
      })
      .strict()
      .default({ address: '127.0.0.1', port: 0 }),
    ports: z.array(PortMappingSchema).default([]),
    networking: z.object({ podSubnet: cidr.optional(), serviceSubnet: cidr.optional() }).strict().default({}),
    /** Labels on every node; `{name}` is the cluster name. */
    nodeLabels: z.record(z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9._-]+$/, 'expected a label key'), z.string()).default({}),
    /** Kubelet hard-eviction thresholds (KubeletConfiguration evictionHard), e.g. memory.available: 100Mi. */
    evictionHard: z.record(z.string(), z.string()).optional(),
    kubeconfig: KubeconfigNamesSchema.optional(),
    storage: StorageSchema.optional(),
    ingress: IngressSchema.optional(),
    /** How LoadBalancer Services get an address, as the environment does it (documentation, shown by presets show). */
    loadBalancer: z.string().min(1).default('none'),
    registry: RegistrySchema.optional(),
    imageCache: ImageCacheSchema.optional(),
    /** Add-ons applied after create: names from the catalogue or from customAddons. */
    addons: z.array(z.string()).default([]),
    customAddons: z.array(CustomAddonSchema).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const known = [...Object.keys(ADDON_CATALOGUE), ...p.customAddons.map((a) => a.name)];
    const unknown = () => `expected an add-on of the catalogue or of customAddons (${known.sort().join(', ')})`;
    p.addons.forEach((name, i) => {
      if (!known.includes(name)) ctx.addIssue({ code: 'custom', path: ['addons', i], message: unknown() });
    });
    for (const key of ['storage', 'ingress'] as const) {
      const by = p[key]?.providedBy;
      if (by !== undefined && by !== 'engine' && !known.includes(by)) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'providedBy'],
          message: `expected "engine" or ${unknown().slice('expected '.length)}`,
        });
      }
    }
    if (p.ingress?.controller === 'traefik' && p.ingress.providedBy !== 'engine') {
      ctx.addIssue({ code: 'custom', path: ['ingress', 'providedBy'], message: 'Traefik comes only with k3s: expected "engine"' });
    }
    if (p.engine === 'kind' && p.ingress?.controller === 'traefik') {
      ctx.addIssue({ code: 'custom', path: ['ingress', 'controller'], message: 'kind nodes do not ship Traefik: expected "nginx"' });
    }
  });

/** A validated preset with defaults applied. */
export type Preset = z.infer<typeof PresetSchema>;
/** A validated storage section. */
export type StorageSettings = z.infer<typeof StorageSchema>;
/** A validated ingress section. */
export type IngressSettings = z.infer<typeof IngressSchema>;
/** A validated registry section. */
export type RegistrySettings = z.infer<typeof RegistrySchema>;
/** A validated image-cache section. */
export type ImageCacheSettings = z.infer<typeof ImageCacheSchema>;
/** Validated kubeconfig names (templates). */
export type KubeconfigNames = z.infer<typeof KubeconfigNamesSchema>;
/** A validated port mapping. */
export type PortMapping = z.infer<typeof PortMappingSchema>;
/** Engine names. */
export type EngineName = Preset['engine'];
