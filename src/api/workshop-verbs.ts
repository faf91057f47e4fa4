// The library verbs a workshop runs on each of its clusters, bound to the workshop's options and to the Docker
// context each cluster lives on: up, snapshot, restoreSnapshot, down, deleteSnapshot, status, load, the
// starting manifests applied as `restore` applies a bundle (server-side apply, restore order), and the in-place
// reset.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { resetInPlace } from '../apply/workshop/reset-in-place.js';
import type { WorkshopVerbs } from '../apply/workshop/verbs.js';
import type { CommonOptions } from '../context.js';
import { applyObjects } from '../export/restore/apply-objects.js';
import { orderObjects } from '../export/order/order-objects.js';
import { readManifestSources } from '../export/source/read-sources.js';
import type { KubeObject } from '../export/kube-object.js';
import type { Logger } from '../logger.js';
import type { WorkshopFile } from '../workshop/schema.js';
import { createContext } from './create-context.js';
import { down } from './down.js';
import { status } from './list.js';
import { load } from './load.js';
import { deleteSnapshot, restoreSnapshot, snapshot } from './snapshot.js';
import { up } from './up.js';

const FIVE_MINUTES = 5 * 60_000;

/** What the verbs need to know of the workshop to make clusters (not needed for status, reset, down). */
export interface WorkshopMaking {
  def: WorkshopFile;
  /** The preset, a path resolved against the workshop file's folder. */
  presetRef: string | undefined;
  /** The workshop file's folder (relative manifests are its). */
  base: string;
  /** Over several Docker engines on one host each engine picks API ports alone, and two can pick the same: kindling picks them. */
  pickApiPorts: boolean;
}

/** A port nothing listens on at 127.0.0.1 now (the kernel's choice). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Each message about one cluster starts with its name. */
function prefixed(logger: Logger | undefined, cluster: string): Logger | undefined {
  if (!logger) return undefined;
  return {
    debug: (m) => logger.debug(`${cluster}: ${m}`),
    info: (m) => logger.info(`${cluster}: ${m}`),
    warn: (m) => logger.warn(`${cluster}: ${m}`),
  };
}

/** The verbs, and how many objects the starting manifests hold. */
export async function workshopVerbs(
  opts: CommonOptions & { waitMs?: number; timeoutMs?: number },
  making?: WorkshopMaking,
): Promise<WorkshopVerbs & { manifestCount: number }> {
  const { logger, ...rest } = opts;
  const common = (cluster: string, dockerContext: string | undefined): CommonOptions => {
    const log = prefixed(logger, cluster);
    return {
      ...rest,
      ...(dockerContext ? { dockerContext } : {}),
      ...(log ? { logger: log } : {}),
      progress: 'silent',
    };
  };
  const waitMs = opts.waitMs ?? FIVE_MINUTES;
  const timeoutMs = opts.timeoutMs ?? FIVE_MINUTES;
  let objects: KubeObject[] = [];
  if (making && making.def.manifests.length > 0) {
    objects = orderObjects(
      (await readManifestSources(making.def.manifests.map((m) => resolve(making.base, m)))).objects.map((o) => o.object),
    );
  }
  // One push of each image per Docker engine, whichever cluster gets to it first; the others wait for it.
  const pushes = new Map<string, Promise<void>>();
  const kubeconfigOf = async (cluster: string, dockerContext: string | undefined) => {
    const path = await createContext(common(cluster, dockerContext)).store.kubeconfigPath(cluster);
    if (!path) throw new Error(`cluster "${cluster}" has no stored kubeconfig`);
    return path;
  };
  return {
    manifestCount: objects.length,
    async up(cluster, dockerContext) {
      const def = making!.def;
      const h = await up({
        ...common(cluster, dockerContext),
        name: cluster,
        cwd: making!.base,
        ...(def.fromSnapshot
          ? { fromSnapshot: def.fromSnapshot }
          : {
              ...(making!.presetRef ? { preset: making!.presetRef } : {}),
              set:
                making!.pickApiPorts && !def.set.some((s) => s.startsWith('apiServer.port='))
                  ? [...def.set, `apiServer.port=${await freePort()}`]
                  : def.set,
              ...(def.image ? { image: def.image } : {}),
              ...(def.workers !== undefined ? { workers: def.workers } : {}),
              // The images are pushed once to the preset's local registry, which every cluster's nodes ask first.
              ...(def.images.length > 0 ? { preload: def.images } : {}),
            }),
        merge: false,
        // A workshop's clusters outlive the command that made them (the library's default reaps them with it).
        keep: true,
        waitMs,
        timeoutMs,
      });
      return { name: h.name, context: h.context, kubeconfigPath: h.kubeconfigPath };
    },
    async applyManifests(cluster, dockerContext, kubeconfigPath) {
      const ctx = createContext(common(cluster, dockerContext));
      const api = await ctx.kubeApi(await readFile(kubeconfigPath, 'utf8'));
      const applied = await applyObjects(ctx, api, objects, {
        refusedHint: "fix that object in the workshop's manifests, then run `kindling workshop up` again",
      });
      return applied.resources.reduce((n, r) => n + r.count, 0);
    },
    async load(cluster, dockerContext, images) {
      await load({ ...common(cluster, dockerContext), name: cluster, images, pushes });
    },
    async snapshot(cluster, dockerContext, id) {
      await snapshot({ ...common(cluster, dockerContext), name: cluster, snapshot: id, waitMs, timeoutMs });
    },
    async restore(cluster, dockerContext, id) {
      const r = await restoreSnapshot({ ...common(cluster, dockerContext), name: cluster, snapshot: id, waitMs, timeoutMs });
      return { name: r.name, context: r.status?.context ?? '', kubeconfigPath: await kubeconfigOf(cluster, dockerContext) };
    },
    resetInPlace(cluster, dockerContext, id) {
      return resetInPlace(createContext(common(cluster, dockerContext)), cluster, id, waitMs);
    },
    async down(cluster, dockerContext) {
      await down({ ...common(cluster, dockerContext), names: [cluster] });
    },
    async deleteSnapshot(cluster, id) {
      await deleteSnapshot({ ...common(cluster, undefined), name: cluster, snapshot: id });
    },
    async status(cluster, dockerContext) {
      const s = await status({ ...common(cluster, dockerContext), name: cluster });
      const api = s.readiness?.[0];
      return {
        phase: s.phase,
        apiReachable: api?.ready === true,
        detail: api?.saw ?? s.message ?? '',
      };
    },
  };
}
