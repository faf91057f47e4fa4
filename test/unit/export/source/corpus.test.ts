// Every file of the shared corpus (third-party manifests, ../shared/corpus, see its SOURCES.md) through the
// offline export: read, skip, clean, order, render. The counts below are the facts SOURCES.md records.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanObject } from '../../../../src/export/clean/clean.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { orderObjects } from '../../../../src/export/order/order-objects.js';
import { resourceName } from '../../../../src/export/order/resource-name.js';
import { restoreRank } from '../../../../src/export/order/restore-priorities.js';
import { listManifestFiles } from '../../../../src/export/source/list-files.js';
import { parseManifest } from '../../../../src/export/source/parse-manifest.js';
import { readManifestSources } from '../../../../src/export/source/read-sources.js';
import { exportManifests, type ExportResult } from '../golden/export-pipeline.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CORPUS = resolve(repoRoot, '../shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} does not exist (it sits next to the repository; CI always has it)`);

// SOURCES.md, "Multi-document files": kinds and their counts per file.
const KINDS: Record<string, Record<string, number>> = {
  'microservices-demo__kubernetes-manifests.yaml': { Deployment: 12, Service: 12, ServiceAccount: 11 },
  'kubernetes-examples__guestbook-all-in-one.yaml': { Deployment: 3, Service: 3 },
  'ingress-nginx__deploy.yaml': {
    ClusterRole: 2,
    ClusterRoleBinding: 2,
    Job: 2,
    Role: 2,
    RoleBinding: 2,
    Service: 2,
    ServiceAccount: 2,
    ConfigMap: 1,
    Deployment: 1,
    IngressClass: 1,
    Namespace: 1,
    ValidatingWebhookConfiguration: 1,
  },
  'local-path-provisioner__local-path-storage.yaml': {
    ClusterRole: 1,
    ClusterRoleBinding: 1,
    ConfigMap: 1,
    Deployment: 1,
    Namespace: 1,
    Role: 1,
    RoleBinding: 1,
    ServiceAccount: 1,
    StorageClass: 1,
  },
  'kubernetes-website__mysql-deployment.yaml': { Deployment: 1, PersistentVolumeClaim: 1, Service: 1 },
  'kubernetes-website__wordpress-deployment.yaml': { Deployment: 1, PersistentVolumeClaim: 1, Service: 1 },
  'aks-store-demo__aks-store-ingress-quickstart.yaml': { Service: 4, Deployment: 3, Secret: 2, ConfigMap: 1, Ingress: 1, StatefulSet: 1 },
  'opentelemetry-demo__opentelemetry-demo.yaml': {
    Service: 26,
    Deployment: 24,
    ConfigMap: 17,
    ServiceAccount: 5,
    ClusterRole: 3,
    ClusterRoleBinding: 3,
    Namespace: 1,
    PodDisruptionBudget: 1,
    Role: 1,
    RoleBinding: 1,
    Secret: 1,
    StatefulSet: 1,
  },
  'cloudnative-pg__cnpg-1.30.0.yaml': {
    CustomResourceDefinition: 11,
    ClusterRole: 7,
    ClusterRoleBinding: 1,
    ConfigMap: 1,
    Deployment: 1,
    MutatingWebhookConfiguration: 1,
    Namespace: 1,
    Service: 1,
    ServiceAccount: 1,
    ValidatingWebhookConfiguration: 1,
  },
  'cloudnative-pg__cluster-example-full.yaml': { Secret: 3, Cluster: 1 },
};

function kindCounts(objects: readonly KubeObject[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of objects) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}

describe.skipIf(!present)('the shared corpus', () => {
  let all: ExportResult;
  const exported = async () => (all ??= await exportManifests([CORPUS]));

  it('every manifest file gives objects, or only kustomize configuration skipped with a reason', async () => {
    const { files } = await listManifestFiles([CORPUS]);
    // 10 multi-document files and the 40 YAML files of the two trees (redis.conf is not a manifest).
    expect(files.length).toBe(50);
    for (const file of files) {
      const { objects, skipped } = await readManifestSources([file]);
      if (objects.length > 0) continue;
      expect(skipped.length, file).toBeGreaterThan(0);
      for (const s of skipped) expect(s.reason, file).toMatch(/^kustomize /);
    }
  });

  it.each(Object.entries(KINDS))('%s holds the kinds SOURCES.md counts', async (name, kinds) => {
    const { objects, skipped } = await readManifestSources([join(CORPUS, name)]);
    expect(kindCounts(objects.map((o) => o.object))).toEqual(kinds);
    expect(skipped).toEqual([]);
    expect(objects.every((o) => 'file' in o.origin && o.origin.file === join(CORPUS, name))).toBe(true);
  });

  it('the kustomize trees: 10 kustomization files and 3 transformer configs skipped, the rest objects', async () => {
    const trees = [join(CORPUS, 'metrics-server__manifests'), join(CORPUS, 'podinfo__deploy')];
    const { objects, skipped } = await readManifestSources(trees);
    expect(skipped.filter((s) => basename(s.file).startsWith('kustomization'))).toHaveLength(10);
    expect(skipped.filter((s) => basename(s.file) === 'labels.yaml').map((s) => s.reason)).toEqual(
      Array(3).fill('kustomize builtin LabelTransformer configuration, not a Kubernetes object'),
    );
    expect(kindCounts(objects.map((o) => o.object))).toEqual({
      APIService: 1,
      ClusterRole: 2,
      ClusterRoleBinding: 2,
      RoleBinding: 1,
      ServiceAccount: 3,
      Deployment: 5,
      Service: 6,
      HorizontalPodAutoscaler: 3,
      CronJob: 4,
      StatefulSet: 1,
      PersistentVolumeClaim: 1,
      Namespace: 3,
    });
  });

  it('reads YAML 1.1 values as kubectl does: podinfo’s `defaultMode: 0755` is 493', async () => {
    const { objects } = await readManifestSources([join(CORPUS, 'podinfo__deploy/bases/database/cronjob-backup-daily.yaml')]);
    expect(JSON.stringify(objects[0]?.object)).toContain('"defaultMode":493');
  });

  it('skips only what promotion.md says, each with a reason: the dev storage add-on and kube-system', async () => {
    const { skipped, objects } = await exported();
    const reasons = skipped.map((s) => `${s.object.kind}/${s.object.metadata.name}: ${s.reason}`);
    expect(reasons.filter((r) => r.includes('local-path'))).toEqual([
      'Namespace/local-path-storage: system namespace, present on every cluster',
      'ServiceAccount/local-path-provisioner-service-account: in system namespace local-path-storage',
      'Role/local-path-provisioner-role: in system namespace local-path-storage',
      'RoleBinding/local-path-provisioner-bind: in system namespace local-path-storage',
      'ClusterRoleBinding/local-path-provisioner-bind: binds only service accounts in system namespaces',
      'Deployment/local-path-provisioner: in system namespace local-path-storage',
      "StorageClass/local-path: the dev cluster's local-path storage class; claims are mapped to the target's class",
      'ConfigMap/local-path-config: in system namespace local-path-storage',
    ]);
    expect(skipped.every((s) => s.reason.length > 0)).toBe(true);
    expect(skipped).toHaveLength(16);
    // 201 objects in the multi-document files, 32 in the trees.
    expect(objects.length + skipped.length).toBe(233);
  });

  it('leaves no status and no server-written metadata anywhere', async () => {
    const { objects } = await exported();
    for (const o of objects) {
      expect(o.status, `${o.kind}/${o.metadata.name}`).toBeUndefined();
      for (const field of ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp', 'generation', 'selfLink', 'ownerReferences']) {
        expect(o.metadata[field], `${o.kind}/${o.metadata.name} ${field}`).toBeUndefined();
      }
      expect(o.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
      if (o.kind === 'Service') expect(['None', undefined]).toContain((o.spec as { clusterIP?: string }).clusterIP);
    }
  });

  it('never touches a CustomResourceDefinition schema, whatever field names it describes', async () => {
    const { objects: read } = await readManifestSources([join(CORPUS, 'cloudnative-pg__cnpg-1.30.0.yaml')]);
    const crds = read.map((s) => s.object).filter((o) => o.kind === 'CustomResourceDefinition');
    expect(crds).toHaveLength(11);
    for (const crd of crds) expect(cleanObject(crd).spec).toEqual(crd.spec);
  });

  it('writes YAML that reads back as the same objects', async () => {
    const { objects, yaml } = await exported();
    expect(parseManifest(yaml, 'bundle.yaml').objects.map((s) => s.object)).toEqual(objects);
  });

  it('is idempotent: cleaning the export changes nothing', async () => {
    const { objects } = await exported();
    expect(objects.map(cleanObject)).toEqual(objects);
  });

  it("is ordered by Velero's restore priorities, and the same whatever order the files are read in", async () => {
    const { objects, yaml } = await exported();
    const ranks = objects.map((o) => restoreRank(resourceName(o.apiVersion, o.kind)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(objects[0]?.kind).toBe('CustomResourceDefinition');
    expect(orderObjects([...objects].reverse())).toEqual(objects);
    const { files } = await listManifestFiles([CORPUS]);
    expect((await exportManifests([...files].reverse())).yaml).toBe(yaml);
  });
});
