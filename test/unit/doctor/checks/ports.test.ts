// The preset ports check: every fixed port of the presets, probed by the OS and among Docker's published ports;
// a taken one warns naming the presets that want it; a preset's own registry holding its port is reused.
import { describe, expect, it } from 'vitest';
import { fixedPorts, portsCheck } from '../../../../src/doctor/checks/ports.js';
import { builtinPresets, doctorFixture } from '../../../support/unit/doctor-fixture.js';
import { container } from '../../../support/unit/fake-docker.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('preset ports check', () => {
  it("the built-in presets' fixed ports", () => {
    expect(fixedPorts(builtinPresets()).map((p) => p.port)).toEqual([80, 443, 5000, 5001, 5002, 5003, 6443, 16443, 32000]);
    expect(fixedPorts(builtinPresets()).find((p) => p.port === 80)?.uses).toEqual([
      'k3s ingress',
      'kind ingress with --set ingress.enabled=true',
      'microk8s ingress with --set ingress.enabled=true',
      'minikube ingress with --set ingress.enabled=true',
    ]);
  });

  it('ok when all are free, every one probed on 127.0.0.1', async () => {
    expect(await portsCheck.run(doctorFixture(w))).toEqual({
      status: 'ok',
      detail: 'free: 80, 443, 5000, 5001, 5002, 5003, 6443, 16443, 32000',
    });
    expect(w.probe.asked).toContain('127.0.0.1:16443');
  });

  it('warns for a port the OS refuses and one a container publishes; a running kind-registry on 5001 is reused', async () => {
    w.probe.taken.add('127.0.0.1:6443');
    w.docker.containers.push(
      container('web', {}, { ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 16443 }] }),
      container('kind-registry', {}, { ports: [{ containerPort: 5000, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 5001 }] }),
    );
    const r = await portsCheck.run(doctorFixture(w));
    expect(r.status).toBe('warn');
    expect(r.detail).toBe(
      'in use: 6443 (k3s API server), 16443 (microk8s API server) held by container web; free: 80, 443, 5000, 5002, 5003, 32000; 5001 held by registry kind-registry (reused)',
    );
    expect(r.fix).toContain("ss -ltnp 'sport = :6443'");
    expect(portsCheck.blocking).toBe(false);
  });
});
