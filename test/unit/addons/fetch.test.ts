import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDON_CATALOGUE } from '../../../src/addons/catalogue.js';
import { addonCacheDir, getManifest } from '../../../src/addons/fetch.js';
import { EnvironmentError, type PresetInvalidError } from '../../../src/errors.js';
import { planUp } from '../../../src/plan/plan.js';
import { parsePreset } from '../../../src/presets/validate.js';
import { readinessStages } from '../../../src/readiness/stages.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';
import { rejection } from '../../support/unit/thrown.js';

let dir: string;
useTempDir((d) => {
  dir = d;
});

const TEXT = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n';
const pin = { url: 'https://example.invalid/releases/v1/demo.yaml', sha256: createHash('sha256').update(TEXT).digest('hex') };

describe('getManifest', () => {
  it('downloads once, checks the sha256, caches by digest, then serves the cache', async () => {
    const calls: string[] = [];
    const fetchText = async (url: string) => {
      calls.push(url);
      return TEXT;
    };
    const cacheDir = join(dir, 'cache');
    expect(await getManifest(pin, { cacheDir, fetchText })).toBe(TEXT);
    expect(await readFile(join(cacheDir, `${pin.sha256}.yaml`), 'utf8')).toBe(TEXT);
    expect(await getManifest(pin, { cacheDir, fetchText })).toBe(TEXT);
    expect(calls).toEqual([pin.url]);
  });

  it('a download whose sha256 differs is refused and not cached', async () => {
    const cacheDir = join(dir, 'cache');
    const err = await rejection(getManifest(pin, { cacheDir, fetchText: async () => `${TEXT}# changed\n` }));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({ code: 'checksum-mismatch', exitCode: 5 });
    expect(err.message).toMatch(
      new RegExp(
        `^${pin.url.replace(/\./g, '\\.')} has sha256 [0-9a-f]{64}, but ${pin.url.replace(/\./g, '\\.')} is pinned to ${pin.sha256}; nothing was applied$`,
      ),
    );
    expect(existsSync(join(cacheDir, `${pin.sha256}.yaml`))).toBe(false);
  });

  it('a download that fails says so and how to work offline', async () => {
    const err = await rejection(
      getManifest(pin, {
        cacheDir: join(dir, 'c'),
        fetchText: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND example.invalid')),
      }),
    );
    expect(err).toMatchObject({
      code: 'addon-download',
      message: `could not download ${pin.url}: getaddrinfo ENOTFOUND example.invalid`,
      hint: 'download it yourself and pass --addons-from DIR with it as demo.yaml',
    });
  });

  it('--addons-from reads the file by its URL name, checks it, and never downloads', async () => {
    const from = join(dir, 'from');
    await mkdir(from);
    const noFetch = async () => Promise.reject(new Error('must not download'));
    await expect(getManifest(pin, { cacheDir: join(dir, 'c'), from, fetchText: noFetch })).rejects.toMatchObject({
      code: 'addon-missing',
      message: `${join(from, 'demo.yaml')} not found (--addons-from ${from})`,
    });
    await writeFile(join(from, 'demo.yaml'), TEXT);
    expect(await getManifest(pin, { cacheDir: join(dir, 'c'), from, fetchText: noFetch })).toBe(TEXT);
    await writeFile(join(from, 'demo.yaml'), 'tampered');
    await expect(getManifest(pin, { cacheDir: join(dir, 'c'), from, fetchText: noFetch })).rejects.toMatchObject({
      code: 'checksum-mismatch',
    });
  });

  it('the cache lives under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(addonCacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/kindling/addons');
    expect(addonCacheDir({ HOME: '/h' })).toBe('/h/.cache/kindling/addons');
  });
});

const PRESET = `apiVersion: kindling.dev/v1alpha1
kind: Preset
name: mine
description: d
engine: kind
defaultClusterName: mine
kubernetesVersion: v1.36.1
nodeImage:
  repository: kindest/node
`;

describe('add-ons in presets and plans', () => {
  it('an add-on that is neither in the catalogue nor in customAddons is an error at its place', () => {
    const err = (() => {
      try {
        parsePreset(`${PRESET}addons:\n  - local-path-provisioner\n  - metrics-servr\n`, 'mine.yaml');
      } catch (e) {
        return e as PresetInvalidError;
      }
      throw new Error('expected an error');
    })();
    expect(err.issues).toEqual([
      {
        file: 'mine.yaml',
        line: 12,
        column: 5,
        path: 'addons.1',
        message:
          'expected an add-on of the catalogue or of customAddons (ingress-nginx, local-path-provisioner, metrics-server, microk8s-hostpath-provisioner, minikube-storage-provisioner), got "metrics-servr"',
      },
    ]);
  });

  it('a custom add-on needs pinned manifests', () => {
    expect(() =>
      parsePreset(
        `${PRESET}addons: [x]\ncustomAddons:\n  - name: x\n    manifests:\n      - url: http://127.0.0.1/x.yaml\n        sha256: abc\n`,
        'mine.yaml',
      ),
    ).toThrow('mine.yaml:15:17 customAddons.0.manifests.0.sha256: expected 64 lower-case hex digits, got "abc"');
  });

  it('the plan resolves add-ons to their pins, adds the apply step and the readiness stage', () => {
    const preset = { ...builtinPreset('kind'), addons: ['local-path-provisioner'] };
    const plan = planUp(preset, { name: 'dev' }, {}, 60_000);
    expect(plan.spec.addons).toEqual([ADDON_CATALOGUE['local-path-provisioner']]);
    expect(plan.actions.map((a) => a.id)).toContain('apply-addons');
    expect(plan.actions.find((a) => a.id === 'apply-addons')!.title).toBe(
      'Apply add-ons local-path-provisioner (manifests checked against their sha256, server-side apply)',
    );
    expect(readinessStages(plan.spec).map((s) => s.id)).toEqual(['api', 'nodes', 'dns', 'addons', 'storage']);
    expect(planUp(builtinPreset('kind'), { name: 'dev' }).spec).not.toHaveProperty('addons');
  });
});
