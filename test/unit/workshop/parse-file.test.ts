import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { parseWorkshopFile } from '../../../src/workshop/parse-file.js';
import { thrown } from '../../support/unit/thrown.js';

const VALID = `apiVersion: kindling.dev/v1alpha1
kind: Workshop
name: k8s-101
preset: k3d
set: [nodes.workers=0]
attendees: [Zoë Smith, bob]
manifests: [./start]
images: [myapp:dev]
`;

describe('parseWorkshopFile', () => {
  it('reads a valid file and applies the defaults', () => {
    const w = parseWorkshopFile(VALID, 'ws.yaml');
    expect(w).toMatchObject({
      name: 'k8s-101',
      preset: 'k3d',
      attendees: ['Zoë Smith', 'bob'],
      manifests: ['./start'],
      images: ['myapp:dev'],
    });
    expect(w.description).toBe('');
    expect(parseWorkshopFile('apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: ws\ncount: 3\n', 'w.yaml').set).toEqual([]);
  });

  it('points every issue at file:line:column and its field', () => {
    const text = 'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: Bad_Name\ncount: 0\ncolour: red\n';
    const err = thrown(InvalidInputError, () => parseWorkshopFile(text, 'ws.yaml'));
    expect(err.message).toContain('ws.yaml:3:7 name: ');
    expect(err.message).toContain('DNS label');
    expect(err.message).toContain('ws.yaml:4:8 count: ');
    expect(err.message).toContain('ws.yaml:5:1 colour: unknown field');
    expect(err.exitCode).toBe(2);
  });

  it('wants exactly one of count and attendees', () => {
    const both = 'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: ws\ncount: 2\nattendees: [a]\n';
    expect(thrown(InvalidInputError, () => parseWorkshopFile(both, 'w.yaml')).message).toContain('count: give either count or attendees');
    const none = 'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: ws\n';
    expect(thrown(InvalidInputError, () => parseWorkshopFile(none, 'w.yaml')).message).toContain('exactly one');
  });

  it('refuses a snapshot together with a preset', () => {
    const text = 'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: ws\ncount: 2\npreset: kind\nfromSnapshot: base/start\n';
    expect(thrown(InvalidInputError, () => parseWorkshopFile(text, 'w.yaml')).message).toMatch(
      /w\.yaml:6:\d+ fromSnapshot: a snapshot brings its own spec/,
    );
  });

  it('reports YAML errors and non-mappings with a position', () => {
    expect(thrown(InvalidInputError, () => parseWorkshopFile('name: [unclosed\n', 'w.yaml')).message).toMatch(/w\.yaml:\d+:\d+ YAML: /);
    expect(thrown(InvalidInputError, () => parseWorkshopFile('- a\n', 'w.yaml')).message).toContain('w.yaml:1:1 expected a mapping');
    expect(thrown(InvalidInputError, () => parseWorkshopFile('kind: Workshop\nkind: Workshop\n', 'w.yaml')).message).toContain('YAML');
  });

  it('names a wrong kind and apiVersion', () => {
    const err = thrown(InvalidInputError, () => parseWorkshopFile('apiVersion: v1\nkind: Preset\nname: ws\ncount: 1\n', 'w.yaml'));
    expect(err.message).toContain('w.yaml:1:13 apiVersion: expected "kindling.dev/v1alpha1", got "v1"');
    expect(err.message).toContain('w.yaml:2:7 kind: expected "Workshop", got "Preset"');
  });
});
