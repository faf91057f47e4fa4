// `kindling version` and `kindling --version` in-process, against this machine's real runner: a stand-in `kind`
// script on a private PATH, a k3d that does not exist and a DOCKER_HOST nobody listens on. Missing pieces are
// reported and the command still exits 0.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { versionTable } from '../../../../src/cli/commands/version.js';
import type { VersionReport } from '../../../../src/api/version.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
let dir: string;
let env: Record<string, string>;
const pkg = JSON.parse(await readFile(join(import.meta.dirname, '../../../../package.json'), 'utf8')) as { version: string };

beforeEach(async () => {
  dir = await tmp.make();
  await mkdir(join(dir, 'bin'));
  await writeFile(join(dir, 'bin', 'kind'), '#!/bin/sh\necho "kind v0.33.0 go1.24.2 linux/amd64"\n');
  await chmod(join(dir, 'bin', 'kind'), 0o755);
  env = {
    PATH: join(dir, 'bin'),
    HOME: join(dir, 'home'),
    KINDLING_K3D_BINARY: join(dir, 'no', 'k3d'),
    DOCKER_HOST: `unix://${join(dir, 'docker.sock')}`,
  };
});
afterEach(() => tmp.cleanup());

describe('kindling version', () => {
  it('-o json: a stable object; the missing k3d and the unreachable Docker are in their fields; exit 0', async () => {
    const r = await runCli(['version', '-o', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as VersionReport;
    expect(Object.keys(report)).toEqual(['kindling', 'node', 'engines', 'docker']);
    expect(report.kindling).toBe(pkg.version);
    expect(report.node).toBe(process.version);
    expect(report.engines.kind).toEqual({
      binary: 'kind',
      path: join(dir, 'bin', 'kind'),
      version: 'v0.33.0',
      tested: ['v0.33.0', 'v0.32.0'],
      isTested: true,
      error: null,
      hint: null,
    });
    expect(report.engines.k3d).toMatchObject({ binary: join(dir, 'no', 'k3d'), path: null, version: null, isTested: null });
    expect(report.engines.k3d.error).toContain('k3d not found');
    expect(report.engines.k3d.hint).toContain('install k3d v5.9.0');
    expect(Object.keys(report.docker)).toEqual(['endpoint', 'source', 'version', 'apiVersion', 'platform', 'error']);
    expect(report.docker).toMatchObject({ endpoint: null, version: null });
    expect(report.docker.error).toMatch(/^Docker is not reachable/);
  });

  it('text: an aligned table, one line per part', async () => {
    const r = await runCli(['version'], { env });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s{3,}/)[0])).toEqual(['COMPONENT', 'kindling', 'node', 'kind', 'k3d', 'docker']);
    const cells = lines.map((l) => l.split(/ {3,}/));
    expect(cells[3]).toEqual(['kind', 'v0.33.0', `${join(dir, 'bin', 'kind')} (tested: v0.33.0, v0.32.0)`]);
    expect(cells[4]?.slice(0, 2)).toEqual(['k3d', '-']);
    expect(cells[4]?.[2]).toMatch(/^k3d not found .*\(tested: v5\.9\.0\)$/);
    expect(cells[5]?.slice(0, 2)).toEqual(['docker', '-']);
    expect(cells[5]?.[2]).toMatch(/^unreachable: Docker is not reachable/);
    // Aligned: every value column starts at the same place.
    const starts = [3, 4, 5].map((i) => lines[i]!.indexOf(cells[i]![1]!));
    expect(new Set([lines[0]!.indexOf('VERSION'), ...starts]).size).toBe(1);
    expect(lines).toHaveLength(6);
  });

  it('-o text|json|yaml only', async () => {
    const r = await runCli(['version', '-o', 'wide'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: -o wide: expected one of text, json, yaml\n');
  });

  it('--version prints the version in package.json', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('versionTable', () => {
  it('an untested release, and a Docker engine with its endpoint, API and platform', () => {
    const text = versionTable({
      kindling: '1.2.3',
      node: 'v22.0.0',
      engines: {
        kind: {
          binary: 'kind',
          path: '/usr/bin/kind',
          version: 'v0.31.0',
          tested: ['v0.33.0', 'v0.32.0'],
          isTested: false,
          error: null,
          hint: null,
        },
        k3d: { binary: 'k3d', path: '/usr/bin/k3d', version: 'v5.9.0', tested: ['v5.9.0'], isTested: true, error: null, hint: null },
      },
      docker: {
        endpoint: 'unix:///var/run/docker.sock',
        source: 'default socket',
        version: '28.3.2',
        apiVersion: '1.51',
        platform: 'linux/amd64',
        error: null,
      },
    });
    expect(text).toBe(
      [
        'COMPONENT   VERSION   DETAILS',
        'kindling    1.2.3',
        'node        v22.0.0',
        'kind        v0.31.0   /usr/bin/kind (untested; tested: v0.33.0, v0.32.0)',
        'k3d         v5.9.0    /usr/bin/k3d (tested: v5.9.0)',
        'docker      28.3.2    unix:///var/run/docker.sock (default socket), API 1.51, linux/amd64',
        '',
      ].join('\n'),
    );
  });
});
