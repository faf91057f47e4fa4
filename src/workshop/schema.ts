// The workshop file: one preset (with overrides) or one snapshot to start every cluster from, a count or the
// attendees' names, the manifests every cluster starts with and the images preloaded into it. Unknown keys are
// errors, as in presets; defaults are applied once, here.
import { z } from 'zod';

/** The apiVersion a workshop file carries (the presets' own). */
export const WORKSHOP_API_VERSION = 'kindling.dev/v1alpha1';

/** The longest workshop name: its clusters are `<name>-<attendee>`, and k3d allows 32 characters in all. */
export const MAX_WORKSHOP_NAME = 20;

const dnsLabel = z
  .string()
  .max(MAX_WORKSHOP_NAME, `at most ${MAX_WORKSHOP_NAME} characters (cluster names are <name>-<attendee>)`)
  .regex(/^[a-z]([a-z0-9-]*[a-z0-9])?$/, "expected a DNS label: lower-case letters, digits and '-', starting with a letter");

/** A workshop file as written, checked. */
export const WorkshopFileSchema = z
  .object({
    apiVersion: z.literal(WORKSHOP_API_VERSION),
    kind: z.literal('Workshop'),
    /** The workshop's name, and the prefix of its cluster names. */
    name: dnsLabel,
    description: z.string().default(''),
    /** A preset name or file (relative to the workshop file); default k3d. */
    preset: z.string().min(1).optional(),
    /** Preset overrides `key.path=value`, as `up --set`. */
    set: z.array(z.string().regex(/^[^=\s]+=/, 'expected key.path=value')).default([]),
    /** The node image (as `up --image`). */
    image: z.string().min(1).optional(),
    workers: z.number().int().min(0).max(8).optional(),
    /** How many clusters, named <name>-01, <name>-02, ... */
    count: z.number().int().min(1).max(200).optional(),
    /** One cluster per attendee; each name becomes a DNS label (Zoë Smith -> zoe-smith). */
    attendees: z.array(z.string().trim().min(1)).min(1).max(200).optional(),
    /** Manifest files or folders (relative to the workshop file) applied to every cluster: the starting state. */
    manifests: z.array(z.string().min(1)).default([]),
    /** Local images loaded into every cluster's nodes. */
    images: z.array(z.string().min(1)).default([]),
    /** `CLUSTER/SNAPSHOT`: every cluster starts as that snapshot (its spec, objects and data). */
    fromSnapshot: z
      .string()
      .regex(/^[^/\s]+\/[^/\s]+$/, 'expected CLUSTER/SNAPSHOT')
      .optional(),
    /** Docker contexts to spread the clusters over, by their free memory (default: the one Docker kindling uses). */
    dockerContexts: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((w, issues) => {
    if ((w.count === undefined) === (w.attendees === undefined)) {
      issues.addIssue({ code: 'custom', path: ['count'], message: 'give either count or attendees (exactly one of them)' });
    }
    if (w.fromSnapshot !== undefined && (w.preset !== undefined || w.set.length > 0 || w.image !== undefined || w.workers !== undefined)) {
      issues.addIssue({
        code: 'custom',
        path: ['fromSnapshot'],
        message: 'a snapshot brings its own spec: leave out preset, set, image and workers',
      });
    }
  });

/** A checked workshop file, defaults applied. */
export type WorkshopFile = z.infer<typeof WorkshopFileSchema>;
