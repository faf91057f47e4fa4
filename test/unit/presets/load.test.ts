import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rejection } from '../../support/unit/thrown.js';
import { NotFoundError, PresetInvalidError } from '../../../src/errors.js';
import { BUILTIN_PRESETS_DIR, DEFAULT_PRESET, isPresetPath, listBuiltinPresets, loadPreset } from '../../../src/presets/load.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../support/unit/presets');
const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('isPresetPath', () => {
  it.each([
    ['kind', false],
    ['k3d', false],
    ['my-preset', false],
    ['./kind', true],
    ['presets/kind', true],
    ['/abs/kind', true],
    ['C:\\presets\\kind', true],
    ['kind.yaml', true],
    ['kind.yml', true],
  ])('%s -> %s', (ref, expected) => {
    expect(isPresetPath(ref)).toBe(expected);
  });
});

describe('listBuiltinPresets', () => {
  it('names the .yaml files of the folder, sorted, without extension', async () => {
    expect(await listBuiltinPresets(FIXTURES)).toEqual(['invalid-workers', 'valid-small']);
  });

  it('ships kind and k3d, and k3d is the default', async () => {
    const names = await listBuiltinPresets();
    expect(names).toEqual(expect.arrayContaining(['k3d', 'kind']));
    expect(names).toEqual([...names].sort());
    expect(DEFAULT_PRESET).toBe('k3d');
  });
});

describe('loadPreset', () => {
  it('loads a built-in preset by name', async () => {
    const loaded = await loadPreset('kind', { cwd: '/' });
    expect(loaded.file).toBe(join(BUILTIN_PRESETS_DIR, 'kind.yaml'));
    expect(loaded.preset.name).toBe('kind');
    expect(loaded.preset.engine).toBe('kind');
  });

  it('loads a preset by name from the given folder, with defaults applied', async () => {
    const loaded = await loadPreset('valid-small', { cwd: '/', dir: FIXTURES });
    expect(loaded.preset).toMatchObject({ name: 'small', engine: 'k3d', nodes: { controlPlanes: 1, workers: 0 }, ports: [] });
  });

  it('an unknown name -> NotFoundError (exit 3) listing the built-ins', async () => {
    const err = await rejection(loadPreset('nope', { cwd: '/', dir: FIXTURES }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({
      code: 'preset-not-found',
      exitCode: 3,
      message: 'no preset named "nope"',
      hint: 'presets: invalid-workers, valid-small (see `kindling presets list`); or pass a file: --preset ./my-preset.yaml',
    });
  });

  it('an unknown name with the shipped folder lists kind and k3d', async () => {
    const err = (await rejection(loadPreset('nope', { cwd: '/' }))) as NotFoundError;
    expect(err.hint).toMatch(
      /^presets: (.+, )?k3d, (.+, )?kind(, .+)? \(see `kindling presets list`\); or pass a file: --preset \.\/my-preset\.yaml$/,
    );
  });

  it('a name never looks in the working directory', async () => {
    const cwd = await tmp.make();
    await writeFile(join(cwd, 'mine.yaml'), 'whatever');
    const err = await rejection(loadPreset('mine', { cwd, dir: FIXTURES }));
    expect(err).toMatchObject({ code: 'preset-not-found', message: 'no preset named "mine"' });
  });

  it('a path is resolved against cwd, and issues name it relative to cwd', async () => {
    const err = await rejection(loadPreset('./invalid-workers.yaml', { cwd: FIXTURES }));
    expect(err).toBeInstanceOf(PresetInvalidError);
    expect((err as PresetInvalidError).issues).toEqual([
      { file: 'invalid-workers.yaml', line: 11, column: 12, path: 'nodes.workers', message: 'expected a number, got "two"' },
    ]);
  });

  it('a path outside cwd is shown absolute', async () => {
    const cwd = await tmp.make();
    const err = (await rejection(loadPreset(join(FIXTURES, 'invalid-workers.yaml'), { cwd }))) as PresetInvalidError;
    expect(err.issues[0]!.file).toBe(join(FIXTURES, 'invalid-workers.yaml'));
    const rel = (await rejection(
      loadPreset('../../support/unit/presets/invalid-workers.yaml', { cwd: join(FIXTURES, '../../../unit/presets') }),
    )) as PresetInvalidError;
    expect(rel.issues[0]!.file).toBe(join(FIXTURES, 'invalid-workers.yaml'));
  });

  it('a path that does not exist -> NotFoundError naming the absolute file', async () => {
    const cwd = await tmp.make();
    const err = await rejection(loadPreset('./missing.yaml', { cwd }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ exitCode: 3, message: `preset file not found: ${join(cwd, 'missing.yaml')}` });
  });

  it('a user file with a valid preset loads', async () => {
    const cwd = await tmp.make();
    await writeFile(
      join(cwd, 'team.yaml'),
      [
        'apiVersion: kindling.dev/v1alpha1',
        'kind: Preset',
        'name: team',
        'description: the team cluster',
        'engine: kind',
        'defaultClusterName: team',
        'kubernetesVersion: v1.36.1',
        'nodeImage: { repository: kindest/node }',
        'nodes: { workers: 2 }',
        '',
      ].join('\n'),
    );
    const loaded = await loadPreset('team.yaml', { cwd });
    expect(loaded.file).toBe(join(cwd, 'team.yaml'));
    expect(loaded.preset.nodes).toEqual({ controlPlanes: 1, workers: 2 });
  });
});
