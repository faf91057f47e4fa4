// What local-path-provisioner does for a claim, done by hand because the stand-in nodes run no provisioner
// (kwok fakes the pods): a folder on the node holding the claim's data, and a hostPath PersistentVolume pinned to
// that node and pre-bound to the claim. Everything kindling then does with it is real: the API lists, the tar
// from the node container through the Docker API, the restore into another node.
import { join } from 'node:path';
import { execa } from 'execa';
import { integrationEnv } from './env.js';
import type { Sandbox } from './sandbox.js';

/** kubectl in the sandbox against one context; throws with its stderr when it fails. */
export function kubectlFor(sb: Sandbox, context: string) {
  return async (args: string[], input?: string): Promise<string> => {
    const r = await execa(join(integrationEnv().binDir, 'kubectl'), ['--context', context, ...args], {
      env: sb.env,
      reject: false,
      ...(input === undefined ? {} : { input }),
    });
    if (r.exitCode !== 0) throw new Error(`kubectl --context ${context} ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
}

/** Where the engines' local-path-provisioner keeps claims on a node. */
export const CLAIM_ROOT = { kind: '/var/local-path-provisioner', k3d: '/var/lib/rancher/k3s/storage' } as const;

/** Gives the claim `namespace/claim` a folder on `node` holding `files` (relative path -> text), bound through a PV. */
export async function giveClaimData(
  sb: Sandbox,
  opts: {
    context: string;
    engine: 'kind' | 'k3d';
    node: string;
    namespace: string;
    claim: string;
    storageClass: string;
    files: Record<string, string>;
  },
): Promise<{ folder: string; volume: string }> {
  const kubectl = kubectlFor(sb, opts.context);
  const claim = JSON.parse(await kubectl(['-n', opts.namespace, 'get', 'pvc', opts.claim, '-o', 'json']));
  const uid = claim.metadata.uid as string;
  const folder = `${CLAIM_ROOT[opts.engine]}/pvc-${uid}_${opts.namespace}_${opts.claim}`;
  for (const [file, text] of Object.entries(opts.files)) {
    const path = `${folder}/${file}`;
    await execa('docker', ['exec', '-i', opts.node, 'sh', '-c', 'mkdir -p "$(dirname "$1")" && cat > "$1"', 'sh', path], { input: text });
  }
  const volume = `pvc-${uid}`;
  const pv = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: volume, annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
    spec: {
      // At least what the claim asks for, or it does not bind.
      capacity: { storage: claim.spec.resources?.requests?.storage ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: opts.storageClass,
      hostPath: { path: folder, type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: opts.namespace, name: opts.claim, uid },
      nodeAffinity: {
        required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [opts.node] }] }] },
      },
    },
  };
  await kubectl(['apply', '-f', '-'], JSON.stringify(pv));
  await kubectl(['-n', opts.namespace, 'wait', '--for=jsonpath={.status.phase}=Bound', `pvc/${opts.claim}`, '--timeout=60s']);
  return { folder, volume };
}

/** The text of a file in a node container, or undefined when it is not there. */
export async function nodeFile(node: string, path: string): Promise<string | undefined> {
  const r = await execa('docker', ['exec', node, 'cat', path], { reject: false, stripFinalNewline: false });
  return r.exitCode === 0 ? r.stdout : undefined;
}
