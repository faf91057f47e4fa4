import { describe, expect, it } from 'vitest';
import { PresetInvalidError, type PresetIssue } from '../../../src/errors.js';
import { parsePreset } from '../../../src/presets/validate.js';
import { builtinPresetText } from '../../support/unit/presets.js';

// Line numbers in the tests below refer to this text (1-based).
const VALID_LINES = [
  'apiVersion: kindling.dev/v1alpha1', // 1
  'kind: Preset', // 2
  'name: mine', // 3
  'description: my preset', // 4
  'engine: kind', // 5
  'defaultClusterName: dev', // 6
  'kubernetesVersion: v1.36.1', // 7
  'nodeImage:', // 8
  '  repository: kindest/node', // 9
  'nodes:', // 10
  '  controlPlanes: 1', // 11
  '  workers: 2', // 12
];
const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;
/** VALID_LINES with line `n` (1-based) replaced by `replacement` (which may hold several lines, or none). */
const withLine = (n: number, ...replacement: string[]) => text([...VALID_LINES.slice(0, n - 1), ...replacement, ...VALID_LINES.slice(n)]);

function issuesOf(source: string, file = 'mine.yaml'): PresetIssue[] {
  try {
    parsePreset(source, file);
  } catch (err) {
    expect(err).toBeInstanceOf(PresetInvalidError);
    return (err as PresetInvalidError).issues;
  }
  throw new Error('expected the preset to be invalid');
}

describe('parsePreset: valid presets', () => {
  it('parses the built-in kind preset, pinned by digest', () => {
    const p = parsePreset(builtinPresetText('kind'), 'kind.yaml');
    expect(p).toMatchObject({
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'Preset',
      name: 'kind',
      engine: 'kind',
      defaultClusterName: 'kind',
      kubernetesVersion: 'v1.36.1',
      nodes: { controlPlanes: 1, workers: 0 },
      apiServer: { address: '127.0.0.1', port: 0 },
      ports: [],
    });
    expect(p.nodeImage.repository).toBe('kindest/node');
    expect(p.nodeImage.digests['v1.36.1']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('parses the built-in k3d preset', () => {
    const p = parsePreset(builtinPresetText('k3d'), 'k3d.yaml');
    expect(p).toMatchObject({
      name: 'k3d',
      engine: 'k3d',
      defaultClusterName: 'k3s-default',
      kubernetesVersion: 'v1.35.5',
      nodeImage: { repository: 'rancher/k3s', tagSuffix: '-k3s1' },
      apiServer: { address: '127.0.0.1', port: 0 },
    });
    expect(p.notes.length).toBeGreaterThan(0);
  });

  it('applies every default once, after validation', () => {
    const p = parsePreset(text(VALID_LINES.slice(0, 9)), 'mine.yaml');
    expect(p.nodeImage).toEqual({ repository: 'kindest/node', tagSuffix: '', digests: {} });
    expect(p.nodes).toEqual({ controlPlanes: 1, workers: 0 });
    expect(p.apiServer).toEqual({ address: '127.0.0.1', port: 0 });
    expect(p.ports).toEqual([]);
    expect(p.notes).toEqual([]);
  });

  it('defaults a port mapping to TCP on 127.0.0.1', () => {
    const p = parsePreset(text([...VALID_LINES, 'ports:', '  - hostPort: 8080', '    containerPort: 80']), 'mine.yaml');
    expect(p.ports).toEqual([{ hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' }]);
  });
});

describe('parsePreset: issues point at file:line:column and the dotted path', () => {
  it('a wrong type: workers: two', () => {
    expect(issuesOf(withLine(12, '  workers: two'))).toEqual([
      { file: 'mine.yaml', line: 12, column: 12, path: 'nodes.workers', message: 'expected a number, got "two"' },
    ]);
  });

  it('the error message lists the issue as file:line:column path: message, and exits 2', () => {
    let caught: unknown;
    try {
      parsePreset(withLine(12, '  workers: two'), 'presets/mine.yaml');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PresetInvalidError);
    const err = caught as PresetInvalidError;
    expect(err.message).toBe('invalid preset:\n  presets/mine.yaml:12:12 nodes.workers: expected a number, got "two"');
    expect(err.code).toBe('preset-invalid');
    expect(err.exitCode).toBe(2);
    expect(err.hint).toContain('presets/');
  });

  it('unknown keys, top-level and nested, each at its key', () => {
    const source = text([...VALID_LINES.slice(0, 11), '  workerz: 2', 'colour: blue']);
    expect(issuesOf(source)).toEqual(
      expect.arrayContaining([
        { file: 'mine.yaml', line: 12, column: 3, path: 'nodes.workerz', message: 'unknown field' },
        { file: 'mine.yaml', line: 13, column: 1, path: 'colour', message: 'unknown field' },
      ]),
    );
    expect(issuesOf(source)).toHaveLength(2);
  });

  it('several unknown keys in one map: one issue per key', () => {
    const issues = issuesOf(text([...VALID_LINES, 'foo: 1', 'bar: 2']));
    expect(issues.map((i) => [i.path, i.line, i.column])).toEqual([
      ['foo', 13, 1],
      ['bar', 14, 1],
    ]);
  });

  it('a value outside an enum', () => {
    expect(issuesOf(withLine(5, 'engine: minikube'))).toEqual([
      { file: 'mine.yaml', line: 5, column: 9, path: 'engine', message: 'expected one of "kind", "k3d", got "minikube"' },
    ]);
  });

  it('a wrong apiVersion', () => {
    expect(issuesOf(withLine(1, 'apiVersion: v1'))).toEqual([
      { file: 'mine.yaml', line: 1, column: 13, path: 'apiVersion', message: 'expected one of "kindling.dev/v1alpha1", got "v1"' },
    ]);
  });

  it('a Kubernetes version without the patch number', () => {
    expect(issuesOf(withLine(7, 'kubernetesVersion: v1.36'))).toEqual([
      {
        file: 'mine.yaml',
        line: 7,
        column: 20,
        path: 'kubernetesVersion',
        message: 'expected a Kubernetes version like v1.36.1, got "v1.36"',
      },
    ]);
  });

  it('a Kubernetes version YAML reads as a number', () => {
    expect(issuesOf(withLine(7, 'kubernetesVersion: 1.36'))).toEqual([
      { file: 'mine.yaml', line: 7, column: 20, path: 'kubernetesVersion', message: 'expected a string, got 1.36' },
    ]);
  });

  it('a missing required field is reported at the top of the document', () => {
    expect(issuesOf(withLine(4))).toEqual([
      { file: 'mine.yaml', line: 1, column: 1, path: 'description', message: 'expected a string, got nothing' },
    ]);
  });

  it('a malformed digest', () => {
    const source = withLine(9, '  repository: kindest/node', '  digests:', '    v1.36.1: sha256:abc');
    expect(issuesOf(source)).toEqual([
      {
        file: 'mine.yaml',
        line: 11,
        column: 14,
        path: 'nodeImage.digests.v1.36.1',
        message: 'expected sha256:<64 hex digits>, got "sha256:abc"',
      },
    ]);
  });

  it('a digest keyed by something that is not a version names the key, at the key', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const [issue, ...rest] = issuesOf(withLine(9, '  repository: kindest/node', '  digests:', `    1.36.1: ${digest}`));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ line: 11, column: 5, path: 'nodeImage.digests.1.36.1' });
    expect(issue!.message).toContain('expected a Kubernetes version like v1.36.1');
    expect(issue!.message).toContain('"1.36.1"');
    expect(issue!.message).not.toContain(digest);
  });

  it('numbers out of range, in a list item', () => {
    const source = text([...VALID_LINES, 'ports:', '  - hostPort: 70000', '    containerPort: 0', '    protocol: SCTP']);
    expect(issuesOf(source)).toEqual([
      { file: 'mine.yaml', line: 14, column: 15, path: 'ports.0.hostPort', message: 'must be at most 65535, got 70000' },
      { file: 'mine.yaml', line: 15, column: 20, path: 'ports.0.containerPort', message: 'must be at least 1, got 0' },
      { file: 'mine.yaml', line: 16, column: 15, path: 'ports.0.protocol', message: 'expected one of "TCP", "UDP", got "SCTP"' },
    ]);
  });

  it('a listen address that is not IPv4', () => {
    const [issue] = issuesOf(text([...VALID_LINES, 'ports:', '  - hostPort: 80', '    containerPort: 80', '    listenAddress: localhost']));
    expect(issue).toMatchObject({ line: 16, column: 20, path: 'ports.0.listenAddress' });
    expect(issue!.message).toContain('"localhost"');
  });

  it('reports every issue, not just the first', () => {
    const source = text([
      'apiVersion: kindling.dev/v1alpha1',
      'kind: Preset',
      'name: Mine', // not lower-case
      'description: my preset',
      'engine: minikube', // bad enum
      'defaultClusterName: dev',
      'kubernetesVersion: v1.36.1',
      'nodeImage:',
      '  repository: kindest/node',
      'nodes:',
      '  workers: two', // wrong type
      'extra: true', // unknown
    ]);
    const issues = issuesOf(source);
    expect(issues.map((i) => `${i.line}:${i.column} ${i.path}`).sort()).toEqual(
      ['11:12 nodes.workers', '12:1 extra', '3:7 name', '5:9 engine'].sort(),
    );
    expect(issues.find((i) => i.path === 'name')!.message).toBe('expected a lower-case name, got "Mine"');
  });
});

describe('parsePreset: YAML syntax errors', () => {
  it('reports a syntax error at its line and column, with no field path', () => {
    const issues = issuesOf(withLine(5, 'engine: kind: k3d'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'mine.yaml', line: 5, column: 9, path: '' });
    expect(issues[0]!.message).toMatch(/^YAML: Nested mappings are not allowed in compact mappings/);
  });

  it('a syntax error stops validation: no schema issues are mixed in', () => {
    const issues = issuesOf(text([...VALID_LINES.slice(0, 4), 'engine: minikube', 'nodes: [1, 2']));
    expect(issues.map((i) => i.path)).toEqual(['']);
    expect(issues[0]!.message).toMatch(/^YAML: /);
  });

  it('a duplicated key is a syntax error, reported once and located once', () => {
    const issues = issuesOf(text([...VALID_LINES.slice(0, 3), 'name: again', ...VALID_LINES.slice(3)]));
    // The position is in file:line:column; the message must not repeat it or end in a dangling colon.
    expect(issues).toEqual([{ file: 'mine.yaml', line: 4, column: 1, path: '', message: 'YAML: Map keys must be unique' }]);
  });
});
