// The in-place reset's plan, from in-memory dumps: what goes (added namespaces whole, other added objects one by
// one, dependents first), what is applied again (missing or changed, in the snapshot's order), what is never touched.
import { describe, expect, it } from 'vitest';
import { type DumpObject, resetPlan, sameContent } from '../../../src/workshop/reset-plan.js';

const SYSTEM = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

const ns = (name: string, labels?: Record<string, string>): DumpObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, ...(labels ? { labels } : {}) },
});
const cm = (namespace: string, name: string, data: Record<string, string> = { a: '1' }): DumpObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});
const deploy = (namespace: string, name: string, replicas = 1): DumpObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: { replicas },
});
const crd: DumpObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
};
const widget: DumpObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'lab' } };

const START = [ns('lab'), cm('lab', 'welcome'), deploy('lab', 'web'), cm('default', 'hello')];

describe('resetPlan', () => {
  it('has nothing to do when the live objects are the snapshot’s, in any key order', () => {
    const live = START.map((o) => Object.fromEntries(Object.entries(o).reverse()) as DumpObject);
    expect(resetPlan(START, live, SYSTEM)).toEqual({ deleteNamespaces: [], deleteObjects: [], apply: [], drifted: 0, unchanged: 4 });
  });

  it('deletes an added namespace whole, not its objects one by one', () => {
    const plan = resetPlan(START, [...START, ns('scratch'), cm('scratch', 'notes'), deploy('scratch', 'app')], SYSTEM);
    expect(plan.deleteNamespaces).toEqual(['scratch']);
    expect(plan.deleteObjects).toEqual([]);
  });

  it('deletes objects added in the snapshot’s namespaces and in default, dependents first', () => {
    const live = [crd, ...START, cm('lab', 'added'), widget, deploy('default', 'mine')];
    const plan = resetPlan(START, live, SYSTEM);
    expect(plan.deleteNamespaces).toEqual([]);
    expect(plan.deleteObjects).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'mine', namespace: 'default' },
      { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', namespace: 'lab' },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'added', namespace: 'lab' },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'widgets.example.com' },
    ]);
  });

  it('applies again the snapshot’s objects that are missing or changed, in the snapshot’s order', () => {
    const live = [ns('lab'), cm('lab', 'welcome', { a: '7', extra: 'x' }), cm('default', 'hello')];
    const plan = resetPlan(START, live, SYSTEM);
    expect(plan.apply).toEqual([cm('lab', 'welcome'), deploy('lab', 'web')]);
    expect(plan).toMatchObject({ drifted: 1, unchanged: 2, deleteObjects: [], deleteNamespaces: [] });
  });

  it('matches objects across API versions of one group', () => {
    const old = { ...deploy('lab', 'web'), apiVersion: 'apps/v1beta2' };
    const plan = resetPlan(START, [ns('lab'), cm('lab', 'welcome'), old, cm('default', 'hello')], SYSTEM);
    expect(plan.deleteObjects).toEqual([]);
    expect(plan.apply.map((o) => o.apiVersion)).toEqual(['apps/v1']);
  });

  it('never deletes default or the system namespaces, nor anything in a system namespace', () => {
    const live = [...START, ns('default'), ns('kube-system'), cm('kube-system', 'coredns'), cm('local-path-storage', 'x')];
    const plan = resetPlan(START, live, SYSTEM);
    expect(plan.deleteNamespaces).toEqual([]);
    expect(plan.deleteObjects).toEqual([]);
  });

  it('keeps a namespace the snapshot holds objects in, even without its Namespace object', () => {
    const start = [cm('team', 'x')];
    const plan = resetPlan(start, [ns('team'), cm('team', 'x'), cm('team', 'y')], SYSTEM);
    expect(plan.deleteNamespaces).toEqual([]);
    expect(plan.deleteObjects).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', name: 'y', namespace: 'team' }]);
  });

  it('re-applies a namespace the attendee deleted, with its objects', () => {
    const plan = resetPlan(START, [cm('default', 'hello')], SYSTEM);
    expect(plan.apply).toEqual([ns('lab'), cm('lab', 'welcome'), deploy('lab', 'web')]);
    expect(plan.drifted).toBe(0);
  });

  it('leaves objects without a name alone', () => {
    const unnamed: DumpObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'lab', generateName: 'x-' } };
    expect(resetPlan(START, [...START, unnamed], SYSTEM).deleteObjects).toEqual([]);
  });
});

describe('sameContent', () => {
  it('compares JSON values deeply, key order ignored, array order kept', () => {
    expect(sameContent({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameContent({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameContent({ a: null }, { a: {} })).toBe(false);
    expect(sameContent([], {})).toBe(false);
  });
});
