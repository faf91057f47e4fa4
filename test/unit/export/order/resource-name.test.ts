import { describe, expect, it } from 'vitest';
import { pluralOf, resourceName } from '../../../../src/export/order/resource-name.js';

describe('pluralOf', () => {
  it.each([
    ['Pod', 'pods'],
    ['Endpoints', 'endpoints'],
    ['Ingress', 'ingresses'],
    ['IngressClass', 'ingressclasses'],
    ['NetworkPolicy', 'networkpolicies'],
    ['Gateway', 'gateways'],
    ['ComponentStatus', 'componentstatuses'],
    ['Mailbox', 'mailboxes'],
    ['Patch', 'patches'],
    ['Mesh', 'meshes'],
  ])('%s -> %s', (kind, plural) => {
    expect(pluralOf(kind)).toBe(plural);
  });
});

describe('resourceName', () => {
  it('qualifies with the group, except for the core group', () => {
    expect(resourceName('v1', 'Service')).toBe('services');
    expect(resourceName('apps/v1', 'Deployment')).toBe('deployments.apps');
    expect(resourceName('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBe('customresourcedefinitions.apiextensions.k8s.io');
    expect(resourceName('postgresql.cnpg.io/v1', 'Cluster')).toBe('clusters.postgresql.cnpg.io');
  });
});
