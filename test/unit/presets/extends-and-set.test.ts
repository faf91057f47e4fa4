import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPresets, showPreset } from '../../../src/api/presets.js';
import { InvalidInputError, NotFoundError, PresetInvalidError } from '../../../src/errors.js';
import { loadPreset, presetFiles, userPresetsDir } from '../../../src/presets/load.js';
import { applySetFlags } from '../../../src/presets/set-flags.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';
import { rejection } from '../../support/unit/thrown.js';

let dir: string;
useTempDir((d) => {
  dir = d;
});

const env = () => ({ HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config') });
const userDir = () => join(dir, 'config', 'kindling', 'presets');
async function userPreset(name: string, text: string): Promise<string> {
  await mkdir(userDir(), { recursive: true });
  const file = join(userDir(), `${name}.yaml`);
  await writeFile(file, text);
  return file;
}
const child = (extra = '') => `apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: mine\nextends: kind\ndescription: my kind\n${extra}`;

describe('user presets', () => {
  it('live in $XDG_CONFIG_HOME/kindling/presets, else ~/.config/kindling/presets', () => {
    expect(userPresetsDir({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/kindling/presets');
    expect(userPresetsDir({ HOME: '/h' })).toBe('/h/.config/kindling/presets');
    expect(userPresetsDir({})).toBeUndefined();
  });

  it('are found by name, and a user preset of a built-in name hides the built-in', async () => {
    await userPreset('mine', child());
    await userPreset('kind', child().replace('name: mine', 'name: kind'));
    const files = await presetFiles({ user: userDir(), builtin: join(process.cwd(), 'presets') });
    expect(files.map((f) => [f.name, f.builtin])).toEqual([
      ['k3d', true],
      ['k3s', true],
      ['kind', false],
      ['microk8s', true],
      ['mine', false],
      ['minikube', true],
    ]);
    expect((await loadPreset('mine', { cwd: dir, env: env() })).preset.name).toBe('mine');
  });
});

describe('extends', () => {
  it('inherits every field and overrides the ones it sets (maps merge, lists replace)', async () => {
    await userPreset('mine', child('nodes:\n  workers: 2\nports:\n  - hostPort: 8080\n    containerPort: 80\n'));
    const { preset, chain } = await loadPreset('mine', { cwd: dir, env: env() });
    expect(preset).toMatchObject({
      name: 'mine',
      engine: 'kind',
      kubernetesVersion: 'v1.36.1',
      nodes: { controlPlanes: 1, workers: 2 },
      description: 'my kind',
    });
    expect(preset.ports).toEqual([{ hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' }]);
    expect(chain.map((f) => f.split('/').slice(-1)[0])).toEqual(['mine.yaml', 'kind.yaml']);
  });

  it('a user preset named like a built-in can extend that built-in', async () => {
    await userPreset('kind', child('nodes:\n  workers: 3\n').replace('name: mine', 'name: kind'));
    const { preset, chain } = await loadPreset('kind', { cwd: dir, env: env() });
    expect(preset.nodes.workers).toBe(3);
    expect(chain[1]).toBe(join(process.cwd(), 'presets', 'kind.yaml'));
  });

  it('a bad field is reported in the file that wrote it', async () => {
    await userPreset('mine', child('nodes:\n  workers: two\n'));
    const err = (await rejection(loadPreset('mine', { cwd: dir, env: env() }))) as PresetInvalidError;
    expect(err).toBeInstanceOf(PresetInvalidError);
    // Shown relative to the working directory, like every preset file name.
    expect(err.issues).toEqual([
      { file: 'config/kindling/presets/mine.yaml', line: 7, column: 12, path: 'nodes.workers', message: 'expected a number, got "two"' },
    ]);
  });

  it('a loop is refused, naming the chain', async () => {
    await userPreset('a', 'apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: a\nextends: ./b.yaml\n');
    await userPreset('b', 'apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: b\nextends: ./a.yaml\n');
    const err = await rejection(loadPreset('a', { cwd: userDir(), env: env() }));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toBe('preset "extends" loops: a.yaml -> b.yaml -> a.yaml');
  });

  it('an unknown parent is not found, listing the presets', async () => {
    await userPreset('mine', child().replace('extends: kind', 'extends: kinnd'));
    const err = await rejection(loadPreset('mine', { cwd: dir, env: env() }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('no preset named "kinnd"');
  });

  it('extends must be a name or a file', async () => {
    await userPreset('mine', child().replace('extends: kind', 'extends: [kind]'));
    const err = await rejection(loadPreset('mine', { cwd: dir, env: env() }));
    expect(err.message).toBe('config/kindling/presets/mine.yaml: extends: expected a preset name or file, got ["kind"]');
  });
});

describe('--set', () => {
  it('sets numbers, booleans and strings by dotted path, later flags winning', async () => {
    const { preset } = await loadPreset('kind', {
      cwd: dir,
      set: ['nodes.workers=2', 'apiServer.port=6443', 'description=a b: c', 'nodes.workers=3'],
    });
    expect(preset.nodes.workers).toBe(3);
    expect(preset.apiServer.port).toBe(6443);
    expect(preset.description).toBe('a b: c');
  });

  it('a value the schema refuses is reported against the flag', async () => {
    const err = (await rejection(loadPreset('kind', { cwd: dir, set: ['nodes.workers=two'] }))) as PresetInvalidError;
    expect(err.message).toBe('invalid preset:\n  --set nodes.workers=two: nodes.workers: expected a number, got "two"');
  });

  it('an unknown key is an unknown field of the flag', async () => {
    const err = (await rejection(loadPreset('kind', { cwd: dir, set: ['nodes.wrokers=2'] }))) as PresetInvalidError;
    expect(err.issues).toEqual([{ file: '--set nodes.wrokers=2', line: 0, column: 0, path: 'nodes.wrokers', message: 'unknown field' }]);
  });

  it.each([
    ['workers', '--set "workers" must be key.path=value'],
    ['=2', '--set "=2" must be key.path=value'],
    ['nodes..workers=2', '--set "nodes..workers=2" must be key.path=value'],
  ])('%s is refused: %s', (flag, message) => {
    expect(() => applySetFlags({}, [flag])).toThrow(message);
  });

  it('list items by index, only existing ones', () => {
    expect(applySetFlags({ ports: [{ hostPort: 1 }] }, ['ports.0.hostPort=8080']).data).toEqual({ ports: [{ hostPort: 8080 }] });
    expect(() => applySetFlags({ ports: [] }, ['ports.0.hostPort=1'])).toThrow(
      '--set ports.0.hostPort=1: "0" is not an index of that list (it has 0 items)',
    );
  });
});

describe('presets list and show', () => {
  it('lists built-in and user presets with engine and description; a broken one is listed with its error', async () => {
    await userPreset('mine', child());
    await userPreset('broken', 'kind: [\n');
    const list = await listPresets({ env: env(), cwd: dir });
    expect(list.map((p) => [p.name, p.engine, p.source])).toEqual([
      ['broken', '?', 'user'],
      ['k3d', 'k3d', 'built-in'],
      ['k3s', 'k3d', 'built-in'],
      ['kind', 'kind', 'built-in'],
      ['microk8s', 'kind', 'built-in'],
      ['mine', 'kind', 'user'],
      ['minikube', 'kind', 'built-in'],
    ]);
    expect(list[0]!.error).toContain('YAML:');
    expect(list.find((p) => p.name === 'mine')!.description).toBe('my kind');
  });

  it('show resolves extends and --set', async () => {
    await userPreset('mine', child());
    const shown = await showPreset({ preset: 'mine', env: env(), cwd: dir, set: ['nodes.workers=4'] });
    expect(shown.preset).toMatchObject({ name: 'mine', engine: 'kind', nodes: { workers: 4 } });
  });
});
