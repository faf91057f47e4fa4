// The flags that describe a cluster (shared by `up` and `plan`) and their mapping to PlanOptions.
import type { Command } from 'commander';
import type { PlanOptions } from '../api/plan.js';
import { collect, integer } from './command-kit.js';
import { parseDuration } from './duration.js';

/** Parsed cluster flags. */
export interface ClusterFlags {
  preset: string;
  name?: string;
  workers?: number;
  k8sVersion?: string;
  image?: string;
  port: string[];
  mount: string[];
  registry?: boolean;
  imageCache?: boolean | string;
  merge: boolean;
  switchContext?: boolean;
  wait: string;
  set: string[];
}

/** Adds --preset, --name, --workers, --k8s-version, --image and --port to a command. */
export function addClusterFlags(cmd: Command): Command {
  return cmd
    .option('-p, --preset <preset>', 'built-in preset name or path to a preset file', 'k3d')
    .option('-n, --name <name>', "cluster name (default: the preset's, e.g. k3s-default)")
    .option('--workers <count>', 'number of worker nodes (k3d: agents)', integer)
    .option('--k8s-version <version>', 'Kubernetes version, e.g. v1.36.1')
    .option('--image <image>', 'node image to use instead of the preset one')
    .option(
      '--port <[address:]host:container[/proto]>',
      'map a host port into the cluster (repeatable; address defaults to 127.0.0.1)',
      collect,
      [],
    )
    .option('--mount <host-path:container-path[:ro]>', 'mount a host folder into every node (repeatable)', collect, [])
    .option('--registry', "create (or reuse) the preset's local registry and make every node pull from it")
    .option(
      '--image-cache [upstream]',
      'pull through the one image cache every cluster shares (registry:2 proxy; default upstream: Docker Hub)',
    )
    .option('--set <key.path=value>', 'override a preset field, e.g. nodes.workers=2 (repeatable)', collect, [])
    .option('--no-merge', 'do not add the context to your kubeconfig (KUBECONFIG or ~/.kube/config)')
    .option('--switch-context', 'make the new context the current one')
    .option('--wait <duration>', 'wait until ready (API server, nodes, DNS), up to this long, e.g. 5m', '0s');
}

/** The plan options the flags ask for (unset flags stay unset). */
export function planOptionsFrom(flags: ClusterFlags): PlanOptions {
  return {
    preset: flags.preset,
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    ...(flags.k8sVersion !== undefined ? { kubernetesVersion: flags.k8sVersion } : {}),
    ...(flags.image !== undefined ? { image: flags.image } : {}),
    ports: flags.port,
    ...(flags.mount.length > 0 ? { mounts: flags.mount } : {}),
    ...(flags.registry ? { registry: true } : {}),
    ...(flags.imageCache !== undefined ? { imageCache: flags.imageCache } : {}),
    ...(flags.set.length > 0 ? { set: flags.set } : {}),
    merge: flags.merge,
    switchContext: Boolean(flags.switchContext),
    waitMs: parseDuration(flags.wait, '--wait'),
  };
}
