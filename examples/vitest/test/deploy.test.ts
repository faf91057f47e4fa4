import { AppsV1Api } from '@kubernetes/client-node';
import { up } from 'kindling';
import { expect, inject, it } from 'vitest';
import { clusterOptions } from '../cluster.js';

const app = `
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

it('applies a Deployment and waits until it is available', async () => {
  await using cluster = await up(clusterOptions);
  expect(cluster.name).toBe(inject('clusterName'));

  // Server-side apply, then a wait until both replicas are available.
  const applied = await cluster.apply(app);
  expect(applied.map((o) => `${o.kind}/${o.name}`)).toEqual(['Namespace/shop', 'Deployment/web']);

  const apps = (await cluster.kubeConfig()).makeApiClient(AppsV1Api);
  const web = await apps.readNamespacedDeployment({ name: 'web', namespace: 'shop' });
  expect(web.status?.availableReplicas).toBe(2);
  console.log(`deploy.test.ts used cluster ${cluster.name}`);
});
