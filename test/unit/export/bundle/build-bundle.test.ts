import { describe, expect, it } from 'vitest';
import { buildBundle, cleanBase } from '../../../../src/export/bundle/build-bundle.js';
import type { KubeObject, SourcedObject } from '../../../../src/export/kube-object.js';
import { devApp } from '../rewrite/dev-app.js';
import { KIND_DEFAULT } from '../targets/fixtures.js';

const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'shop' },
  data: { password: 'aHVudGVyMg==' },
};
const event: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'shop' } };
const live = (o: KubeObject): SourcedObject => ({ object: o, origin: { cluster: 'dev' } });

function bundle(extra: Partial<Parameters<typeof buildBundle>[0]> = {}) {
  return buildBundle({
    objects: [...devApp(), live(secret), live(event)],
    source: { cluster: 'dev' },
    facts: KIND_DEFAULT,
    targets: ['eks', 'gke'],
    ...extra,
  });
}

const paths = (b: ReturnType<typeof bundle>) => b.files.map((f) => f.path);

describe('buildBundle', () => {
  it('writes bundle.json, the report, base/, one overlay and one cluster definition per target', () => {
    const b = bundle();
    expect(paths(b).slice(0, 3)).toEqual(['bundle.json', 'REPORT.md', 'report.json']);
    expect(paths(b)).toContain('base/kustomization.yaml');
    expect(paths(b)).toContain('base/shop_deployment.apps_web.yaml');
    expect(paths(b)).toContain('overlays/eks/kustomization.yaml');
    expect(paths(b)).toContain('overlays/gke/kustomization.yaml');
    expect(paths(b).filter((p) => p.startsWith('clusters/eks/')).length).toBeGreaterThan(0);
    expect(paths(b).filter((p) => p.startsWith('clusters/gke/')).length).toBeGreaterThan(0);
    expect(paths(b).some((p) => p.startsWith('clusters/aks/'))).toBe(false);
    expect(new Set(paths(b)).size).toBe(paths(b).length);
  });

  it('base/kustomization.yaml lists every base file in restore order (claim, config, Service, then workloads); the dev StorageClass stays behind', () => {
    const k = bundle().files.find((f) => f.path === 'base/kustomization.yaml')!.content;
    const listed = [...k.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1]);
    expect(bundle().skipped.map((s) => s.what)).toContain('storage.k8s.io/StorageClass//local-path');
    expect(listed).toEqual([
      'shop_persistentvolumeclaim_data.yaml',
      'shop_configmap_settings.yaml',
      'shop_service_web.yaml',
      'shop_deployment.apps_web.yaml',
      'shop_ingress.networking.k8s.io_web.yaml',
    ]);
  });

  it('leaves Secrets out unless asked, and reports why; with includeSecrets they are files marked secret and flagged', () => {
    const without = bundle();
    expect(paths(without).some((p) => p.includes('secret'))).toBe(false);
    expect(without.skipped).toContainEqual({
      what: '/Secret/shop/db',
      origin: 'cluster dev',
      reason: expect.stringContaining('--include-secrets'),
    });
    const withSecrets = bundle({ includeSecrets: true });
    const file = withSecrets.files.find((f) => f.path === 'base/shop_secret_db.yaml');
    expect(file).toMatchObject({ secret: true });
    expect(withSecrets.report.findings.filter((f) => f.rule === 'secret-included').map((f) => f.target)).toEqual(['eks', 'gke']);
  });

  it('skipped objects (events) are listed with their reason in both reports', () => {
    const b = bundle();
    expect(b.skipped.map((s) => s.what)).toContain('/Event/shop/e1');
    const json = JSON.parse(b.files.find((f) => f.path === 'report.json')!.content);
    expect(json.skipped.map((s: { what: string }) => s.what)).toContain('/Event/shop/e1');
    expect(b.files.find((f) => f.path === 'REPORT.md')!.content).toMatch(/\| `\/Event\/shop\/e1` \| `cluster dev` \|/);
  });

  it("the report lists each target's placeholders and the files they are in", () => {
    const b = bundle();
    const json = JSON.parse(b.files.find((f) => f.path === 'report.json')!.content);
    const eks = json.clusterDefinitions.find((d: { target: string }) => d.target === 'eks');
    expect(eks.files.every((f: string) => f.startsWith('clusters/eks/'))).toBe(true);
    expect(eks.placeholders.map((p: { setKey: string }) => p.setKey)).toContain('region');
    const md = b.files.find((f) => f.path === 'REPORT.md')!.content;
    expect(md).toContain('### eks');
    expect(md).toMatch(/\| `region` \| `clusters\/eks\//);
  });

  it('--set values replace placeholders; an unknown key is refused before anything is built', () => {
    const b = bundle({ settings: { region: 'eu-west-1', 'gke.project': 'shop-prod' } });
    const eks = b.definitions.find((d) => d.target === 'eks')!.definition;
    expect(eks.placeholders.map((p) => p.setKey)).not.toContain('region');
    expect(() => bundle({ settings: { regoin: 'x' } })).toThrow(/no target uses "regoin"/);
  });

  it('rewrites the dev registry in the overlays when given an image registry', () => {
    const b = bundle({ rewrite: { imageRegistry: 'ghcr.io/team' } });
    const patch = b.files.find((f) => f.path === 'overlays/eks/patches/shop_deployment.apps_web.yaml')!.content;
    expect(patch).toContain('ghcr.io/team/web:1.0');
    expect(JSON.parse(b.files.find((f) => f.path === 'bundle.json')!.content)).toMatchObject({
      imageRegistry: 'ghcr.io/team',
      targets: ['eks', 'gke'],
      source: { cluster: 'dev' },
    });
  });

  it('is deterministic: the same objects in another order give byte-identical files', () => {
    const a = bundle();
    const b = buildBundle({
      objects: [live(event), live(secret), ...devApp().reverse()],
      source: { cluster: 'dev' },
      facts: KIND_DEFAULT,
      targets: ['eks', 'gke'],
    });
    expect(b.files.filter((f) => f.path.startsWith('base/') || f.path.startsWith('overlays/') || f.path.startsWith('clusters/'))).toEqual(
      a.files.filter((f) => f.path.startsWith('base/') || f.path.startsWith('overlays/') || f.path.startsWith('clusters/')),
    );
  });

  it('calls the state hook with the clean base and adds its files', () => {
    let seen: readonly SourcedObject[] = [];
    const b = bundle({
      dump: (base) => {
        seen = base;
        return { files: [{ path: 'state/x.json', content: '{}\n' }], summary: { objects: base.length, volumes: [], skippedClaims: [] } };
      },
    });
    expect(seen.map((s) => s.object.metadata.name)).toEqual(b.base.map((s) => s.object.metadata.name));
    expect(seen.every((s) => s.object.metadata.managedFields === undefined)).toBe(true);
    expect(paths(b)).toContain('state/x.json');
    expect(b.files.find((f) => f.path === 'REPORT.md')!.content).toContain('## State');
  });
});

describe('cleanBase', () => {
  it('merges an object read twice with the same content, and refuses two different versions, naming both', () => {
    const cm = (data: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'a' },
      data: { k: data },
    });
    const twice = cleanBase({
      objects: [
        { object: cm('1'), origin: { file: 'x.yaml', document: 0 } },
        { object: cm('1'), origin: { file: 'y.yaml', document: 2 } },
      ],
    });
    expect(twice.base).toHaveLength(1);
    expect(() =>
      cleanBase({
        objects: [
          { object: cm('1'), origin: { file: 'x.yaml', document: 0 } },
          { object: cm('2'), origin: { file: 'y.yaml', document: 2 } },
        ],
      }),
    ).toThrow('/ConfigMap/a/c is defined twice with different content: in x.yaml#0 and in y.yaml#2');
  });
});
