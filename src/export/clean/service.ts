// Service fields the API server allocates or defaults (promotion.md 4.2, 4.5; kubectl-neat's core/v1 defaults):
// cluster IPs belong to the source cluster's service range and are rejected elsewhere; defaulted fields are
// filled in again on the target.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { dropDefaults, mapAt, mapsIn, type PlainMap } from './nested-maps.js';

const SPEC_DEFAULTS = {
  type: ['ClusterIP'],
  sessionAffinity: ['None'],
  internalTrafficPolicy: ['Cluster'],
  externalTrafficPolicy: ['Cluster'],
  allocateLoadBalancerNodePorts: [true],
};

/** Clears clusterIP/clusterIPs unless headless; a headless Service keeps `clusterIP: None` only. */
function dropClusterIPs(spec: PlainMap): void {
  const headless = spec.clusterIP === 'None' || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None');
  if (!headless) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (spec.clusterIP === 'None') dropDefaults(spec, { clusterIPs: [['None']] });
}

/** Single-stack IPv4 is what a target fills in; an explicit IPv6 or dual-stack choice stays. */
function dropDefaultIpFamilies(spec: PlainMap): void {
  const families = spec.ipFamilies;
  const defaultFamilies = families === undefined || (Array.isArray(families) && families.length === 1 && families[0] === 'IPv4');
  const defaultPolicy = spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === 'SingleStack';
  if (!defaultFamilies || !defaultPolicy) return;
  delete spec.ipFamilies;
  delete spec.ipFamilyPolicy;
}

function dropPortDefaults(port: PlainMap): void {
  dropDefaults(port, { protocol: ['TCP'] });
  if (port.targetPort === port.port) delete port.targetPort;
}

/** Removes a core Service's allocated IPs and defaulted fields. */
export function cleanService(o: KubeObject): void {
  const spec = mapAt(o, 'spec');
  if (apiGroup(o.apiVersion) !== '' || o.kind !== 'Service' || spec === undefined) return;
  dropClusterIPs(spec);
  dropDefaultIpFamilies(spec);
  dropDefaults(spec, SPEC_DEFAULTS);
  for (const port of mapsIn(spec.ports)) dropPortDefaults(port);
}
