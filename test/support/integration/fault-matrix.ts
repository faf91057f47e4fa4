// The fault-injection matrix: `up` (kind and k3d, with --registry), `down`, `upgrade` and `snapshot create`, each
// interrupted at a step boundary by the test-only hook (KINDLING_TEST_FAULT, src/apply/fault-hook.ts) with SIGKILL
// of kindling, SIGINT of kindling, SIGKILL of the engine child, or the Docker engine restarted; then the next
// natural command (`up` again, `down` again, `upgrade --resume`/`--rollback` or the upgrade again, the snapshot
// again; `start` first where the restart stopped the cluster) runs, and the test checks through the Docker API,
// the Kubernetes API and the files: the cluster is whole and running (at the version the command asked for, with
// its objects), or nothing of it is left; the state store loads; the user's kubeconfig parses and names no cluster
// that does not exist; no lock is held. CI runs a subset: every step of each once, the faults in turn (so every (operation,
// fault) pair too); KINDLING_FAULTS=all (npm run test:faults) runs every step with every fault. Prints the matrix.
// Two test files run it: fault-steps.test.ts the faults that leave the Docker engine alone (in the integration tier,
// beside the other files), faults.test.ts the engine restarts (alone, in the engine-restart tier); together they
// are the whole subset (or, with KINDLING_FAULTS=all, the whole matrix).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlFor } from './claim-data.js';
import { clusterObjects } from './docker-probe.js';
import { integrationEnv } from './env.js';
import { IMAGES } from './images.js';
import { mayRestartDocker, restartDocker } from './restart-docker.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from './sandbox.js';

const cli = resolve(import.meta.dirname, '../../../bin/kindling.js');
const FAULTS = ['sigkill', 'sigint', 'kill-engine', 'pause'] as const;
/** A fault the hook injects (src/apply/fault-hook.ts); `pause` is the Docker engine restarted meanwhile. */
export type Fault = (typeof FAULTS)[number];
type Engine = 'kind' | 'k3d';
interface Row {
  op: string;
  step: string;
  fault: Fault;
  first: number | string;
  next: number;
  outcome: string;
}

const ALL = process.env.KINDLING_FAULTS === 'all';
// For a developer's machine shared with other work: KINDLING_FAULTS_ONLY=sigkill,sigint leaves the others out.
const ONLY = process.env.KINDLING_FAULTS_ONLY?.split(',');

/**
 * Every step with every fault (all); else every step once, the faults in turn (from `first`), and at least every
 * fault once: each operation (and each engine's `up`) meets every step and every fault.
 */
function subset(steps: readonly string[], first = 0): { step: string; fault: Fault }[] {
  const all = ALL
    ? steps.flatMap((step) => FAULTS.map((fault) => ({ step, fault })))
    : Array.from({ length: Math.max(steps.length, FAULTS.length) }, (_, i) => ({
        step: steps[i % steps.length]!,
        fault: FAULTS[(i + first) % FAULTS.length]!,
      }));
  return ONLY ? all.filter((c) => ONLY.includes(c.fault)) : all;
}

/** The matrix (or its subset) for these faults: each test file runs its share. */
export function faultMatrix(faults: readonly Fault[]): void {
  const restarts = faults.includes('pause');
  const refusal = restarts ? mayRestartDocker() : undefined;
  if (refusal) console.log(`\n[faults] SKIPPING: ${refusal}\n`);
  const describeFaults = integrationEnv().enabled && !refusal ? describe : describe.skip;
  const cases = (steps: readonly string[], first = 0) => subset(steps, first).filter((c) => faults.includes(c.fault));
  describeFaults(`fault injection (${faults.join(', ')}): every step, then the next command`, () => body(cases));
}

function body(cases: (steps: readonly string[], first?: number) => { step: string; fault: Fault }[]): void {
  let sb: Sandbox;
  const rows: Row[] = [];
  /** Every cluster name a case uses, so that one a failed case left behind is deleted at the end. */
  const made: { name: string; engine: Engine }[] = [];
  const named = (prefix: string, engine: Engine): string => {
    const name = uniqueName(prefix);
    made.push({ name, engine });
    return name;
  };
  beforeAll(async () => {
    sb = await sandbox();
  });
  afterAll(async () => {
    for (const { name, engine } of made) {
      if ((await clusterObjects(name, engine)).containers.length === 0) continue;
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, engine);
    }
    console.log(
      `fault matrix (${ALL ? 'all' : 'CI subset'}, this file's faults: ${rows.length} cases)\n${rows
        .map(
          (r) =>
            `  ${r.op.padEnd(8)} ${r.step.padEnd(18)} ${r.fault.padEnd(12)} first exit ${String(r.first).padEnd(4)} next exit ${r.next}  -> ${r.outcome}`,
        )
        .join('\n')}`,
    );
    await sb.cleanup();
  });

  const upArgs = (engine: Engine, name: string) => ['up', '--preset', engine, '--name', name, '--image', IMAGES.api[engine], '--registry'];
  const phaseOf = async (name: string): Promise<string> => JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).phase;
  const journalled = (name: string) => existsSync(join(sb.state, 'clusters', name, 'operation.json'));
  /** Runs a command that must succeed; its exit code. */
  const must = async (...args: string[]): Promise<number> => {
    const r = await sb.cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.code;
  };

  /** Runs the real CLI with the fault armed; restarts Docker while it is paused there. */
  async function withFault(args: string[], op: string, step: string, fault: Fault): Promise<number | string> {
    const marker = join(sb.dir, 'paused');
    await rm(marker, { force: true });
    const child = execa('node', [cli, ...args, '-q'], {
      env: { ...sb.env, KINDLING_TEST_FAULT: `${op}:${step}:${fault}`, KINDLING_TEST_FAULT_DIR: sb.dir },
      reject: false,
    });
    if (fault === 'pause') {
      for (let i = 0; i < 600 && !existsSync(marker) && child.exitCode === null; i++) await sleep(100);
      if (existsSync(marker)) {
        await restartDocker();
        await rm(marker, { force: true });
      }
    }
    const r = await child;
    // Whatever the fault, kindling itself never ends in exit 1 ("a bug in kindling").
    expect(r.exitCode, `${op} ${step} ${fault}: ${r.stderr}`).not.toBe(1);
    return r.exitCode ?? r.signal ?? 'killed';
  }

  /** The invariants after the next command: whole and running, or nothing left; store, kubeconfig and locks sane. */
  async function check(name: string, engine: Engine): Promise<string> {
    const list = await sb.cli('list', '-o', 'json');
    expect(list.code, list.stderr).toBe(0);
    expect(existsSync(join(sb.state, 'clusters', name, 'lock'))).toBe(false);
    const known = JSON.parse(list.stdout).items.map((c: { name: string }) => c.name);
    const kubeconfig = existsSync(sb.env.KUBECONFIG!) ? parse(await readFile(sb.env.KUBECONFIG!, 'utf8')) : {};
    const contexts: string[] = (kubeconfig?.contexts ?? []).map((c: { name: string }) => c.name);
    const context = engine === 'kind' ? `kind-${name}` : `k3d-${name}`;
    if (known.includes(name)) {
      const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
      expect(status.phase).toBe('running');
      expect(contexts).toContain(context);
      return 'whole, running';
    }
    expect(contexts).not.toContain(context);
    expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
    return 'nothing left';
  }

  async function cleanUp(name: string, engine: Engine): Promise<void> {
    const d = await sb.cli('down', name, '--yes');
    expect(d.code, d.stderr).toBe(0);
    expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
  }

  for (const [share, engine] of (['kind', 'k3d'] as const).entries()) {
    it(
      `up (${engine}, --registry): interrupted at each step, then up again`,
      async () => {
        const planned = await sb.cli(...upArgs(engine, 'probe'), '--dry-run', '-o', 'json');
        const steps: string[] = JSON.parse(planned.stdout).actions.map((a: { id: string }) => a.id);
        expect(steps).toContain('create-cluster');
        for (const { step, fault } of cases(steps, share)) {
          const name = named(`f-${engine}`, engine);
          const first = await withFault(upArgs(engine, name), 'up', step, fault);
          const next = await sb.cli(...upArgs(engine, name));
          expect(next.code, `${step}/${fault}: ${next.stderr}`).toBe(0);
          const outcome = await check(name, engine);
          rows.push({ op: `up ${engine}`, step, fault, first, next: next.code, outcome });
          await cleanUp(name, engine);
        }
      },
      90 * 60_000,
    );
  }

  it(
    'upgrade (kind, v1.36.1 -> v1.37.0): interrupted at each step, then --resume or --rollback (or the upgrade again)',
    async () => {
      const upgradeArgs = (name: string) => ['upgrade', name, '--k8s-version', 'v1.37.0', '--image', IMAGES.next.kind, '--yes'];
      const name0 = named('f-upg', 'kind');
      await must(...upArgs('kind', name0));
      const planned = await sb.cli(...upgradeArgs(name0), '--dry-run', '-o', 'json');
      const steps: string[] = JSON.parse(planned.stdout).actions.map((a: { id: string }) => a.id);
      expect(steps).toEqual(
        expect.arrayContaining(['take-snapshot', 'delete-cluster', 'create-cluster', 'restore-snapshot', 'record-spec']),
      );
      await cleanUp(name0, 'kind');
      for (const [i, { step, fault }] of cases(steps, 2).entries()) {
        const name = named('f-upg', 'kind');
        const context = `kind-${name}`;
        await must(...upArgs('kind', name));
        await kubectlFor(sb, context)(['create', 'configmap', 'kept', '--from-literal=made=before-the-upgrade']);
        const first = await withFault(upgradeArgs(name), 'upgrade', step, fault);
        // The next natural command: an upgrade left in its journal is continued or undone (in turn); one that ended
        // (rolled back by kindling itself, or finished) is asked for again; a cluster the restart stopped is started.
        const ran: string[] = [];
        let want = 'v1.37.0';
        if (journalled(name)) {
          const how = i % 2 === 0 ? '--resume' : '--rollback';
          if (how === '--rollback') want = 'v1.36.1';
          const refused = await sb.cli('start', name);
          expect(refused.code, 'any other command waits for --resume or --rollback').toBe(4);
          ran.push(`upgrade ${how}`);
          await must('upgrade', name, how);
        } else {
          if ((await phaseOf(name)) === 'stopped') {
            ran.push('start');
            await must('start', name);
          }
          ran.push('upgrade');
          await must(...upgradeArgs(name));
        }
        const outcome = await check(name, 'kind');
        expect(outcome).toBe('whole, running');
        expect(JSON.parse(await kubectlFor(sb, context)(['version', '-o', 'json'])).serverVersion.gitVersion).toBe(want);
        expect(await kubectlFor(sb, context)(['get', 'configmap', 'kept', '-o', 'jsonpath={.data.made}'])).toBe('before-the-upgrade');
        expect(journalled(name)).toBe(false);
        rows.push({ op: 'upgrade', step, fault, first, next: 0, outcome: `${ran.join(', ')}: ${outcome} at ${want}, objects kept` });
        await cleanUp(name, 'kind');
      }
    },
    90 * 60_000,
  );

  it(
    'snapshot create --consistent (k3d): interrupted at each step, then the snapshot again',
    async () => {
      const name = named('f-snap', 'k3d');
      await must(...upArgs('k3d', name));
      const planned = await sb.cli('snapshot', 'create', name, '--name', 'probe', '--consistent', '--dry-run', '-o', 'json');
      const steps: string[] = JSON.parse(planned.stdout).actions.map((a: { id: string }) => a.id);
      expect(steps).toEqual(expect.arrayContaining(['stop-cluster', 'copy-volumes', 'start-cluster', 'write-manifest']));
      for (const [i, { step, fault }] of cases(steps, 1).entries()) {
        const id = `s${String(i).padStart(2, '0')}`;
        const args = ['snapshot', 'create', name, '--name', id, '--consistent'];
        const first = await withFault(args, 'snapshot', step, fault);
        const ran: string[] = [];
        const listed = async (): Promise<string[]> => {
          const r = await sb.cli('snapshot', 'list', name, '-o', 'json');
          expect(r.code, r.stderr).toBe(0);
          const items: { name: string; incomplete?: true }[] = JSON.parse(r.stdout).items;
          return items.map((x) => (x.incomplete ? `${x.name} (incomplete)` : x.name));
        };
        if (!(await listed()).includes(id)) {
          if ((await phaseOf(name)) === 'stopped') {
            ran.push('start');
            await must('start', name);
          }
          ran.push('snapshot create');
          await must(...args);
        }
        const outcome = await check(name, 'k3d');
        expect(outcome).toBe('whole, running');
        // Every snapshot taken so far is complete: an unfinished one was removed by the command after the fault.
        expect(await listed()).toEqual(Array.from({ length: i + 1 }, (_, k) => `s${String(k).padStart(2, '0')}`));
        expect(journalled(name)).toBe(false);
        rows.push({ op: 'snapshot', step, fault, first, next: 0, outcome: `${ran.join(', ') || 'nothing'}: ${outcome}, ${id} complete` });
      }
      await cleanUp(name, 'k3d');
    },
    60 * 60_000,
  );

  it(
    'down (kind): interrupted at each step, then down again',
    async () => {
      const name0 = named('f-down', 'kind');
      expect((await sb.cli(...upArgs('kind', name0))).code).toBe(0);
      const planned = await sb.cli('down', name0, '--dry-run', '-o', 'json');
      const steps: string[] = JSON.parse(planned.stdout).items[0].actions.map((a: { id: string }) => a.id);
      await cleanUp(name0, 'kind');
      for (const { step, fault } of cases(steps)) {
        const name = named('f-down', 'kind');
        const made = await sb.cli(...upArgs('kind', name));
        expect(made.code, made.stderr).toBe(0);
        const first = await withFault(['down', name, '--yes'], 'down', step, fault);
        const next = await sb.cli('down', name, '--yes');
        expect(next.code, `${step}/${fault}: ${next.stderr}`).toBe(0);
        const outcome = await check(name, 'kind');
        expect(outcome).toBe('nothing left');
        rows.push({ op: 'down', step, fault, first, next: next.code, outcome });
      }
    },
    60 * 60_000,
  );
}
