import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pinServersToLoopback } from '../../../src/kubeconfig/loopback.js';
import { k3dKubeconfig } from '../../support/unit/k3d-kubeconfig.js';

describe('pinServersToLoopback', () => {
  it('rewrites https://0.0.0.0:PORT to https://127.0.0.1:PORT', () => {
    const out = pinServersToLoopback(k3dKubeconfig('https://0.0.0.0:38211'));
    expect(parse(out).clusters[0].cluster.server).toBe('https://127.0.0.1:38211');
    expect(parse(out)).toEqual(parse(k3dKubeconfig('https://127.0.0.1:38211')));
  });

  it('rewrites the IPv6 wildcard [::] too', () => {
    expect(parse(pinServersToLoopback(k3dKubeconfig('https://[::]:6443'))).clusters[0].cluster.server).toBe('https://127.0.0.1:6443');
  });

  it('changes only the server address: every other byte stays as the engine wrote it', () => {
    expect(pinServersToLoopback(k3dKubeconfig('https://0.0.0.0:38211'))).toBe(k3dKubeconfig('https://127.0.0.1:38211'));
  });

  it.each(['https://127.0.0.1:38211', 'https://192.168.1.5:6443', 'https://example.com:6443', 'https://10.0.0.0:6443'])(
    'leaves %s untouched, byte for byte',
    (server) => {
      const text = `# a comment\n${k3dKubeconfig(server)}`;
      expect(pinServersToLoopback(text)).toBe(text);
    },
  );

  it('a quoted server is rewritten inside its quotes', () => {
    const text = 'clusters:\n- cluster:\n    server: "https://0.0.0.0:6443"\n  name: a\n';
    expect(pinServersToLoopback(text)).toBe('clusters:\n- cluster:\n    server: "https://127.0.0.1:6443"\n  name: a\n');
  });

  it('only server fields, and only the exact wildcard host, are touched', () => {
    const text = [
      'clusters:',
      '- cluster:',
      '    proxy-url: https://0.0.0.0:3128',
      '    server: https://0.0.0.0.nip.io:6443',
      '  name: a',
      '- cluster:',
      '    server: https://0.0.0.01:6443',
      '  name: b',
      '',
    ].join('\n');
    expect(pinServersToLoopback(text)).toBe(text);
  });

  it('every cluster entry is handled', () => {
    const text = `apiVersion: v1
clusters:
- cluster:
    server: https://0.0.0.0:1111
  name: a
- cluster:
    server: https://127.0.0.1:2222
  name: b
- cluster:
    server: https://0.0.0.0:3333
  name: c
kind: Config
`;
    expect(parse(pinServersToLoopback(text)).clusters.map((c: { cluster: { server: string } }) => c.cluster.server)).toEqual([
      'https://127.0.0.1:1111',
      'https://127.0.0.1:2222',
      'https://127.0.0.1:3333',
    ]);
  });

  it('a kubeconfig without clusters is returned as is', () => {
    expect(pinServersToLoopback('apiVersion: v1\nkind: Config\nclusters: null\n')).toBe('apiVersion: v1\nkind: Config\nclusters: null\n');
  });
});
