// Starts the nodes: k3d with its own `k3d cluster start` (which waits for each node's log line); kind through
// the Docker API in order: control planes, workers, then the load balancer.
import { nativeStartStop } from '../../engines/engine.js';
import type { Action } from '../action.js';
import { nodeContainers, startOrder } from '../node-containers.js';
import type { StartState } from './start-state.js';

/** The start-nodes step. */
export const startNodes: Action<StartState> = {
  id: 'start-nodes',
  async run(ctx, state) {
    const engine = await ctx.engine(state.spec.engine);
    const native = nativeStartStop(engine);
    if (native) return native.start(state.spec.name, { timeoutMs: state.timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    const docker = await ctx.docker();
    for (const { container } of startOrder(await nodeContainers(ctx, state.spec))) await docker.startContainer(container.id);
  },
};
