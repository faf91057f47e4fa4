import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownSocketPaths, knownSockets } from '../../../../src/runtime/docker-endpoint/known-sockets.js';
import { writeAt } from '../../../support/unit/fake-docker-home.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';

let home = '';
let root = '';
let runtime = '';
useTempDir((d) => {
  home = join(d, 'home');
  root = join(d, 'root');
  runtime = join(d, 'run-user');
});
const urls = (env: Record<string, string> = {}) =>
  knownSockets({ env, home, systemRoot: root })
    .candidates()
    .map((e) => `${e.url} ${e.source}${e.podman ? ' podman' : ''}`);

describe('knownSockets', () => {
  it('every known place, in order: Desktop, colima, OrbStack, Rancher Desktop, rootless Docker, podman, then the default', () => {
    expect(knownSocketPaths({ env: { XDG_RUNTIME_DIR: runtime }, home, systemRoot: root }).map((s) => s.path)).toEqual([
      join(home, '.docker/run/docker.sock'),
      join(home, '.docker/desktop/docker.sock'),
      join(home, '.colima/default/docker.sock'),
      join(home, '.colima/docker.sock'),
      join(home, '.orbstack/run/docker.sock'),
      join(home, '.rd/docker.sock'),
      join(runtime, 'docker.sock'),
      join(runtime, 'podman/podman.sock'),
      join(root, 'run/podman/podman.sock'),
      join(root, 'var/run/docker.sock'),
    ]);
  });

  it('nothing exists: only the default socket, never explicit', () => {
    expect(urls()).toEqual([`unix://${root}/var/run/docker.sock default socket`]);
    expect(knownSockets({ env: {}, home }).candidates()).toEqual([
      { url: 'unix:///var/run/docker.sock', source: 'default socket', podman: false, explicit: false },
    ]);
  });

  it('offers the sockets that exist, in order, then the default', () => {
    writeAt(join(home, '.rd/docker.sock'));
    writeAt(join(home, '.colima/default/docker.sock'));
    writeAt(join(home, '.orbstack/run/docker.sock'));
    writeAt(join(home, '.docker/desktop/docker.sock'));
    expect(urls()).toEqual([
      `unix://${home}/.docker/desktop/docker.sock Docker Desktop socket`,
      `unix://${home}/.colima/default/docker.sock colima socket`,
      `unix://${home}/.orbstack/run/docker.sock OrbStack socket`,
      `unix://${home}/.rd/docker.sock Rancher Desktop socket`,
      `unix://${root}/var/run/docker.sock default socket`,
    ]);
  });

  it('podman sockets ($XDG_RUNTIME_DIR/podman, /run/podman) are marked podman', () => {
    writeAt(join(runtime, 'podman/podman.sock'));
    writeAt(join(root, 'run/podman/podman.sock'));
    expect(urls({ XDG_RUNTIME_DIR: runtime })).toEqual([
      `unix://${runtime}/podman/podman.sock podman socket podman`,
      `unix://${root}/run/podman/podman.sock podman socket podman`,
      `unix://${root}/var/run/docker.sock default socket`,
    ]);
  });
});
