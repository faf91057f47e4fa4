import { describe, expect, it } from 'vitest';
import { cleanNodePorts } from '../../../../src/export/clean/service-node-ports.js';
import { applied } from './apply-rule.js';

type Meta = Record<string, unknown>;
const service = (metadata: Meta, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', ...metadata },
  spec,
});
const LIVE: Meta = { uid: 'u1', resourceVersion: '9' };
const ports = (...list: Array<Record<string, unknown>>) => list;

function managed(fieldsV1: Record<string, unknown>): Meta {
  return { managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1 }] };
}

describe('cleanNodePorts', () => {
  it('keeps the nodePorts of a hand-written NodePort Service: a file says what the user chose', () => {
    const file = service({}, { type: 'NodePort', ports: ports({ port: 80, nodePort: 30080 }) });
    expect(applied(cleanNodePorts, file)).toEqual(file);
  });

  it('drops every nodePort of a live Service that carries no evidence of who set them', () => {
    const live = service(LIVE, { type: 'NodePort', ports: ports({ port: 80, nodePort: 31234 }, { port: 443, nodePort: 31235 }) });
    expect(applied(cleanNodePorts, live).spec).toEqual({ type: 'NodePort', ports: ports({ port: 80 }, { port: 443 }) });
  });

  it('keeps the nodePorts managedFields show a user set, and drops the allocated ones', () => {
    const fields = {
      'f:spec': {
        'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:nodePort': {} }, 'k:{"port":443,"protocol":"TCP"}': { '.': {} } },
      },
    };
    const live = service(
      { ...LIVE, ...managed(fields) },
      { type: 'LoadBalancer', ports: ports({ port: 80, nodePort: 30080 }, { port: 443, protocol: 'TCP', nodePort: 31999 }) },
    );
    expect(applied(cleanNodePorts, live).spec).toEqual({
      type: 'LoadBalancer',
      ports: ports({ port: 80, nodePort: 30080 }, { port: 443, protocol: 'TCP' }),
    });
  });

  it('keeps the nodePorts the last-applied annotation shows, matching port and protocol', () => {
    const lastApplied = JSON.stringify({ spec: { ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }, { port: 80 }] } });
    const meta = { ...LIVE, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } };
    const live = service(meta, {
      type: 'NodePort',
      ports: ports(
        { port: 53, protocol: 'UDP', nodePort: 30053 },
        { port: 53, protocol: 'TCP', nodePort: 31000 },
        { port: 80, nodePort: 31001 },
      ),
    });
    expect(applied(cleanNodePorts, live).spec).toEqual({
      type: 'NodePort',
      ports: ports({ port: 53, protocol: 'UDP', nodePort: 30053 }, { port: 53, protocol: 'TCP' }, { port: 80 }),
    });
  });

  it('treats healthCheckNodePort the same way', () => {
    const spec = { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 };
    expect(applied(cleanNodePorts, service(LIVE, spec)).spec).toEqual({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(applied(cleanNodePorts, service({ ...LIVE, ...managed({ 'f:spec': { 'f:healthCheckNodePort': {} } }) }, spec)).spec).toEqual(
      spec,
    );
    expect(applied(cleanNodePorts, service({}, spec)).spec).toEqual(spec);
  });

  it('drops node ports from Services that are neither NodePort nor LoadBalancer, even in a file', () => {
    const file = service({}, { ports: ports({ port: 80, nodePort: 30080 }), healthCheckNodePort: 32000 });
    expect(applied(cleanNodePorts, file).spec).toEqual({ ports: ports({ port: 80 }) });
  });

  it('ignores a last-applied annotation that is not JSON, falling back to managedFields or liveness', () => {
    const meta = { ...LIVE, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{not json' } };
    expect(applied(cleanNodePorts, service(meta, { type: 'NodePort', ports: ports({ port: 80, nodePort: 30080 }) })).spec).toEqual({
      type: 'NodePort',
      ports: ports({ port: 80 }),
    });
  });
});
