// Builds k3d's own config (k3d.io/v1alpha5 Simple) from a ClusterSpec. Pure.
import { clusterLabels } from '../../labels.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { mirrorsOf, registriesYaml } from '../mirrors.js';

/** k3d's Simple document, only the fields kindling sets. */
export interface K3dSimpleConfig {
  apiVersion: 'k3d.io/v1alpha5';
  kind: 'Simple';
  metadata: { name: string };
  servers: number;
  agents: number;
  image: string;
  kubeAPI: { host: string; hostIP: string; hostPort?: string };
  ports?: { port: string; nodeFilters: string[] }[];
  volumes?: { volume: string; nodeFilters: string[] }[];
  registries?: { config: string };
  options: {
    k3s?: { extraArgs?: { arg: string; nodeFilters: string[] }[]; nodeLabels?: { label: string; nodeFilters: string[] }[] };
    kubeconfig: { updateDefaultKubeconfig: false; switchCurrentContext: false };
    runtime: { labels: { label: string; nodeFilters: string[] }[] };
  };
}

const NODES = ['server:*', 'agent:*'];

function k3sOptions(spec: ClusterSpec): K3dSimpleConfig['options']['k3s'] | undefined {
  const args = [
    ...(spec.networking?.podSubnet ? [{ arg: `--cluster-cidr=${spec.networking.podSubnet}`, nodeFilters: ['server:*'] }] : []),
    ...(spec.networking?.serviceSubnet ? [{ arg: `--service-cidr=${spec.networking.serviceSubnet}`, nodeFilters: ['server:*'] }] : []),
    ...(spec.evictionHard
      ? [
          {
            arg: `--kubelet-arg=eviction-hard=${Object.entries(spec.evictionHard)
              .map(([k, v]) => `${k}<${v}`)
              .join(',')}`,
            nodeFilters: NODES,
          },
        ]
      : []),
  ];
  const labels = Object.entries(spec.nodeLabels ?? {}).map(([k, v]) => ({ label: `${k}=${v}`, nodeFilters: NODES }));
  if (args.length === 0 && labels.length === 0) return undefined;
  return { ...(args.length ? { extraArgs: args } : {}), ...(labels.length ? { nodeLabels: labels } : {}) };
}

const withK3s = (k3s: K3dSimpleConfig['options']['k3s']) => (k3s ? { k3s } : {});

/** The k3d config for a spec: API and ports bound to the spec's addresses, every container labelled. */
export function k3dConfig(spec: ClusterSpec): K3dSimpleConfig {
  return {
    apiVersion: 'k3d.io/v1alpha5',
    kind: 'Simple',
    metadata: { name: spec.name },
    servers: spec.nodes.controlPlanes,
    agents: spec.nodes.workers,
    image: spec.image,
    kubeAPI: {
      host: spec.apiServer.address,
      hostIP: spec.apiServer.address,
      ...(spec.apiServer.port !== 0 ? { hostPort: String(spec.apiServer.port) } : {}),
    },
    ...(spec.ports.length > 0
      ? {
          ports: spec.ports.map((p) => ({
            port: `${p.listenAddress}:${p.hostPort}:${p.containerPort}/${p.protocol.toLowerCase()}`,
            nodeFilters: ['loadbalancer'],
          })),
        }
      : {}),
    ...(spec.mounts
      ? { volumes: spec.mounts.map((m) => ({ volume: `${m.hostPath}:${m.containerPath}${m.readOnly ? ':ro' : ''}`, nodeFilters: NODES })) }
      : {}),
    // The local registry and the image cache as k3s mirrors (k3d writes /etc/rancher/k3s/registries.yaml).
    ...(spec.registry || spec.imageCache ? { registries: { config: registriesYaml(mirrorsOf(spec)) } } : {}),
    options: {
      ...withK3s(k3sOptions(spec)),
      // kindling keeps the kubeconfig in its state store; it never lets k3d edit the user's file.
      kubeconfig: { updateDefaultKubeconfig: false, switchCurrentContext: false },
      runtime: {
        labels: Object.entries(clusterLabels(spec.name, spec.preset)).map(([k, v]) => ({ label: `${k}=${v}`, nodeFilters: ['all'] })),
      },
    },
  };
}
