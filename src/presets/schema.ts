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
    listenAddress: z.ipv4().default('127.0.0.1'),
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
        address: z.ipv4().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(0),
      })
      .strict()
      .default({ address: '127.0.0.1', port: 0 }),
    ports: z.array(PortMappingSchema).default([]),
    /** Add-ons applied after create: names from the catalogue or from customAddons. */
    addons: z.array(z.string()).default([]),
    customAddons: z.array(CustomAddonSchema).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    const known = [...Object.keys(ADDON_CATALOGUE), ...p.customAddons.map((a) => a.name)];
    p.addons.forEach((name, i) => {
      if (!known.includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['addons', i], message: `expected an add-on of the catalogue or of customAddons (${known.sort().join(', ')})` });
      }
    });
  });

/** A validated preset with defaults applied. */
export type Preset = z.infer<typeof PresetSchema>;
/** A validated port mapping. */
export type PortMapping = z.infer<typeof PortMappingSchema>;
/** Engine names. */
export type EngineName = Preset['engine'];
