// What upgrade, snapshot restore and kind's scale share on the terminal: the recreate plan said in words before
// anything happens, a question on a terminal (--yes otherwise), and the result.
import type { RecreateResult } from '../api/upgrade.js';
import { InvalidInputError } from '../errors.js';
import type { RecreatePlan } from '../plan/recreate-plan.js';
import type { CliIO } from './io.js';

/** The plan in words: what is recreated, what is carried over, which image, each step. */
export function recreateText(plan: RecreatePlan): string {
  const { from, to } = plan;
  const change = [
    ...(from.kubernetesVersion !== to.kubernetesVersion ? [`Kubernetes ${from.kubernetesVersion} -> ${to.kubernetesVersion}`] : []),
    ...(from.workers !== to.workers ? [`workers ${from.workers} -> ${to.workers}`] : []),
    ...(from.image !== to.image ? [`image ${to.image}`] : []),
  ];
  return [
    `${plan.reason} of cluster "${plan.name}" (${plan.engine})${change.length ? `: ${change.join(', ')}` : ''}`,
    `  recreated:    ${plan.recreated.join(', ') || '(no containers)'} (${plan.engine} cannot change them in place)`,
    ...plan.carriedOver.map((c, i) => `  ${i === 0 ? 'carried over: ' : '              '}${c}`),
    `  on a failure: made again at ${from.kubernetesVersion} from the same snapshot`,
    '  steps:',
    ...plan.actions.map((a, i) => `    ${i + 1}. ${a.title}`),
    '',
  ].join('\n');
}

/** Says the plan on stderr and asks on a terminal; false when the user says no. Without a terminal, needs yes. */
export async function confirmRecreate(io: CliIO, plan: RecreatePlan, yes: boolean): Promise<boolean> {
  io.stderr(recreateText(plan));
  if (yes) return true;
  if (!io.stdinIsTTY) {
    throw new InvalidInputError(`refusing to recreate "${plan.name}" without confirmation`, 'pass --yes (the plan is above)');
  }
  if (await io.confirm(`Recreate "${plan.name}" as planned?`)) return true;
  io.stderr('nothing changed\n');
  return false;
}

/** The one-line result and the readiness stages. */
export function recreateResultText(verb: string, r: RecreateResult): string {
  const version =
    r.from.kubernetesVersion === r.to.kubernetesVersion
      ? r.to.kubernetesVersion
      : `${r.from.kubernetesVersion} -> ${r.to.kubernetesVersion}`;
  const lines = [
    `${verb}: cluster "${r.name}" is ${r.status?.phase ?? 'running'} (${r.engine}, Kubernetes ${version}, ${r.to.workers} worker${r.to.workers === 1 ? '' : 's'})`,
    `  snapshot:   ${r.snapshot}${r.restored ? ` (${r.restored.objects} objects, ${r.restored.volumes.length} volume${r.restored.volumes.length === 1 ? '' : 's'} restored)` : ''}`,
    ...(r.status?.apiServer ? [`  api server: ${r.status.apiServer.url}`] : []),
    ...(r.readiness ?? []).map((s) => `  ready:      ${s.title} after ${(s.elapsedMs / 1000).toFixed(1)}s`),
    '',
  ];
  return lines.join('\n');
}
