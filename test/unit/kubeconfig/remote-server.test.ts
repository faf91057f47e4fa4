import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mergeKubeconfig } from '../../../src/kubeconfig/entries.js';
import { pointServersAt } from '../../../src/kubeconfig/remote-server.js';
import { K3D_CA, k3dKubeconfig } from '../../support/unit/k3d-kubeconfig.js';

const clusterOf = (text: string) => parse(text).clusters[0].cluster;

describe('pointServersAt', () => {
  it("names the other machine's host with the engine's port, verified under the name localhost", () => {
    const out = pointServersAt(k3dKubeconfig('https://0.0.0.0:38211'), '192.0.2.2');
    expect(clusterOf(out)).toEqual({
      'certificate-authority-data': K3D_CA,
      server: 'https://192.0.2.2:38211',
      'tls-server-name': 'localhost',
    });
    // Everything else stays as written.
    expect(parse(out).users).toEqual(parse(k3dKubeconfig('x')).users);
    expect(parse(out)['current-context']).toBe('k3d-dev');
  });

  it('takes the port from whatever host the engine wrote (kind: 127.0.0.1, or the address asked for)', () => {
    expect(clusterOf(pointServersAt(k3dKubeconfig('https://127.0.0.1:40001'), 'builder.lan')).server).toBe('https://builder.lan:40001');
    expect(clusterOf(pointServersAt(k3dKubeconfig('https://[::]:40002'), 'builder.lan')).server).toBe('https://builder.lan:40002');
    expect(clusterOf(pointServersAt(k3dKubeconfig('https://10.0.0.5'), '10.0.0.5')).server).toBe('https://10.0.0.5:443');
  });

  it('brackets an IPv6 host', () => {
    expect(clusterOf(pointServersAt(k3dKubeconfig('https://0.0.0.0:6443'), '2001:db8::5')).server).toBe('https://[2001:db8::5]:6443');
  });

  it('refuses a server that is not a URL (exit 2)', () => {
    expect(() => pointServersAt(k3dKubeconfig('nonsense'), '192.0.2.2')).toThrow(/names server "nonsense", which is not a URL/);
  });

  it('merging into a user kubeconfig keeps tls-server-name', () => {
    const stored = pointServersAt(k3dKubeconfig('https://0.0.0.0:38211'), '192.0.2.2');
    const merged = mergeKubeconfig('', stored, { switchContext: true }).text;
    const cluster = parse(merged).clusters.find((c: { name: string }) => c.name === 'k3d-dev').cluster;
    expect(cluster).toMatchObject({ server: 'https://192.0.2.2:38211', 'tls-server-name': 'localhost' });
  });
});
