// What the workshop tests share: kubectl as an attendee runs it (their own kubeconfig file and context), and the
// starting state every attendee's cluster gets.
import { join } from 'node:path';
import { execa } from 'execa';
import { integrationEnv } from './env.js';

/** kubectl with an attendee's own kubeconfig file: its exit code, stdout and stderr. */
export async function attendeeKubectl(env: Record<string, string | undefined>, kubeconfig: string, context: string, args: string[]) {
  return execa(join(integrationEnv().binDir, 'kubectl'), ['--kubeconfig', kubeconfig, '--context', context, ...args], {
    env,
    reject: false,
  });
}

/** Like attendeeKubectl, but throws with its stderr unless it succeeds; returns stdout. */
export async function attendeeKubectlOk(
  env: Record<string, string | undefined>,
  kubeconfig: string,
  context: string,
  args: string[],
): Promise<string> {
  const r = await attendeeKubectl(env, kubeconfig, context, args);
  if (r.exitCode !== 0) throw new Error(`kubectl --context ${context} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The workshops' starting state: namespace lab with ConfigMap welcome {step: "1"}. */
export const WORKSHOP_START = `apiVersion: v1
kind: Namespace
metadata: {name: lab}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: welcome, namespace: lab}
data: {step: "1"}
`;
