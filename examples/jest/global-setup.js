import { up } from 'kindling';
import { clusterOptions } from './cluster.js';

export default async function globalSetup() {
  // Made on the first run (and waited for until ready), reused while it runs.
  const cluster = await up(clusterOptions);
  // Jest runs globalSetup and globalTeardown in one process: keep the handle for the teardown.
  globalThis.kindlingCluster = cluster;
  // Test workers start after this and inherit the environment.
  process.env.KUBECONFIG = cluster.kubeconfigPath;
  process.env.EXAMPLE_CLUSTER_NAME = cluster.name;
}
