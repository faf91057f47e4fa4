// Builds the handle `up` resolves to: the cluster's facts, and its verbs bound to the options of the `up` that
// made it. How down() lets go (delete, or release a lease) is given by the caller.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { UpState } from '../../apply/up/up-state.js';
import type { CommonOptions, Context } from '../../context.js';
import type { ClusterHandle } from '../handle.js';
import { load } from '../load.js';
import { snapshot } from '../snapshot.js';
import { start } from '../start.js';
import { stop } from '../stop.js';
import { applyManifests } from './apply-manifests.js';
import { clientNodeKubeConfig } from '../../runtime/kube-api.js';

/** How long apply() waits for the objects by default. */
export const APPLY_WAIT_MS = 2 * 60_000;

/** What the handle needs besides the finished up state. */
export interface HandleParts {
  ctx: Context;
  opts: CommonOptions;
  state: UpState;
  unchanged: boolean;
  started: boolean;
  reused: boolean;
  /** What down() does (once: later calls do nothing). */
  letGo(): Promise<void>;
}

/** The handle for a finished `up`. */
export async function makeHandle(p: HandleParts): Promise<ClusterHandle> {
  const { ctx, opts, state, unchanged } = p;
  const { spec, context } = state.plan;
  const kubeconfigPath = state.kubeconfigPath!;
  // Empty only for a cluster the store keeps no kubeconfig of (made elsewhere and never fetched).
  const kubeconfig = kubeconfigPath ? await readFile(kubeconfigPath, 'utf8') : '';
  const name = spec.name;
  let gone: Promise<void> | undefined;
  const down = () => (gone ??= p.letGo());
  return {
    name,
    context,
    kubeconfigPath,
    kubeconfig,
    apiServer: state.status!.apiServer,
    ...(state.mergedInto ? { mergedInto: state.mergedInto } : {}),
    ...(state.readiness ? { readiness: state.readiness } : {}),
    status: state.status!,
    plan: state.plan,
    unchanged,
    ...(p.started ? { started: true } : {}),
    reused: p.reused,
    ...(state.restored ? { restored: state.restored } : {}),
    ...(!unchanged && state.journal.timings && state.journal.timings.length > 0 ? { steps: [...state.journal.timings] } : {}),
    kubeConfig: () => clientNodeKubeConfig(kubeconfig, context),
    apply: (manifests, how = {}) =>
      applyManifests(ctx, kubeconfig, manifests, { waitMs: how.waitMs ?? APPLY_WAIT_MS, sleep: (ms) => sleep(ms) }),
    load: (images) => load({ ...opts, name, images }),
    down,
    stop: async () => {
      await stop({ ...opts, names: [name] });
    },
    start: async (how = {}) => {
      await start({ ...opts, names: [name], ...(how.waitMs === undefined ? {} : { waitMs: how.waitMs }) });
    },
    snapshot: async (how = {}) => snapshot({ ...opts, name, ...how }),
    [Symbol.asyncDispose]: down,
  };
}
