// The Job that puts a claim's data back on the target cluster: it mounts the restored claim at /data and an
// emptyDir at /restore, waits until restore-data.sh has copied the archive to /restore/data.tar.gz and touched
// /restore/done, extracts the archive into /data and exits. The archive is `docker cp`'s tar of the volume folder,
// so its top folder (the folder's own name) is stripped: busybox tar has --strip-components and --numeric-owner
// when built with FEATURE_TAR_LONG_OPTIONS, which the official image's `make defconfig` turns on.
//
// Security trade-off: the data's owners and modes must come back as they were (a database runs as its own uid and
// refuses a data folder it does not own), and that takes root with CHOWN, FOWNER (chmod and mtimes of files now
// owned by others), DAC_OVERRIDE (writing into folders already given to another uid) and FSETID (keeping setgid
// bits). Everything else is closed: all other capabilities dropped, no privilege escalation, read-only root file
// system, RuntimeDefault seccomp, no service account token. The pod passes Pod Security "baseline", not
// "restricted": restore into a namespace enforcing "restricted" needs an exemption, or a label override.
import { LABEL_MANAGED } from '../../labels.js';
import type { KubeObject } from '../kube-object.js';
import type { ClaimVolume } from './claim-volumes.js';
import { RESTORE_PATHS, restoreJobName } from './restore-names.js';

// promote/cluster-dump.ts takes the whole restore side from here.
export { RESTORE_PATHS, restoreJobFile, restoreJobName, volumeArchiveFile } from './restore-names.js';
export { restoreDataScript } from './restore-script.js';

/** The default image: small, pinned to a minor version, and its tar and sh are all the Job needs. */
export const RESTORE_IMAGE = 'busybox:1.36';

// A finished Job (and its pod's log) stays an hour for a look, then goes.
const TTL_SECONDS = 3600;

const EXTRACT = [
  'set -eu',
  `until [ -e ${RESTORE_PATHS.done} ]; do sleep 1; done`,
  `tar -x -z -f ${RESTORE_PATHS.archive} -C ${RESTORE_PATHS.data} --strip-components=1 --numeric-owner`,
  `echo "restored ${RESTORE_PATHS.archive} into ${RESTORE_PATHS.data}"`,
].join('\n');

function container(image: string): Record<string, unknown> {
  return {
    name: 'restore',
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', EXTRACT],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: false,
      runAsUser: 0,
      runAsGroup: 0,
      capabilities: { drop: ['ALL'], add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID'] },
    },
    volumeMounts: [
      { name: 'data', mountPath: RESTORE_PATHS.data },
      { name: 'restore', mountPath: RESTORE_PATHS.dir },
    ],
  };
}

/** The restore Job of one claim, in the claim's namespace (`image` defaults to RESTORE_IMAGE). */
export function restoreJob(volume: ClaimVolume, opts: { image?: string } = {}): KubeObject {
  const labels = { [LABEL_MANAGED]: 'true' };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: restoreJobName(volume.claim), namespace: volume.namespace, labels },
    spec: {
      backoffLimit: 0,
      ttlSecondsAfterFinished: TTL_SECONDS,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: [container(opts.image ?? RESTORE_IMAGE)],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: volume.claim } },
            { name: 'restore', emptyDir: {} },
          ],
        },
      },
    },
  };
}
