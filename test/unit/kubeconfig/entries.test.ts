import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeKubeconfig, namesIn, removeFromKubeconfig } from '../../../src/kubeconfig/entries.js';
import { kindKubeconfig } from '../../support/unit/world.js';
import { thrown } from '../../support/unit/thrown.js';
import { KubeconfigInvalidError } from '../../../src/errors.js';

// As kubectl writes it: unindented sequences, long base64 on one line, a comment, quoted strings.
const USER = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${'QUJD'.repeat(60)}
    server: https://prod.example.com:6443
  name: prod
contexts:
- context:
    cluster: prod
    namespace: "team-a"
    user: prod-admin
  name: prod
current-context: prod
kind: Config
preferences: {}
users:
- name: prod-admin
  user:
    token: s3cr3t # rotated monthly
`;

const kindKc = kindKubeconfig;

describe('mergeKubeconfig', () => {
  it('adds the cluster, user and context, keeps every other entry and the current context', () => {
    const r = mergeKubeconfig(USER, kindKc('dev', 40000), { switchContext: false });
    expect(r.added).toEqual({ clusters: ['kind-dev'], users: ['kind-dev'], contexts: ['kind-dev'] });
    expect(r.replaced).toEqual([]);
    expect(r.previousContext).toBe('prod');
    const kc = parse(r.text);
    expect(kc['current-context']).toBe('prod');
    expect(namesIn(r.text)).toEqual({ clusters: ['prod', 'kind-dev'], users: ['prod-admin', 'kind-dev'], contexts: ['prod', 'kind-dev'] });
    expect(kc.clusters[1].cluster.server).toBe('https://127.0.0.1:40000');
    expect(r.text).toContain('token: s3cr3t # rotated monthly');
  });

  it('switches the current context only when asked', () => {
    expect(parse(mergeKubeconfig(USER, kindKc('dev', 1), { switchContext: true }).text)['current-context']).toBe('kind-dev');
  });

  it('replaces an entry of the same name and says so', () => {
    const once = mergeKubeconfig(USER, kindKc('dev', 1), { switchContext: false }).text;
    const twice = mergeKubeconfig(once, kindKc('dev', 2), { switchContext: false });
    expect(twice.replaced).toEqual(['clusters/kind-dev', 'users/kind-dev', 'contexts/kind-dev']);
    expect(namesIn(twice.text).clusters).toEqual(['prod', 'kind-dev']);
    expect(parse(twice.text).clusters[1].cluster.server).toBe('https://127.0.0.1:2');
  });

  it('starts a kubeconfig from nothing, and from the `clusters: null` k3d leaves behind', () => {
    expect(namesIn(mergeKubeconfig('', kindKc('a', 1), { switchContext: false }).text).contexts).toEqual(['kind-a']);
    const nulls = 'apiVersion: v1\nclusters: null\ncontexts: null\nkind: Config\nusers: null\n';
    expect(namesIn(mergeKubeconfig(nulls, kindKc('a', 1), { switchContext: false }).text)).toEqual({
      clusters: ['kind-a'],
      users: ['kind-a'],
      contexts: ['kind-a'],
    });
  });

  it('refuses text that is not a kubeconfig', () => {
    expect(() => mergeKubeconfig('- a\n- b\n', kindKc('a', 1), { switchContext: false })).toThrow('not a kubeconfig');
    expect(() => mergeKubeconfig('a: [\n', kindKc('a', 1), { switchContext: false })).toThrow('not valid YAML');
  });

  it('a parse error is invalid input (exit 2) at a line and column', () => {
    const e = thrown(KubeconfigInvalidError, () =>
      mergeKubeconfig('apiVersion: v1\nkind: Config\nusers:\n  - name: a\n \tuser: {}\n', kindKc('a', 1), { switchContext: false }),
    );
    expect(e.exitCode).toBe(2);
    expect(e.position.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toMatch(/^kubeconfig:\d+:\d+: not valid YAML/);
    const list = thrown(KubeconfigInvalidError, () => namesIn('\n\n- a\n'));
    expect(list.position).toEqual({ line: 3, column: 1 });
    expect(list.inFile('/home/u/.kube/config').message).toBe('/home/u/.kube/config:3:1: not a kubeconfig: the top level is not a map');
  });
});

describe('removeFromKubeconfig', () => {
  it('after adding and removing many clusters the file is byte-for-byte what it was', () => {
    let text = USER;
    const added = [];
    for (let i = 0; i < 20; i++) {
      const r = mergeKubeconfig(text, kindKc(`c${i}`, 40000 + i), { switchContext: i % 2 === 0 });
      text = r.text;
      added.push({ names: r.added, previous: r.previousContext });
    }
    expect(namesIn(text).contexts).toHaveLength(21);
    for (const a of added) text = removeFromKubeconfig(text, a.names, a.previous);
    // Removed in creation order: the context each one restores is gone, so current-context ends empty
    // unless it was never switched away from the user's own.
    expect(namesIn(text)).toEqual(namesIn(USER));
  });

  it('leaves the user file byte-for-byte when the context was never switched', () => {
    let text = USER;
    const names = [];
    for (let i = 0; i < 5; i++) {
      const r = mergeKubeconfig(text, kindKc(`c${i}`, 40000 + i), { switchContext: false });
      text = r.text;
      names.push(r.added);
    }
    for (const n of names.reverse()) text = removeFromKubeconfig(text, n);
    expect(text).toBe(USER);
  });

  it('restores the previous context when the removed one was current, or clears it when that is gone too', () => {
    const r = mergeKubeconfig(USER, kindKc('dev', 1), { switchContext: true });
    expect(parse(removeFromKubeconfig(r.text, r.added, 'prod'))['current-context']).toBe('prod');
    expect(parse(removeFromKubeconfig(r.text, r.added, 'deleted-meanwhile'))['current-context']).toBe('');
  });

  it('touches nothing it was not told to remove', () => {
    const r = mergeKubeconfig(USER, kindKc('dev', 1), { switchContext: false });
    const other = removeFromKubeconfig(r.text, { clusters: ['nope'], users: [], contexts: [] });
    expect(namesIn(other)).toEqual(namesIn(r.text));
  });
});
