// `up` runs doctor's blocking host checks in its preflight, on this machine's real Docker: without the test tiers'
// KINDLING_IGNORE_PREFLIGHT_ERRORS (vitest.config.ts), a cgroup v1 engine stops a v1.35+ cluster with exit 5 and
// doctor's fix, and nothing is created; on cgroup v2 the check passes. `up --dry-run` lists the host check.
import Dockerode from 'dockerode';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

describeIntegration("up's preflight runs doctor's blocking host checks", () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox({ KINDLING_IGNORE_PREFLIGHT_ERRORS: undefined });
  });
  afterEach(() => sb.cleanup());

  it('cgroup v1: exit 5 with the fix, nothing created; cgroup v2: the check passes', async () => {
    const info = (await new Dockerode().info()) as { CgroupVersion?: string };
    const name = uniqueName('pre');
    const args = ['up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind, '-q'];
    const dry = await sb.cli(...args, '--dry-run');
    const host = dry.stderr.split('\n').find((l) => l.startsWith('preflight:') && l.includes(' host '));
    expect(host, dry.stderr).toBeDefined();
    if (info.CgroupVersion === '1') {
      expect(host).toContain('FAIL');
      const r = await sb.cli(...args);
      expect(r.code, r.stderr).toBe(5);
      expect(r.stderr).toContain('cgroup v1: the kubelet of Kubernetes v1.35+ refuses to start on it');
      expect(r.stderr).toContain('systemd.unified_cgroup_hierarchy=1');
      expect(r.stderr).toContain('--ignore-preflight-errors cgroup');
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      expect((await sb.cli('list', '-o', 'json')).stdout).not.toContain(name);
      // Passed over on purpose: it runs (the stand-in runs no kubelet), with a warning.
      const passed = await sb.cli(...args.filter((a) => a !== '-q'), '--ignore-preflight-errors', 'cgroup');
      expect(passed.code, passed.stderr).toBe(0);
      expect(passed.stderr).toContain('preflight check "cgroup" failed and is passed over');
    } else {
      expect(host).toContain('ok');
      const r = await sb.cli(...args);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await sb.cli('down', name, '--yes')).code).toBe(0);
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
