import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renameKubeconfigEntries } from '../../../src/kubeconfig/rename.js';
import { kindKubeconfig } from '../../support/unit/world.js';

describe('renameKubeconfigEntries', () => {
  it("renames kind's kind-NAME cluster, user and context, and the references and current-context follow", () => {
    const out = parse(renameKubeconfigEntries(kindKubeconfig('dev'), { context: 'microk8s', cluster: 'microk8s-cluster', user: 'admin' }));
    expect(out.clusters.map((c: { name: string }) => c.name)).toEqual(['microk8s-cluster']);
    expect(out.users.map((u: { name: string }) => u.name)).toEqual(['admin']);
    expect(out.contexts).toEqual([{ name: 'microk8s', context: { cluster: 'microk8s-cluster', user: 'admin' } }]);
    expect(out['current-context']).toBe('microk8s');
    expect(out.clusters[0].cluster.server).toBe('https://127.0.0.1:40000');
  });

  it('refuses a kubeconfig with more than one context', () => {
    const two = kindKubeconfig('a').replace('contexts:\n', 'contexts:\n- context: {cluster: x, user: y}\n  name: other\n');
    expect(() => renameKubeconfigEntries(two, { context: 'c', cluster: 'c', user: 'u' })).toThrow(
      /has 2 contexts; kindling can rename exactly one/,
    );
  });
});
