import { describe, expect, it } from 'vitest';
import { TimedOutError } from '../../../src/errors.js';
import { planUp } from '../../../src/plan/plan.js';
import { probeReadiness } from '../../../src/readiness/probe.js';
import { readinessStages } from '../../../src/readiness/stages.js';
import { waitForReadiness, type WaitClock } from '../../../src/readiness/wait.js';
import type { DeploymentReadiness, KubeApi, NodeReadiness } from '../../../src/runtime/kube-api.js';
import { rejection } from '../../support/unit/thrown.js';
import { builtinPreset } from '../../support/unit/presets.js';

// The kind preset without its storage section: these tests are about api, nodes and dns.
const spec = planUp(builtinPreset('kind', { storage: undefined }), { name: 'dev', workers: 2 }).spec;

/** A fake clock: sleep advances time instantly. */
function fakeClock(): WaitClock & { t: number } {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

/** An API whose answers change with the fake time. */
function api(clock: { t: number }, script: { apiAt?: number; nodesReadyAt?: number; dnsAt?: number; nodes?: number }): KubeApi {
  const n = script.nodes ?? 3;
  return {
    async version() {
      if (clock.t < (script.apiAt ?? 0)) throw new Error('connect ECONNREFUSED 127.0.0.1:40000');
      return 'v1.36.1';
    },
    async listNodes(): Promise<NodeReadiness[]> {
      const ready = clock.t >= (script.nodesReadyAt ?? 0);
      return Array.from({ length: n }, (_, i) => ({ name: `dev-node-${i}`, ready: ready || i === 0 }));
    },
    async apply() {},
    async evict() {},
    async resources() {
      return [];
    },
    async list() {
      return [];
    },
    async get() {
      return undefined;
    },
    async delete() {},
    async deployment(): Promise<DeploymentReadiness | undefined> {
      if (clock.t < (script.dnsAt ?? 0))
        return clock.t < (script.dnsAt ?? 0) / 2 ? undefined : { desired: 2, available: 1, availableCondition: false };
      return { desired: 2, available: 2, availableCondition: true };
    },
  };
}

describe('readinessStages', () => {
  it('api, nodes (expecting every node of the spec), dns', () => {
    expect(readinessStages(spec).map((s) => [s.id, s.title])).toEqual([
      ['api', 'API server reachable'],
      ['nodes', 'all 3 nodes Ready'],
      ['dns', 'CoreDNS Available'],
    ]);
  });
});

describe('waitForReadiness', () => {
  it('reports every stage with its own elapsed time', async () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const results = await waitForReadiness(api(clock, { apiAt: 3_000, nodesReadyAt: 7_000, dnsAt: 12_000 }), readinessStages(spec), {
      timeoutMs: 60_000,
      pollMs: 1_000,
      clock,
      onStage: (r) => seen.push(r.id),
    });
    expect(results.map((r) => [r.id, r.elapsedMs])).toEqual([
      ['api', 3_000],
      ['nodes', 4_000],
      ['dns', 5_000],
    ]);
    expect(seen).toEqual(['api', 'nodes', 'dns']);
    expect(results[2]!.saw).toBe('coredns: 2/2 available');
  });

  it('times out naming the stage and what it last saw (exit 7)', async () => {
    const clock = fakeClock();
    const err = await rejection(waitForReadiness(api(clock, { nodesReadyAt: 1e9 }), readinessStages(spec), { timeoutMs: 30_000, clock }));
    expect(err).toBeInstanceOf(TimedOutError);
    expect(err).toMatchObject({ exitCode: 7, details: { stage: 'nodes' } });
    expect(err.message).toBe(
      'timed out waiting for stage "nodes" (all 3 nodes Ready) after 30s; last saw: 1 of 3 nodes Ready (expecting 3); not Ready: dev-node-1, dev-node-2',
    );
    expect(clock.t).toBe(30_000);
  });

  it('an API that never answers fails at stage "api" quoting the error', async () => {
    const clock = fakeClock();
    const err = await rejection(waitForReadiness(api(clock, { apiAt: 1e9 }), readinessStages(spec), { timeoutMs: 5_000, clock }));
    expect(err.message).toBe(
      'timed out waiting for stage "api" (API server reachable) after 5s; last saw: connect ECONNREFUSED 127.0.0.1:40000',
    );
  });

  it('fewer nodes registered than the spec has is not ready', async () => {
    const clock = fakeClock();
    const err = await rejection(waitForReadiness(api(clock, { nodes: 2 }), readinessStages(spec), { timeoutMs: 2_000, clock }));
    expect(err.message).toContain('last saw: 2 of 2 nodes Ready (expecting 3)');
  });

  it('stops when aborted', async () => {
    const clock = fakeClock();
    const abort = new AbortController();
    abort.abort(new Error('interrupted'));
    await expect(
      waitForReadiness(api(clock, {}), readinessStages(spec), { timeoutMs: 1_000, clock, signal: abort.signal }),
    ).rejects.toThrow('interrupted');
  });
});

describe('probeReadiness', () => {
  it('checks each stage once and reports the ones after the first unready stage as not checked', async () => {
    const clock = fakeClock();
    expect(await probeReadiness(api(clock, { nodesReadyAt: 1 }), readinessStages(spec))).toEqual([
      { id: 'api', title: 'API server reachable', ready: true, saw: 'API server v1.36.1' },
      { id: 'nodes', title: 'all 3 nodes Ready', ready: false, saw: '1 of 3 nodes Ready (expecting 3); not Ready: dev-node-1, dev-node-2' },
      { id: 'dns', title: 'CoreDNS Available', ready: false, saw: 'not checked: waiting for "nodes"' },
    ]);
  });

  it('a failing API is reported, not thrown', async () => {
    const clock = fakeClock();
    const [first] = await probeReadiness(api(clock, { apiAt: 1 }), readinessStages(spec));
    expect(first).toEqual({ id: 'api', title: 'API server reachable', ready: false, saw: 'connect ECONNREFUSED 127.0.0.1:40000' });
  });
});
