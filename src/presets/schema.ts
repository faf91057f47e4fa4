// The one schema every preset (built-in or the user's) must satisfy. Unknown keys are errors; defaults are
// applied here, once, after validation.
import { z } from 'zod';

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
    notes: z.array(z.string()).default([]),
  })
  .strict();

/** A validated preset with defaults applied. */
export type Preset = z.infer<typeof PresetSchema>;
/** A validated port mapping. */
export type PortMapping = z.infer<typeof PortMappingSchema>;
/** Engine names. */
export type EngineName = Preset['engine'];
