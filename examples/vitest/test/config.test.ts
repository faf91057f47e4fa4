import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { up } from 'kindling';
import { expect, inject, it } from 'vitest';
import { clusterOptions } from '../cluster.js';

it('stores a ConfigMap and reads it back through the kubeconfig path', async () => {
  // Joins the cluster the global setup made (same options): no second cluster.
  await using cluster = await up(clusterOptions);
  expect(cluster.name).toBe(inject('clusterName'));
  expect(cluster.unchanged).toBe(true);

  await cluster.apply({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'default' },
    data: { greeting: 'hello from config.test.ts' },
  });

  const kc = new KubeConfig();
  kc.loadFromFile(inject('kubeconfigPath'));
  const core = kc.makeApiClient(CoreV1Api);
  const cm = await core.readNamespacedConfigMap({ name: 'settings', namespace: 'default' });
  expect(cm.data?.greeting).toBe('hello from config.test.ts');
  console.log(`config.test.ts used cluster ${cluster.name}`);
});
