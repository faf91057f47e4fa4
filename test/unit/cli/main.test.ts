import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/unit/cli.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../support/unit/presets');
const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('kindling plan', () => {
  it('--preset kind --name dev -o json prints the plan as JSON on stdout, nothing on stderr', async () => {
    const r = await runCli(['plan', '--preset', 'kind', '--name', 'dev', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan.spec.name).toBe('dev');
    expect(plan).toMatchObject({
      kind: 'Plan',
      context: 'kind-dev',
      engineConfig: { engine: 'kind', document: { kind: 'Cluster', name: 'dev' } },
    });
  });

  it('YAML by default, k3d by default, flags applied', async () => {
    const r = await runCli(['plan', '--name', 'dev', '--workers', '2', '--port', '8080:80', '--port', '5353:53/udp']);
    expect(r.code).toBe(0);
    const plan = parse(r.stdout);
    expect(plan.spec).toMatchObject({ engine: 'k3d', nodes: { workers: 2 } });
    expect(plan.engineConfig.document.ports.map((p: { port: string }) => p.port)).toEqual([
      '127.0.0.1:8080:80/tcp',
      '127.0.0.1:5353:53/udp',
    ]);
  });

  it('a bad cluster name exits 2 with the message and the hint on stderr', async () => {
    const r = await runCli(['plan', '--name', 'Bad_Name']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: "Bad_Name" is not a valid cluster name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit\nhint: for example: --name dev-1\n`,
    );
  });

  it('an unknown preset exits 3', async () => {
    const r = await runCli(['plan', '--preset', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^error: no preset named "nope"\nhint: presets: .*k3d.*kind.* \(see `kindling presets list`\); or pass a file: --preset \.\/my-preset\.yaml\n$/,
    );
  });

  it('an invalid preset file exits 2 and shows file:line:column path: message', async () => {
    const r = await runCli(['plan', '--preset', './invalid-workers.yaml'], { cwd: FIXTURES });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: invalid preset:\n  invalid-workers.yaml:11:12 nodes.workers: expected a number, got "two"\n');
  });

  it('a non-numeric --workers exits 2 quoting what was typed', async () => {
    const r = await runCli(['plan', '--workers', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"two" is not a whole number');
  });

  it('a port asked for twice exits 4', async () => {
    const r = await runCli(['plan', '--port', '8080:80', '--port', '8080:81']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('error: host port 127.0.0.1:8080/TCP is requested twice');
  });

  it('-o text is not a plan format', async () => {
    const r = await runCli(['plan', '-o', 'text']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: -o text: expected one of yaml, json\n');
  });
});

describe('kindling up --dry-run', () => {
  it('prints the plan and touches nothing; runs the read-only preflight and names what would fail', async () => {
    const dir = await tmp.make();
    const state = join(dir, 'state');
    const r = await runCli(['--state', state, 'up', '--dry-run', '--preset', 'kind', '--name', 'dev', '-o', 'json'], {
      env: { HOME: dir, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    });
    expect(JSON.parse(r.stdout).spec.name).toBe('dev');
    expect(existsSync(state)).toBe(false);
    // No Docker here: up would fail with exit 5, and the checks that need Docker say they were not run.
    expect(r.code).toBe(5);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('preflight:')).map((l) => l.split(/\s+/).slice(1, 3).join(' '))).toEqual([
      'ok mounts',
      'FAIL docker',
      'FAIL api',
      'FAIL host',
      'FAIL engine',
      'FAIL name',
      'FAIL ports',
    ]);
    expect(lines).toContain('preflight: FAIL engine not checked: Docker does not answer');
    expect(r.stderr).toMatch(/^error: up would fail: Docker is not reachable/m);
  });

  it('a bad --timeout exits 2', async () => {
    const r = await runCli(['up', '--dry-run', '--timeout', '5x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --timeout "5x" is not a duration\nhint: for example --timeout 90s or --timeout 5m\n');
  });
});

/** A state store in `dir`, to arrange clusters for a CLI run. */
const storeAt = (dir: string) =>
  localStateStore(dir, { now: () => new Date(), pid: process.pid, hostname: 'box', owner: 'me@box', isAlive: () => true, lockTtlMs: 1000 });

describe('kindling stop and start', () => {
  it('without names exit 2; --dry-run prints the steps and changes nothing', async () => {
    expect((await runCli(['stop'])).stderr).toBe('error: name at least one cluster to stop, or pass --all\nhint: see `kindling list`\n');
    expect((await runCli(['start', 'x', '--all'])).code).toBe(2);
    const state = await tmp.make();
    const store = storeAt(state);
    await store.writeSpec('dev', { generation: 1, spec: resolveClusterSpec(builtinPreset('kind'), { name: 'dev' }).spec });
    const stop = await runCli(['stop', 'dev', '--dry-run', '--state', state]);
    expect(stop.code).toBe(0);
    expect(parse(stop.stdout).items[0]).toMatchObject({ kind: 'StopPlan', name: 'dev' });
    const start = await runCli(['start', 'dev', '--dry-run', '--wait', '0', '-o', 'json', '--state', state]);
    expect(JSON.parse(start.stdout).items[0].actions.map((a: { id: string }) => a.id)).toEqual([
      'restore-addresses',
      'start-nodes',
      'observe-started',
    ]);
    expect(await store.readHistory('dev')).toEqual([]);
  });

  it('a --wait that is not a duration exits 2', async () => {
    expect((await runCli(['start', 'dev', '--wait', 'soon'])).code).toBe(2);
  });
});

describe('kindling kubeconfig', () => {
  it('prints the stored file as YAML, as JSON with -o json, or its path; refuses another format', async () => {
    const state = await tmp.make();
    const store = storeAt(state);
    await store.writeSpec('dev', { generation: 1, spec: resolveClusterSpec(builtinPreset('kind'), { name: 'dev' }).spec });
    const text =
      'apiVersion: v1\nkind: Config\ncurrent-context: kind-dev\ncontexts:\n  - name: kind-dev\n    context: {cluster: kind-dev, user: kind-dev}\n';
    await store.writeKubeconfig('dev', text);
    expect((await runCli(['kubeconfig', 'dev', '--state', state])).stdout).toBe(text);
    const json = await runCli(['kubeconfig', 'dev', '-o', 'json', '--state', state]);
    expect(JSON.parse(json.stdout)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'kind-dev',
      contexts: [{ name: 'kind-dev', context: { cluster: 'kind-dev', user: 'kind-dev' } }],
    });
    expect((await runCli(['kubeconfig', 'dev', '--path', '--state', state])).stdout).toBe(`${await store.kubeconfigPath('dev')}\n`);
    expect((await runCli(['kubeconfig', 'dev', '-o', 'table', '--state', state])).code).toBe(2);
  });
});

describe('kindling down', () => {
  it('without names exits 2', async () => {
    const r = await runCli(['down']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: name at least one cluster to delete, or pass --all\nhint: see `kindling list`\n');
  });

  it('names and --all together exit 2', async () => {
    expect((await runCli(['down', 'x', '--all', '--yes'])).code).toBe(2);
  });

  it('without --yes and no terminal exits 2 and says to pass --yes', async () => {
    const r = await runCli(['down', 'x'], { stdinIsTTY: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: refusing to delete "x" without confirmation\nhint: pass --yes\n');
  });

  it("--dry-run prints each cluster's steps (YAML; -o json) without asking, and changes nothing", async () => {
    const state = await tmp.make();
    const store = storeAt(state);
    const { spec } = resolveClusterSpec(builtinPreset('k3d', { registry: { ...builtinPreset('k3d').registry!, enabled: true } }), {
      name: 'dev',
    });
    await store.writeSpec('dev', { generation: 1, spec });
    const r = await runCli(['down', 'dev', '--dry-run', '--state', state], { stdinIsTTY: false });
    expect(r.code).toBe(0);
    expect(r.questions).toEqual([]);
    const [plan] = parse(r.stdout).items;
    expect(plan).toMatchObject({ kind: 'DownPlan', name: 'dev', engine: 'k3d' });
    expect(plan.actions.map((a: { id: string }) => a.id)).toEqual([
      'disconnect-registry',
      'delete-cluster',
      'sweep-leftovers',
      'release-registry',
      'forget-cluster',
    ]);
    expect(plan.actions[1].title).toBe('Delete cluster "dev" with k3d');
    const json = await runCli(['down', '--all', '--dry-run', '-o', 'json', '--state', state]);
    expect(JSON.parse(json.stdout).items[0].name).toBe('dev');
    expect(await store.list()).toEqual(['dev']);
    expect(await store.readHistory('dev')).toEqual([]);
  });

  it('a name the store does not know is already deleted: exit 0 with a note, so teardown scripts can run twice', async () => {
    const state = await tmp.make();
    const env = { HOME: state, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    for (const args of [
      ['down', 'nope', '--dry-run'],
      ['down', 'nope', '--yes'],
    ]) {
      const r = await runCli([...args, '--state', state], { env });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('cluster "nope" does not exist: nothing to delete\n');
    }
  });

  it('on a terminal it asks; "no" deletes nothing and exits 0', async () => {
    const r = await runCli(['down', 'x', 'y'], { stdinIsTTY: true, answer: false });
    expect(r.questions).toEqual(['Delete "x", "y"?']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('nothing deleted\n');
  });
});

describe('kindling list / status / kubeconfig with an empty store', () => {
  it('list says there are none, without needing Docker', async () => {
    const dir = await tmp.make();
    const r = await runCli(['--state', dir, 'list'], { env: { HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no clusters; create one with `kindling up`\n');
    // Several results print as kubectl's List, whatever the command.
    expect(JSON.parse((await runCli(['--state', dir, 'list', '-o', 'json'], { env: { HOME: dir } })).stdout)).toEqual({
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'List',
      items: [],
    });
  });

  it('status and kubeconfig of an unknown cluster exit 3', async () => {
    const dir = await tmp.make();
    const s = await runCli(['--state', dir, 'status', 'ghost'], { env: { HOME: dir } });
    expect(s.code).toBe(3);
    expect(s.stderr).toBe(`error: no cluster named "ghost" in the state store (${dir})\nhint: see \`kindling list\`\n`);
    expect((await runCli(['--state', dir, 'kubeconfig', 'ghost'], { env: { HOME: dir } })).code).toBe(3);
  });

  it('KINDLING_STATE is used when --state is not given; an unreachable s3:// store exits 5 with one line and a hint', async () => {
    const dir = await tmp.make();
    expect((await runCli(['status', 'ghost'], { env: { KINDLING_STATE: dir } })).stderr).toContain(`(${dir})`);
    const r = await runCli(['list'], {
      env: {
        KINDLING_STATE: 's3://bucket/prefix',
        HOME: dir,
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'y',
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
      },
    });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: cannot reach the state store s3:\/\/bucket\/prefix\/.*\nhint: check --s3-endpoint/);
  });
});

describe('kindling: commander errors, help and version', () => {
  it('an unknown option exits 2 and names it', async () => {
    const r = await runCli(['plan', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('an unknown command exits 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('--help exits 0 and prints usage on stdout', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kindling');
    for (const cmd of ['up', 'down', 'list', 'status', 'plan', 'kubeconfig', 'load', 'promote', 'restore'])
      expect(r.stdout).toMatch(new RegExp(`\\n  ${cmd}\\b`));
  });

  it('up --help lists its flags', async () => {
    const r = await runCli(['up', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--preset', '--name', '--workers', '--k8s-version', '--image', '--port', '--timeout', '--retain', '--dry-run'])
      expect(r.stdout).toContain(flag);
  });

  it('--version exits 0 and prints the version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0.1.0\n');
  });
});
