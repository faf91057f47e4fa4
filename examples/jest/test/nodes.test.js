import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

test('sees every node Ready (the global setup waited for it)', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(process.env.KUBECONFIG);
  const nodes = await kc.makeApiClient(CoreV1Api).listNode();
  expect(nodes.items.length).toBeGreaterThan(0);
  for (const n of nodes.items) expect(n.status.conditions.find((c) => c.type === 'Ready').status).toBe('True');
  console.log(`nodes.test.js used cluster ${process.env.EXAMPLE_CLUSTER_NAME}`);
});
