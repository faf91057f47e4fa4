import { describe, expect, it } from 'vitest';
import { cleanService } from '../../../../src/export/clean/service.js';
import { applied } from './apply-rule.js';

const service = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });

describe('cleanService', () => {
  it('removes allocated cluster IPs and every defaulted field of a live ClusterIP Service', () => {
    const live = service({
      type: 'ClusterIP',
      clusterIP: '10.96.14.2',
      clusterIPs: ['10.96.14.2'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(applied(cleanService, live)).toEqual(service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] }));
  });

  it('keeps the values a user chose: a headless clusterIP, UDP, a named or different targetPort, ClientIP affinity', () => {
    const chosen = service({
      clusterIP: 'None',
      sessionAffinity: 'ClientIP',
      ports: [
        { port: 53, protocol: 'UDP', targetPort: 53 },
        { port: 80, targetPort: 'http' },
        { port: 443, targetPort: 8443 },
      ],
    });
    expect(applied(cleanService, { ...chosen, spec: { ...chosen.spec, clusterIPs: ['None'] } })).toEqual(
      service({
        clusterIP: 'None',
        sessionAffinity: 'ClientIP',
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 80, targetPort: 'http' },
          { port: 443, targetPort: 8443 },
        ],
      }),
    );
  });

  it('removes the LoadBalancer defaults and keeps a Local traffic policy', () => {
    const lb = service({
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      ports: [{ port: 80 }],
    });
    expect(applied(cleanService, lb)).toEqual(service({ type: 'LoadBalancer', ports: [{ port: 80 }] }));
    const local = service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', allocateLoadBalancerNodePorts: false });
    expect(applied(cleanService, local)).toEqual(local);
  });

  it('keeps an explicit IPv6 or dual-stack choice', () => {
    const v6 = service({ ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' });
    expect(applied(cleanService, v6)).toEqual(v6);
    const dual = service({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' });
    expect(applied(cleanService, dual)).toEqual(dual);
    expect(applied(cleanService, service({ ipFamilies: ['IPv4'], ipFamilyPolicy: 'RequireDualStack' }))).toEqual(
      service({ ipFamilies: ['IPv4'], ipFamilyPolicy: 'RequireDualStack' }),
    );
  });

  it('leaves other kinds called Service alone', () => {
    const knative = {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 'k' },
      spec: { type: 'ClusterIP', clusterIP: '1.2.3.4' },
    };
    expect(applied(cleanService, knative)).toEqual(knative);
  });
});
