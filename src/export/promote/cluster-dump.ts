// `promote --with-state`: the clean objects in Velero's backup layout under state/, a restore Job per claim whose
// data can be read from the node containers, the script that runs them, and (when the bundle is written) each
// claim's data as a gzipped tar read through the Docker API.
import { join } from 'node:path';
import type { DockerClient } from '../../runtime/docker-client.js';
import { isNamed } from '../bundle/base-files.js';
import type { BundleFile } from '../bundle/bundle-file.js';
import type { DumpSummary } from '../bundle/bundle-report.js';
import { archiveClaimVolume } from '../dump/archive-volume.js';
import { claimVolumes, type ClaimVolume } from '../dump/claim-volumes.js';
import { dumpFiles } from '../dump/dump-files.js';
import { restoreDataScript, restoreJob, restoreJobFile, volumeArchiveFile } from '../dump/restore-job.js';
import type { KubeObject, SourcedObject } from '../kube-object.js';
import { toYamlDocuments } from '../order/render-yaml.js';

/** The dump part of a bundle (its state/ folder): files to write now, and the volume archives to add to the staged bundle. */
export interface ClusterDump {
  files: BundleFile[];
  summary: DumpSummary;
  /** Writes each claim's data under `dir`/state/volumes/ (connecting to Docker only if there is any); returns what was written. */
  archive(
    docker: () => Promise<DockerClient>,
    dir: string,
  ): Promise<Array<{ namespace: string; claim: string; file: string; bytes: number }>>;
}

/** The dump of `raw` (the objects as read live) given the clean `base` objects (Secrets only if promote kept them). Pure until archive() is called. */
export function clusterDump(raw: readonly SourcedObject[], base: readonly SourcedObject[]): ClusterDump {
  const objects = base.map((s) => s.object).filter(isNamed);
  const { volumes, skipped } = claimVolumes(raw.map((s) => s.object));
  const kept = volumes.filter((v) => includeClaim(v, objects));
  const dump = dumpFiles(objects).map((f) => ({ path: `state/${f.path}`, content: f.content, ...(f.secret ? { secret: true } : {}) }));
  const jobs: BundleFile[] = kept.map((v) => ({ path: `state/${restoreJobFile(v)}`, content: toYamlDocuments([restoreJob(v)]) }));
  const script: BundleFile[] = kept.length === 0 ? [] : [{ path: 'state/restore-data.sh', content: restoreDataScript(kept) }];
  return {
    files: [...dump, ...jobs, ...script],
    summary: {
      objects: objects.length,
      volumes: kept.map((v) => ({ namespace: v.namespace, claim: v.claim, file: `state/${volumeArchiveFile(v)}` })),
      skippedClaims: [
        ...skipped,
        ...volumes
          .filter((v) => !kept.includes(v))
          .map((v) => ({
            namespace: v.namespace,
            claim: v.claim,
            reason: 'the claim itself is not in the bundle (left out by the skip rules)',
          })),
      ],
    },
    async archive(docker, dir) {
      const written = [];
      for (const v of kept) {
        const file = `state/${volumeArchiveFile(v)}`;
        const { bytes } = await archiveClaimVolume(await docker(), v, join(dir, file));
        written.push({ namespace: v.namespace, claim: v.claim, file, bytes });
      }
      return written;
    },
  };
}

// Data is exported only for claims the bundle restores: a claim in kube-system stays behind with its data.
function includeClaim(v: ClaimVolume, objects: readonly KubeObject[]): boolean {
  return objects.some((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.namespace === v.namespace && o.metadata.name === v.claim);
}
