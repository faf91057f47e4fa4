// Golden files: small inputs and their expected export, both written and reviewed by hand. A difference means
// the export changed; read it before touching the expected file.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportManifests } from './export-pipeline.js';

const HERE = dirname(fileURLToPath(import.meta.url));

async function golden(name: string) {
  const result = await exportManifests([join(HERE, `${name}.input.yaml`)]);
  const expected = await readFile(join(HERE, `${name}.expected.yaml`), 'utf8');
  return { ...result, expected, skippedAs: result.skipped.map((s) => `${s.object.kind}/${s.object.metadata.name}: ${s.reason}`) };
}

describe('golden exports', () => {
  it('live-export: a kubectl List from a kind cluster loses everything the server wrote', async () => {
    const { yaml, expected, skippedAs } = await golden('live-export');
    expect(yaml).toBe(expected);
    expect(skippedAs).toEqual([
      'ReplicaSet/web-5d8f7c9b6: created by its controller Deployment/web',
      'Pod/web-5d8f7c9b6-x2x9q: created by its controller ReplicaSet/web-5d8f7c9b6',
      'Endpoints/web: Endpoints of a Service with a selector, written by the endpoints controller',
      'ConfigMap/kube-root-ca.crt: root CA bundle, published in every namespace by the cluster',
      'ServiceAccount/default: default ServiceAccount, created in every namespace by the cluster',
      'Event/web.17a2b3c4d5e6f708: Event: cluster history, not configuration',
    ]);
  });

  it('helm-rendered: Helm output with comments and empty documents; quoted numbers stay strings, 0755 is octal', async () => {
    const { yaml, expected, skippedAs, skippedDocuments } = await golden('helm-rendered');
    expect(yaml).toBe(expected);
    expect(skippedAs).toEqual([]);
    expect(skippedDocuments).toEqual([]);
  });

  it('kustomize-output: kustomize build output; a selector-less Service keeps its Endpoints', async () => {
    const { yaml, expected, skippedAs } = await golden('kustomize-output');
    expect(yaml).toBe(expected);
    expect(skippedAs).toEqual([]);
  });

  it.each(['live-export', 'helm-rendered', 'kustomize-output'])('%s: the expected output is a fixed point of the export', async (name) => {
    const again = await exportManifests([join(HERE, `${name}.expected.yaml`)]);
    expect(again.yaml).toBe(await readFile(join(HERE, `${name}.expected.yaml`), 'utf8'));
  });
});
