// restore-data.sh: fills the restored claims with the data exported from the dev cluster, one claim at a time:
// apply the claim's restore Job, wait for its pod, copy the archive in with `kubectl cp`, touch the file the pod
// waits for, wait for the Job to complete. Every value taken from a claim is single-quoted, so no name, however
// odd, becomes shell syntax.
import { posix } from 'node:path';
import { InvalidInputError } from '../../errors.js';
import { commentLines } from '../targets/shell-script.js';
import type { ClaimVolume } from './claim-volumes.js';
import { RESTORE_PATHS, restoreJobFile, restoreJobName, volumeArchiveFile } from './restore-names.js';

/** `value` as one single-quoted POSIX shell word, always quoted (unlike shellQuote), so every name reads the same. */
export function singleQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

const HEADER = [
  'kindling: restores the data of PersistentVolumeClaims exported by `kindling promote --with-state`.',
  'Run it against the target cluster (the current kubectl context) after `kindling restore` has created the claims.',
  "Per claim: apply its restore Job, copy the archive into the Job's pod, let the pod extract it, wait for the Job.",
  'Waits: RESTORE_POD_TIMEOUT for each pod to start (default 10m), RESTORE_JOB_TIMEOUT for each extraction (default 1h).',
  'Interrupted? Delete the waiting Jobs (kubectl delete job -A -l dev.kindling.managed=true) before running it again.',
];

// The Job controller creates the pod a moment after `kubectl apply`; `kubectl wait -l` fails while none matches.
const AWAIT_POD = [
  '# await_pod NAMESPACE JOB: waits (up to 2 minutes) until the Job has a pod.',
  'await_pod() {',
  '  tries=0',
  '  while [ -z "$(kubectl get pod -n "$1" -l "job-name=$2" -o name)" ]; do',
  '    tries=$((tries + 1))',
  '    if [ "$tries" -gt 120 ]; then echo "no pod for job $2 in namespace $1" >&2; return 1; fi',
  '    sleep 1',
  '  done',
  '}',
];

function claimSteps(v: ClaimVolume): string[] {
  const ns = singleQuote(v.namespace);
  const job = restoreJobName(v.claim);
  const selector = singleQuote(`job-name=${job}`);
  const storage = `${v.size || 'unknown size'}${v.storageClass ? `, class ${v.storageClass}` : ''}`;
  const about = `${v.namespace}/${v.claim}: ${storage}, from ${v.path}${v.node ? ` on ${v.node}` : ''}`;
  return [
    ...commentLines([about]),
    `kubectl apply -n ${ns} -f ${singleQuote(restoreJobFile(v))}`,
    `await_pod ${ns} ${singleQuote(job)}`,
    `kubectl wait --for=condition=Ready pod -l ${selector} -n ${ns} --timeout="$pod_timeout"`,
    `pod=$(kubectl get pod -l ${selector} -n ${ns} -o jsonpath='{.items[0].metadata.name}')`,
    `kubectl cp ${singleQuote(volumeArchiveFile(v))} ${ns}/"$pod":${RESTORE_PATHS.archive}`,
    `kubectl exec -n ${ns} "$pod" -- touch ${RESTORE_PATHS.done}`,
    `kubectl wait --for=condition=complete ${singleQuote(`job/${job}`)} -n ${ns} --timeout="$job_timeout"`,
  ];
}

/**
 * The script's text. It cd's to its own folder, then to `bundleRelativeDir` (relative to that folder; default
 * '.'), which holds restore-jobs/ and volumes/ as restoreJobFile and volumeArchiveFile name them.
 */
export function restoreDataScript(volumes: readonly ClaimVolume[], bundleRelativeDir = '.'): string {
  if (posix.isAbsolute(bundleRelativeDir) || /^[A-Za-z]:|\\/.test(bundleRelativeDir)) {
    throw new InvalidInputError(`restoreDataScript: "${bundleRelativeDir}" must be a relative, /-separated path`);
  }
  const dir = posix.normalize(bundleRelativeDir).replace(/(.)\/+$/, '$1');
  const preamble = [
    '#!/bin/sh',
    ...commentLines(HEADER),
    'set -eu',
    'cd -- "$(dirname -- "$0")"',
    ...(dir === '.' ? [] : [`cd -- ${singleQuote(dir)}`]),
    'pod_timeout="${RESTORE_POD_TIMEOUT:-10m}"',
    'job_timeout="${RESTORE_JOB_TIMEOUT:-1h}"',
  ];
  const body = volumes.length === 0 ? [['echo "no claim data to restore"']] : [AWAIT_POD, ...volumes.map(claimSteps)];
  return `${[preamble, ...body].map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
