import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

test('stores a ConfigMap and reads it back', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(process.env.KUBECONFIG);
  const core = kc.makeApiClient(CoreV1Api);
  const body = { metadata: { name: 'settings' }, data: { greeting: 'hello from config.test.js' } };
  await core.createNamespacedConfigMap({ namespace: 'default', body });
  const cm = await core.readNamespacedConfigMap({ name: 'settings', namespace: 'default' });
  expect(cm.data.greeting).toBe('hello from config.test.js');
  console.log(`config.test.js used cluster ${process.env.EXAMPLE_CLUSTER_NAME}`);
});
