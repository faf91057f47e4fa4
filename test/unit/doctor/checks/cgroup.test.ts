// The cgroup check: v2 is fine; v1 fails (blocking) naming the presets whose Kubernetes refuses it; unknown warns.
import { describe, expect, it } from 'vitest';
import { cgroupCheck, refusesCgroupV1 } from '../../../../src/doctor/checks/cgroup.js';
import { builtinPresets, doctorFixture } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('cgroup check', () => {
  it('ok on cgroup v2', async () => {
    expect(await cgroupCheck.run(doctorFixture(w))).toEqual({ status: 'ok', detail: 'cgroup v2' });
  });

  it('fails on cgroup v1, blocking, naming every built-in preset (all run Kubernetes v1.35 or later)', async () => {
    w.docker.dockerInfo.cgroupVersion = '1';
    const r = await cgroupCheck.run(doctorFixture(w));
    expect(r.status).toBe('fail');
    expect(r.detail).toBe(
      'cgroup v1: the kubelet of Kubernetes v1.35+ refuses to start on it (k3d v1.35.5, k3s v1.35.5, kind v1.36.1, microk8s v1.36.1, minikube v1.35.0)',
    );
    expect(r.fix).toContain('systemd.unified_cgroup_hierarchy=1');
    expect(cgroupCheck.blocking).toBe(true);
  });

  it('only warns on cgroup v1 when no preset runs v1.35 or later', async () => {
    w.docker.dockerInfo.cgroupVersion = '1';
    const old = builtinPresets().map((p) => ({ ...p, kubernetesVersion: 'v1.34.3' }));
    expect((await cgroupCheck.run(doctorFixture(w, { presets: old }))).status).toBe('warn');
  });

  it('warns when Docker does not say', async () => {
    w.docker.dockerInfo.cgroupVersion = '';
    expect((await cgroupCheck.run(doctorFixture(w))).status).toBe('warn');
  });

  it('v1.35.0 is the first version that refuses cgroup v1', () => {
    expect(['v1.34.9', 'v1.35.0', 'v1.36.1', 'v2.0.0', '1.35.5'].map(refusesCgroupV1)).toEqual([false, true, true, true, true]);
  });
});
