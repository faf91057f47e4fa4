import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addClusterFlags, planOptionsFrom, type ClusterFlags } from '../../../src/cli/cluster-flags.js';

function parsed(args: string[]): ClusterFlags {
  const cmd = addClusterFlags(new Command('x').exitOverride());
  cmd.parse(args, { from: 'user' });
  return cmd.opts() as ClusterFlags;
}

describe('cluster flags', () => {
  it('defaults: preset k3d, no ports, merge into the kubeconfig without switching', () => {
    const flags = parsed([]);
    expect(planOptionsFrom(flags)).toEqual({ preset: 'k3d', ports: [], merge: true, switchContext: false, waitMs: 0 });
  });

  it('every flag maps to its plan option; --port repeats', () => {
    const flags = parsed([
      '-p',
      'kind',
      '-n',
      'dev',
      '--workers',
      '2',
      '--k8s-version',
      'v1.35.2',
      '--image',
      'my/node:1',
      '--port',
      '8080:80',
      '--port',
      '5353:53/udp',
    ]);
    expect(planOptionsFrom(flags)).toEqual({
      preset: 'kind',
      name: 'dev',
      workers: 2,
      kubernetesVersion: 'v1.35.2',
      image: 'my/node:1',
      ports: ['8080:80', '5353:53/udp'],
      merge: true,
      switchContext: false,
      waitMs: 0,
    });
  });

  it('--no-merge and --switch-context', () => {
    expect(planOptionsFrom(parsed(['--no-merge']))).toMatchObject({ merge: false, switchContext: false });
    expect(planOptionsFrom(parsed(['--switch-context']))).toMatchObject({ merge: true, switchContext: true });
  });

  it('--wait takes a duration', () => {
    expect(planOptionsFrom(parsed(['--wait', '2m30s'])).waitMs).toBe(150_000);
    expect(() => planOptionsFrom(parsed(['--wait', 'soon']))).toThrow('--wait "soon" is not a duration');
  });
});
