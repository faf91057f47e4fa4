// Reads the cluster back from Docker after the start and stores it: every node running, and the API server
// published where it was before the stop (the user's kubeconfig still points there).
import type { Context } from '../../context.js';
import { ExitCode, KindlingError } from '../../errors.js';
import { NODES_RECORD, type StoppedNodes } from '../../model/node-record.js';
import { contextOf } from '../../model/cluster-spec.js';
import { observeCluster } from '../../status/observe.js';
import type { Action } from '../action.js';
import type { StartState } from './start-state.js';

/** A multi-node kind cluster whose nodes came back at other addresses is broken: say which and why. */
async function checkAddresses(ctx: Context, state: StartState): Promise<void> {
  if (state.spec.engine !== 'kind' || state.spec.nodes.controlPlanes + state.spec.nodes.workers < 2) return;
  const records = (await ctx.store.readRecord<StoppedNodes>(state.spec.name, NODES_RECORD))?.nodes ?? [];
  const docker = await ctx.docker();
  const moved: string[] = [];
  for (const r of records.filter((x) => x.ipv4)) {
    const now = (await docker.networkEndpoint(r.name, r.network))?.ipv4;
    if (now && now !== r.ipv4) moved.push(`${r.name} ${r.ipv4} -> ${now}`);
  }
  if (moved.length === 0) return;
  throw new KindlingError(
    'address-changed',
    ExitCode.engineFailed,
    `nodes of "${state.spec.name}" came back at other addresses: ${moved.join(', ')}`,
    {
      hint: `network ${records[0]!.network} lets Docker choose addresses (it was made without an IPv4 subnet); \`kindling down\` and \`up\` the cluster again`,
    },
  );
}

/** The observe-started step. */
export const observeStarted: Action<StartState> = {
  id: 'observe-started',
  async run(ctx, state) {
    const { name, engine } = state.spec;
    const status = await observeCluster(ctx, name, engine, undefined, { ignoreLock: true, context: contextOf(state.spec) });
    await ctx.store.writeStatus(name, status);
    state.status = status;
    if (status.phase !== 'running') {
      throw new KindlingError(
        'not-running',
        ExitCode.engineFailed,
        `after the start, cluster "${name}" is ${status.phase}${status.message ? ` (${status.message})` : ''}`,
        {
          hint: 'look at `docker logs` of its node containers',
        },
      );
    }
    await checkAddresses(ctx, state);
    const after = status.apiServer?.url;
    if (state.apiServerBefore && after !== state.apiServerBefore) {
      throw new KindlingError(
        'api-moved',
        ExitCode.engineFailed,
        `after the start, the API server of "${name}" is at ${after ?? 'no address'}, not ${state.apiServerBefore}`,
        {
          hint: `its kubeconfig no longer fits: run \`kindling kubeconfig ${name}\` after \`kindling down\` and \`up\`, or report this`,
        },
      );
    }
  },
};
