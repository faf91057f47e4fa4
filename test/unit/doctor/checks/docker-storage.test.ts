// The storage check: the driver and the image store; the containerd store and old drivers warn, never block.
import { describe, expect, it } from 'vitest';
import { dockerStorageCheck } from '../../../../src/doctor/checks/docker-storage.js';
import { doctorFixture } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('docker storage check', () => {
  it('ok: overlay2 with the classic image store', async () => {
    expect(await dockerStorageCheck.run(doctorFixture(w))).toEqual({ status: 'ok', detail: 'overlay2, classic image store' });
    expect(dockerStorageCheck.blocking).toBe(false);
  });

  it('warn: the containerd image store, with --registry as the way to load images', async () => {
    w.docker.containerdStore = true;
    w.docker.dockerInfo.driver = 'overlayfs';
    const r = await dockerStorageCheck.run(doctorFixture(w));
    expect(r.status).toBe('warn');
    expect(r.detail).toMatch(/^overlayfs, containerd image store: kind load and k3d image import fail here/);
    expect(r.fix).toContain('kindling up --registry');
  });

  it('warn: vfs, with the daemon.json setting that replaces it', async () => {
    w.docker.dockerInfo.driver = 'vfs';
    const r = await dockerStorageCheck.run(doctorFixture(w));
    expect(r).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^vfs, classic image store: vfs is slow/) });
    expect(r.fix).toContain('"storage-driver": "overlay2"');
  });
});
