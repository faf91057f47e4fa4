import { describe, expect, it } from 'vitest';
import { orderKeys } from '../../../../src/export/order/order-keys.js';

describe('orderKeys', () => {
  it('puts apiVersion, kind, metadata, spec first, then the rest alphabetically; metadata name, namespace, labels, annotations first', () => {
    const ordered = orderKeys({
      status: {},
      data: { b: '1', a: '2' },
      spec: { z: 1, a: { y: 1, b: 2 } },
      metadata: { uid: 'u', annotations: { b: '1', a: '2' }, labels: {}, namespace: 'n', name: 'x', finalizers: [] },
      kind: 'K',
      apiVersion: 'v1',
      binaryData: {},
    });
    expect(JSON.stringify(ordered)).toBe(
      '{"apiVersion":"v1","kind":"K","metadata":{"name":"x","namespace":"n","labels":{},"annotations":{"a":"2","b":"1"},"finalizers":[],"uid":"u"},' +
        '"spec":{"a":{"b":2,"y":1},"z":1},"binaryData":{},"data":{"a":"2","b":"1"},"status":{}}',
    );
  });

  it('orders template metadata the same way, keeps list order, sorts map keys inside lists, by code point', () => {
    const ordered = orderKeys({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        template: { spec: { containers: [{ name: 'b', image: 'i' }, { name: 'a' }] }, metadata: { labels: { B: '1', a: '2' }, name: 't' } },
      },
    });
    expect(JSON.stringify(ordered.spec)).toBe(
      '{"template":{"metadata":{"name":"t","labels":{"B":"1","a":"2"}},"spec":{"containers":[{"image":"i","name":"b"},{"name":"a"}]}}}',
    );
  });

  it('keeps a key named __proto__ as a key', () => {
    const input = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"__proto__":"p"}}');
    expect(Object.keys(orderKeys(input).data as object)).toEqual(['__proto__']);
  });
});
