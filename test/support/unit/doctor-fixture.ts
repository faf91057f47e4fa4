// Fixtures for the doctor tests: a HostFacts whose answers the test sets, the version findings of a machine with
// tested kind and k3d and Docker 28, the built-in presets, and a DoctorContext over a unit World.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from '../../../src/api/create-context.js';
import type { CommonOptions } from '../../../src/context.js';
import { doctorContext, type DoctorContext, type VersionFindings } from '../../../src/doctor/doctor-context.js';
import type { DiskSpace, HostFacts, InotifyLimits } from '../../../src/doctor/host-facts.js';
import type { HostRoute } from '../../../src/doctor/proc-files.js';
import { BUILTIN_PRESETS_DIR } from '../../../src/presets/load.js';
import type { Preset } from '../../../src/presets/schema.js';
import { parsePreset } from '../../../src/presets/validate.js';
import type { World } from './world.js';

const GiB = 2 ** 30;

/** A host whose facts the test sets; by default a roomy Linux box with kind's recommended inotify limits. */
export class FakeHostFacts implements HostFacts {
  limits: InotifyLimits | undefined = { maxUserWatches: 524288, maxUserInstances: 512 };
  hostRoutes: HostRoute[] | undefined = [
    { iface: 'eth0', cidr: '0.0.0.0/0' },
    { iface: 'eth0', cidr: '192.168.1.0/24' },
  ];
  mem = { available: 8 * GiB, total: 16 * GiB };
  /** Free and total bytes by path; a path not here does not exist. */
  disks = new Map<string, Omit<DiskSpace, 'path'>>([['/var/lib/docker', { free: 100 * GiB, total: 500 * GiB }]]);

  async inotify() {
    return this.limits;
  }
  async routes() {
    return this.hostRoutes;
  }
  async memory() {
    return this.mem;
  }
  async disk(path: string) {
    const d = this.disks.get(path);
    return d && { path, ...d };
  }
}

/** What `kindling version` says on a machine with tested kind and k3d on PATH and Docker 28. */
export function foundVersions(): VersionFindings {
  return {
    engines: {
      kind: {
        binary: 'kind',
        path: '/usr/local/bin/kind',
        version: 'v0.33.0',
        tested: ['v0.33.0', 'v0.32.0'],
        isTested: true,
        error: null,
        hint: null,
      },
      k3d: { binary: 'k3d', path: '/usr/local/bin/k3d', version: 'v5.9.0', tested: ['v5.9.0'], isTested: true, error: null, hint: null },
    },
    docker: {
      endpoint: 'unix:///fake/docker.sock',
      source: null,
      version: '28.3.2',
      apiVersion: '1.51',
      platform: 'linux/amd64',
      error: null,
    },
  };
}

/** Every built-in preset, parsed, sorted by name. */
export function builtinPresets(): Preset[] {
  return readdirSync(BUILTIN_PRESETS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parsePreset(readFileSync(join(BUILTIN_PRESETS_DIR, f), 'utf8'), f));
}

/** A DoctorContext over the world's store, fake Docker and port probe (`options` replaces any of them). */
export function doctorFixture(
  w: World,
  parts: { host?: HostFacts; presets?: Preset[]; versions?: VersionFindings; options?: Partial<CommonOptions> } = {},
): DoctorContext {
  const versions = parts.versions ?? foundVersions();
  return doctorContext({
    ctx: createContext({ ...w.options(), ...parts.options }),
    host: parts.host ?? new FakeHostFacts(),
    presets: parts.presets ?? builtinPresets(),
    versions: async () => versions,
  });
}
