// One look at every readiness stage, for `status`: in order, stopping at the first that is not done.
import type { KubeApi } from '../runtime/kube-api.js';
import type { Stage } from './stages.js';

/** A stage as it is right now. */
export interface StageState {
  id: Stage['id'];
  title: string;
  ready: boolean;
  saw: string;
}

/** Checks the stages once; those after the first unready one are reported as not checked. */
export async function probeReadiness(api: KubeApi, stages: readonly Stage[]): Promise<StageState[]> {
  const out: StageState[] = [];
  let blockedBy: string | undefined;
  for (const stage of stages) {
    if (blockedBy) {
      out.push({ id: stage.id, title: stage.title, ready: false, saw: `not checked: waiting for "${blockedBy}"` });
      continue;
    }
    const o = await stage.check(api).catch((err: Error) => ({ done: false, saw: err.message.split('\n')[0] ?? String(err) }));
    out.push({ id: stage.id, title: stage.title, ready: o.done, saw: o.saw });
    if (!o.done) blockedBy = stage.id;
  }
  return out;
}
