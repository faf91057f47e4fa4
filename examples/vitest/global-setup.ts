import { up } from 'kindling';
import type { TestProject } from 'vitest/node';
import { clusterOptions } from './cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfigPath: string;
    clusterName: string;
  }
}

export default async function setup(project: TestProject) {
  // Made on the first run (and waited for until ready), reused while it runs; other workers asking for it wait.
  const cluster = await up(clusterOptions);
  project.provide('kubeconfigPath', cluster.kubeconfigPath);
  project.provide('clusterName', cluster.name);
  // Releases this lease; the last one deletes the cluster (it was made without keep: true).
  return () => cluster.down();
}
