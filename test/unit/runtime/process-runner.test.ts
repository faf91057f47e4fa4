import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../../src/runtime/process-runner.js';

describe('formatCommand', () => {
  it('leaves plain words, paths, flags and key=value unquoted', () => {
    expect(
      formatCommand('kind', ['create', 'cluster', '--name', 'dev', '--config', '-', '--kubeconfig', '/tmp/kindling-ab12cd/kubeconfig']),
    ).toBe('kind create cluster --name dev --config - --kubeconfig /tmp/kindling-ab12cd/kubeconfig');
    expect(formatCommand('/usr/bin/k3d', ['--label', 'a.b/c=d:e,f@g%h+i'])).toBe('/usr/bin/k3d --label a.b/c=d:e,f@g%h+i');
  });

  it('quotes spaces, shell characters and the empty string', () => {
    expect(formatCommand('kind', ['a b', '', '$HOME', 'x;y', '*'])).toBe("kind 'a b' '' '$HOME' 'x;y' '*'");
  });

  it('escapes single quotes the POSIX way', () => {
    expect(formatCommand('echo', ["it's"])).toBe("echo 'it'\\''s'");
  });

  it('quotes the binary too', () => {
    expect(formatCommand('/opt/my tools/kind', ['version'])).toBe("'/opt/my tools/kind' version");
  });
});
