// Every corpus entry through every promotion target, checked by the real tools the targets use: the overlays
// built by kubectl's kustomize and accepted by a real kube-apiserver (v1.36.1 in a stand-in kind node) with
// server-side dry-run, the CRD-based cluster definitions (Cluster API, Config Connector, kops, Rancher) accepted
// by the same API server once the upstream CRDs are installed, and the kubeadm configuration accepted by the real
// `kubeadm config validate`. OpenShift's install-config is not among them: the installer's InstallConfig CRD is
// not one an API server accepts (kube-apiserver v1.36 rejects it: string defaults on object fields, uniqueItems),
// openshift-install only reads it as a schema; the unit tier validates install-config.yaml against it with ajv.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TARGET_NAMES } from '../../src/export/targets/index.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { corpusFile, sharedFile } from '../support/integration/shared.js';

type Doc = { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string }; [k: string]: unknown };

const corpus = corpusFile('.');
const schemas = sharedFile('reference/schemas');
// The upstream CRDs the cluster definitions are instances of (../shared/reference/schemas, see its SOURCES.md).
const CRD_FILES = [
  'cluster-api__cluster.x-k8s.io_clusters.yaml',
  'k8s-config-connector__containerclusters.container.cnrm.cloud.google.com.yaml',
  'k8s-config-connector__containernodepools.container.cnrm.cloud.google.com.yaml',
  'kops__kops.k8s.io_clusters.yaml',
  'kops__kops.k8s.io_instancegroups.yaml',
  'rancher__provisioning.cattle.io_clusters.yaml',
];

describeIntegration.skipIf(!corpus || !schemas)('promote: every corpus entry, every target, accepted by the real tools', () => {
  let sb: Sandbox;
  const name = uniqueName('dry');
  const bin = (tool: string) => join(integrationEnv().binDir, tool);
  const kubectl = (args: string[], input?: string) =>
    execa(bin('kubectl'), ['--context', `kind-${name}`, ...args], {
      env: sb.env,
      reject: false,
      ...(input === undefined ? {} : { input }),
    });
  const applyForReal = async (docs: Doc[]) => {
    if (docs.length === 0) return;
    const r = await kubectl(['apply', '--server-side', '--force-conflicts', '-f', '-'], docs.map((d) => stringify(d)).join('---\n'));
    expect(r.stderr).toBe('');
  };
  const dryRun = (docs: Doc[]) =>
    kubectl(['apply', '--server-side', '--force-conflicts', '--dry-run=server', '-f', '-'], docs.map((d) => stringify(d)).join('---\n'));
  const namespacesOf = (docs: Doc[]): Doc[] =>
    [...new Set(docs.map((d) => d.metadata?.namespace).filter((n): n is string => n !== undefined))].map((n) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: n },
    }));

  beforeAll(async () => {
    sb = await sandbox();
    const r = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.api.kind, '--wait', '2m', '--timeout', '90s');
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    // kops's group ends in .k8s.io, which the API server protects: a CRD there needs the approval annotation
    // (KEP-1111) that kops's own installer adds; the test adds it the same way.
    for (const file of CRD_FILES) {
      const crds = parseAllDocuments(await readFile(join(schemas!, file), 'utf8')).map(
        (d) => d.toJS() as Doc & { metadata: { annotations?: Record<string, string> } },
      );
      for (const crd of crds)
        crd.metadata.annotations = { ...crd.metadata.annotations, 'api-approved.kubernetes.io': 'unapproved, installed by kindling tests' };
      await applyForReal(crds);
    }
    expect((await kubectl(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s'])).exitCode).toBe(0);
  }, 180_000);

  afterAll(async () => {
    if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, 'kind');
    await sb.cleanup();
  });

  it('each corpus entry: kubectl kustomize builds every overlay, and the API server accepts every object with server-side dry-run', async () => {
    const entries = (await readdir(corpus!)).filter((e) => e !== 'LICENSES' && e !== 'SOURCES.md').sort();
    expect(entries.length).toBe(12);
    const bundles = new Map<string, boolean>();
    for (const entry of entries) {
      const out = join(sb.dir, 'bundles', entry);
      const r = await sb.cli(
        'promote',
        '--from',
        join(corpus!, entry),
        '--to',
        TARGET_NAMES.join(','),
        '--out',
        out,
        '--image-registry',
        'registry.example.com/team',
      );
      expect(r.stderr, entry).toBe('');
      expect(r.code, entry).toBe(0);
      bundles.set(
        entry,
        (await readdir(join(out, 'base'))).some((f) => f.includes('customresourcedefinition')),
      );
    }
    // Entries that define CRDs first: cloudnative-pg's example Cluster needs the operator's CRDs (another entry).
    const ordered = [...bundles.keys()].sort((a, b) => Number(bundles.get(b)) - Number(bundles.get(a)));
    let checked = 0;
    for (const entry of ordered) {
      const out = join(sb.dir, 'bundles', entry);
      const built = await Promise.all(
        TARGET_NAMES.map(async (target) => {
          const r = await kubectl(['kustomize', join(out, 'overlays', target)]);
          expect(r.stderr, `${entry} ${target}`).toBe('');
          return {
            target,
            docs: parseAllDocuments(r.stdout)
              .map((d) => d.toJS() as Doc)
              .filter((d) => d !== null),
          };
        }),
      );
      // Namespaces and CRDs must exist for a dry run of what lives in them; they are the same on every target.
      const all = built.flatMap((b) => b.docs);
      await applyForReal([
        ...namespacesOf(all),
        ...built[0]!.docs.filter((d) => d.kind === 'Namespace' || d.kind === 'CustomResourceDefinition'),
      ]);
      if (all.some((d) => d.kind === 'CustomResourceDefinition'))
        await kubectl(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s']);
      await Promise.all(
        built.map(async ({ target, docs }) => {
          const dry = await dryRun(docs);
          expect(dry.stderr, `${entry} ${target}`).toBe('');
          expect(dry.exitCode).toBe(0);
          checked += docs.length;
        }),
      );
    }
    console.log(
      `[promote] ${entries.length} corpus entries x ${TARGET_NAMES.length} targets: ${checked} objects accepted by kube-apiserver with server-side dry-run`,
    );
  }, 600_000);

  it('the CRD-based cluster definitions of every target are accepted by the API server (server-side dry-run)', async () => {
    const out = join(sb.dir, 'definitions');
    const r = await sb.cli(
      'promote',
      '--from',
      corpusFile('microservices-demo__kubernetes-manifests.yaml')!,
      '--to',
      TARGET_NAMES.join(','),
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const served = new Set(['cluster.x-k8s.io', 'container.cnrm.cloud.google.com', 'kops.k8s.io', 'provisioning.cattle.io']);
    const seen: string[] = [];
    for (const target of TARGET_NAMES) {
      for (const file of (await readdir(join(out, 'clusters', target))).filter((f) => f.endsWith('.yaml'))) {
        const docs = parseAllDocuments(await readFile(join(out, 'clusters', target, file), 'utf8')).map((d) => d.toJS() as Doc);
        const crdBased = docs.filter((d) => typeof d?.apiVersion === 'string' && served.has(d.apiVersion.split('/')[0]!));
        if (crdBased.length === 0) continue;
        await applyForReal(namespacesOf(crdBased));
        const dry = await dryRun(crdBased);
        // Tanzu writes v1beta1 on purpose (what vSphere Supervisors serve); upstream CAPI marks it deprecated.
        const expectedWarning = 'Warning: cluster.x-k8s.io/v1beta1 Cluster is deprecated; use cluster.x-k8s.io/v1beta2 Cluster';
        expect(dry.stderr.trim(), `${target}/${file}`).toBe(target === 'tanzu' ? expectedWarning : '');
        expect(dry.exitCode).toBe(0);
        seen.push(...crdBased.map((d) => `${target}:${d.kind}`));
      }
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        'kops:Cluster',
        'kops:InstanceGroup',
        'gke:ContainerCluster',
        'gke:ContainerNodePool',
        'rancher:Cluster',
        'tanzu:Cluster',
        'capi:Cluster',
      ]),
    );
    console.log(`[promote] cluster definitions accepted with server-side dry-run: ${seen.join(', ')}`);
  }, 120_000);

  it('restore --dry-run: the API server checks a whole bundle for a target, stores nothing, and names every object it refuses', async () => {
    const out = join(sb.dir, 'store-demo');
    expect(
      (
        await sb.cli(
          'promote',
          '--from',
          corpusFile('aks-store-demo__aks-store-ingress-quickstart.yaml')!,
          '--to',
          'aks',
          '--out',
          out,
          '--include-secrets',
        )
      ).code,
    ).toBe(0);
    const r = await sb.cli('restore', '--bundle', out, '--context', `kind-${name}`, '--target', 'aks', '--dry-run', '-o', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ dryRun: true, source: 'base', unchecked: [] });
    expect(result.applied).toBeGreaterThanOrEqual(12);
    expect((await kubectl(['get', 'deployments,statefulsets,services', '-A', '-o', 'name'])).stdout).not.toMatch(
      /order-service|makeline|rabbitmq/,
    );

    // Two objects broken by hand: both are named, in one run.
    const service = join(out, 'base', (await readdir(join(out, 'base'))).find((f) => f.startsWith('service_'))!);
    await writeFile(service, (await readFile(service, 'utf8')).replace(/^ {2}ports:$/m, '  ports: []\n  unused:'));
    const deployment = join(out, 'base', (await readdir(join(out, 'base'))).find((f) => f.startsWith('deployment.apps_'))!);
    await writeFile(deployment, (await readFile(deployment, 'utf8')).replace(/^ {2}selector:$/m, '  selector: {}\n  unused:'));
    const broken = await sb.cli('restore', '--bundle', out, '--context', `kind-${name}`, '--dry-run');
    expect(broken.code).toBe(2);
    expect(broken.stderr.match(/^error: the cluster refused|^the cluster refused/gm)?.length).toBe(2);
    console.log(
      `[promote] restore --dry-run: ${result.applied} objects accepted; the broken bundle: ${broken.stderr.split('\n').slice(0, 2).join(' / ')}`,
    );
  });

  it('kubeadm: cluster.yaml as written, and the join files once token and CA pin are set, pass the real `kubeadm config validate`', async () => {
    const out = join(sb.dir, 'kubeadm');
    const pin = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const r = await sb.cli(
      'promote',
      '--from',
      corpusFile('kubernetes-examples__guestbook-all-in-one.yaml')!,
      '--to',
      'kubeadm',
      '--out',
      out,
      '--preset',
      'kind',
      '--set',
      'control-plane-host=api.example.com',
      '--set',
      'join-token=abcdef.0123456789abcdef',
      '--set',
      `ca-cert-hash=${pin}`,
      '--set',
      `certificate-key=${'ab'.repeat(32)}`,
    );
    expect(r.code).toBe(0);
    for (const file of ['cluster.yaml', 'join-worker.yaml']) {
      const v = await execa(bin('kubeadm'), ['config', 'validate', '--config', join(out, 'clusters', 'kubeadm', file)], { reject: false });
      expect(`${v.exitCode} ${v.stdout.trim()}`, file).toBe('0 ok');
    }
    // Without --set, cluster.yaml is still valid: its only placeholder is a host name.
    const bare = join(sb.dir, 'kubeadm-bare');
    expect(
      (await sb.cli('promote', '--from', corpusFile('kubernetes-examples__guestbook-all-in-one.yaml')!, '--to', 'kubeadm', '--out', bare))
        .code,
    ).toBe(0);
    const v = await execa(bin('kubeadm'), ['config', 'validate', '--config', join(bare, 'clusters', 'kubeadm', 'cluster.yaml')], {
      reject: false,
    });
    expect(`${v.exitCode} ${v.stdout.trim()}`).toBe('0 ok');
  });
});
