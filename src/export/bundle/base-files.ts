// base/: the clean objects, one file per object (so a review or a diff names the object by its path), and a
// kustomization.yaml that lists them in restore order. Objects with only a generateName cannot be named in
// kustomize and go to base/unnamed.yaml, outside the kustomization, for `kubectl create -f`.
import { Document } from 'yaml';
import type { KubeObject } from '../kube-object.js';
import { toYamlDocuments } from '../order/render-yaml.js';
import { fileStem } from '../rewrite/kustomization.js';
import { patchTargetOf } from '../rewrite/patch-target.js';
import type { BundleFile } from './bundle-file.js';

/** Whether kustomize (and so the overlays) can address the object. */
export function isNamed(o: KubeObject): boolean {
  return typeof o.metadata.name === 'string' && o.metadata.name !== '';
}

/** Whether an object holds credentials and is written 0600. */
export function isSecret(o: KubeObject): boolean {
  return o.apiVersion === 'v1' && o.kind === 'Secret';
}

/** base/kustomization.yaml, then one file per named object, then base/unnamed.yaml if needed; `objects` in restore order. */
export function baseFiles(objects: readonly KubeObject[]): BundleFile[] {
  const named = objects.filter(isNamed);
  const unnamed = objects.filter((o) => !isNamed(o));
  const files = named.map((o) => ({ path: `${fileStem(patchTargetOf(o))}.yaml`, object: o }));
  const kustomization = new Document({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.map((f) => f.path),
  });
  kustomization.commentBefore =
    ' kindling promote: the clean objects, in restore order. Apply a target with: kubectl apply -k overlays/<target>';
  return [
    { path: 'base/kustomization.yaml', content: kustomization.toString({ lineWidth: 0 }) },
    ...files.map((f) => ({
      path: `base/${f.path}`,
      content: toYamlDocuments([f.object]),
      ...(isSecret(f.object) ? { secret: true } : {}),
    })),
    ...(unnamed.length === 0
      ? []
      : [
          {
            path: 'base/unnamed.yaml',
            content: `# Objects with only metadata.generateName: kustomize cannot address them. Create them with: kubectl create -f base/unnamed.yaml\n${toYamlDocuments(unnamed)}`,
            ...(unnamed.some(isSecret) ? { secret: true } : {}),
          },
        ]),
  ];
}
