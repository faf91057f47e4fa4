// The editor schema of presets: the committed presets/preset.schema.json is what the code generates now (a
// snapshot that cannot drift), it accepts every built-in preset and the valid fixture, and it refuses what the
// zod schema refuses (unknown keys, missing fields), except that a file with `extends` may be partial.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS_DIR, loadPreset } from '../../../src/presets/load.js';
import { presetJsonSchema, presetJsonSchemaText } from '../../../src/presets/json-schema.js';
import { runCli } from '../../support/unit/cli.js';

const FIXTURES = join(import.meta.dirname, '../../support/unit/presets');
const MODELINE = '# yaml-language-server: $schema=./preset.schema.json';
const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(presetJsonSchema());
const builtins = (await readdir(BUILTIN_PRESETS_DIR)).filter((f) => f.endsWith('.yaml'));

async function presetData(file: string): Promise<Record<string, unknown>> {
  return parse(await readFile(file, 'utf8')) as Record<string, unknown>;
}

function errorsOf(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('presets/preset.schema.json', () => {
  it('equals what the code generates now (run `npm run build && node scripts/gen-preset-schema.mjs` after a schema change)', async () => {
    expect(await readFile(join(BUILTIN_PRESETS_DIR, 'preset.schema.json'), 'utf8')).toBe(presetJsonSchemaText());
  });

  it('`kindling presets schema` prints the same text', async () => {
    const r = await runCli(['presets', 'schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(presetJsonSchemaText());
  });

  it('is draft-07, refuses unknown keys and names the fields a complete preset needs', () => {
    const schema = presetJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect((schema.else as { required: string[] }).required).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'name', 'description', 'engine', 'kubernetesVersion', 'nodeImage']),
    );
  });
});

describe.each(builtins)('built-in preset %s', (file) => {
  it('starts with the yaml-language-server modeline', async () => {
    expect((await readFile(join(BUILTIN_PRESETS_DIR, file), 'utf8')).split('\n')[0]).toBe(MODELINE);
  });

  it('is valid for the editor schema and still loads', async () => {
    expect(errorsOf(await presetData(join(BUILTIN_PRESETS_DIR, file)))).toEqual([]);
    const loaded = await loadPreset(file.replace(/\.yaml$/, ''), { cwd: FIXTURES, env: {} });
    expect(loaded.preset.name).toBe(file.replace(/\.yaml$/, ''));
  });
});

describe('the editor schema agrees with the zod schema', () => {
  it('accepts the valid fixture and refuses the invalid one at the same field', async () => {
    expect(errorsOf(await presetData(join(FIXTURES, 'valid-small.yaml')))).toEqual([]);
    expect(errorsOf(await presetData(join(FIXTURES, 'invalid-workers.yaml')))).toContain('/nodes/workers must be integer');
  });

  it('refuses an unknown key, at the top and nested', async () => {
    const kind = await presetData(join(BUILTIN_PRESETS_DIR, 'kind.yaml'));
    expect(errorsOf({ ...kind, colour: 'blue' })).toContain('/ must NOT have additional properties');
    expect(errorsOf({ ...kind, nodes: { workers: 1, size: 3 } })).toContain('/nodes must NOT have additional properties');
  });

  it('without extends, a missing field is an error; with extends, any field may come from the parent', () => {
    expect(errorsOf({ apiVersion: 'kindling.dev/v1alpha1', kind: 'Preset', name: 'mine' })).toContain(
      "/ must have required property 'engine'",
    );
    expect(errorsOf({ extends: 'kind', name: 'mine', nodes: { workers: 2 }, storage: { className: 'fast' } })).toEqual([]);
    expect(errorsOf({ extends: 'kind', colour: 'blue' })).toContain('/ must NOT have additional properties');
    expect(errorsOf({ extends: 'kind', nodes: { workers: 'two' } })).toContain('/nodes/workers must be integer');
  });
});
