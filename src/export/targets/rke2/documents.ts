// RKE2's /etc/rancher/rke2/config.yaml files: keys are the server and agent flag names
// (rancher/rke2-docs docs/install/configuration.md, docs/reference/server_config.md). No schema exists.
import type { DevClusterFacts } from '../dev-cluster.js';

/** The values the files need beyond the dev cluster's facts. */
export interface Rke2Values {
  cni: string;
  /** `https://host:9345` */
  server: string;
  token: string;
  /** Set on servers only when the user gave it; otherwise the first server generates one. */
  serverToken?: string;
  tlsSan?: string;
}

function clusterOptions(facts: DevClusterFacts, values: Rke2Values): Record<string, unknown> {
  return {
    cni: values.cni,
    'cluster-cidr': facts.podSubnet,
    'service-cidr': facts.serviceSubnet,
    ...(values.tlsSan ? { 'tls-san': [values.tlsSan] } : {}),
  };
}

/** The first server's config: CNI and the dev cluster's CIDRs (every server must use the same). */
export function firstServerConfig(facts: DevClusterFacts, values: Rke2Values): Record<string, unknown> {
  return { ...clusterOptions(facts, values), ...(values.serverToken ? { token: values.serverToken } : {}) };
}

/** Another server's config: where to register, the token, and the same cluster options. */
export function joinServerConfig(facts: DevClusterFacts, values: Rke2Values): Record<string, unknown> {
  return { server: values.server, token: values.token, ...clusterOptions(facts, values) };
}

/** An agent's config: where to register and the token. */
export function agentConfig(values: Rke2Values): Record<string, unknown> {
  return { server: values.server, token: values.token };
}
