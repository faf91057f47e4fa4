// The harness examples (examples/vitest, examples/jest) as a user runs them: installed from the npm registry with
// kindling from this repository (node_modules cached under KINDLING_CACHE, the files copied afresh for each run),
// then their test suites run for real.
// Each suite's globalSetup makes one reused cluster; both of its test files must pass against that one cluster,
// and when the run is over nothing of it is left (the last lease deleted it).
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { it } from 'vitest';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';

const repo = resolve(import.meta.dirname, '../..');
const cache = process.env.KINDLING_CACHE ?? join(repo, '.cache');

/**
 * The example as a user has it, in `into` (a fresh copy of its files, so that runs at the same time never see each
 * other's), its node_modules installed once in the cache (per example and repository: kindling is linked from
 * this repository) and linked in; npm install runs again only when the package.json changed.
 */
async function installed(example: string, into: string): Promise<string> {
  await stat(join(repo, 'dist', 'index.js')); // built by pretest (`npm run build`)
  const src = join(repo, 'examples', example);
  const pkg = JSON.parse(await readFile(join(src, 'package.json'), 'utf8'));
  pkg.devDependencies.kindling = `file:${repo}`;
  const wanted = `${JSON.stringify(pkg, null, 2)}\n`;
  const deps = join(cache, 'examples', `${example}-${createHash('sha256').update(repo).digest('hex').slice(0, 8)}`);
  await mkdir(deps, { recursive: true });
  const current = await readFile(join(deps, 'package.json'), 'utf8').catch(() => '');
  const have = await stat(join(deps, 'node_modules', '.package-lock.json')).then(
    () => true,
    () => false,
  );
  if (current !== wanted || !have) {
    await writeFile(join(deps, 'package.json'), wanted);
    const r = await execa('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: deps, reject: false });
    if (r.exitCode !== 0) throw new Error(`npm install in ${deps} failed:\n${r.stderr}`);
  }
  const dir = join(into, example);
  await cp(src, dir, { recursive: true, filter: (p) => !/[\\/](node_modules|package-lock\.json)$/.test(p) });
  await writeFile(join(dir, 'package.json'), wanted);
  await symlink(join(deps, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The environment the example runs with: the sandbox's, without the variables of the vitest running us. */
function exampleEnv(env: Record<string, string | undefined>, extra: Record<string, string>): Record<string, string | undefined> {
  const own = Object.entries(env).filter(
    ([k]) => !k.startsWith('VITEST') && k !== 'JEST_WORKER_ID' && k !== 'NODE_OPTIONS' && k !== 'NODE_ENV',
  );
  return { ...Object.fromEntries(own), ...extra };
}

/** The operations the store journalled for clusters that are gone: deleted/<name>/<operation>. */
async function retired(state: string): Promise<string[]> {
  const names = await readdir(join(state, 'deleted')).catch(() => [] as string[]);
  const out: string[] = [];
  for (const n of names) for (const op of await readdir(join(state, 'deleted', n))) out.push(`${n}/${op}`);
  return out;
}

const cases = [
  {
    example: 'vitest',
    engine: 'k3d' as const,
    args: (report: string) => ['test', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  },
  { example: 'jest', engine: 'kind' as const, args: (report: string) => ['test', '--', '--json', `--outputFile=${report}`] },
];

describeIntegration('the harness examples', () => {
  it.for(cases)(
    'examples/$example ($engine): one reused cluster, both test files pass, nothing left',
    async ({ example, engine, args }, { expect }) => {
      const sb = await sandbox();
      const name = uniqueName(`ex-${example}`);
      const report = join(sb.dir, 'report.json');
      try {
        const dir = await installed(example, sb.dir);
        const env = exampleEnv(sb.env, { EXAMPLE_CLUSTER: name, KINDLING_PRESET: engine, KINDLING_IMAGE: IMAGES.api[engine], CI: 'true' });
        const r = await execa('npm', args(report), { cwd: dir, env, extendEnv: false, reject: false, all: true });
        expect(r.exitCode, r.all).toBe(0);
        const results = JSON.parse(await readFile(report, 'utf8'));
        const files = results.testResults.map((f: { name: string; status: string }) => [f.name.split('/').pop(), f.status]).sort();
        const ext = example === 'jest' ? 'js' : 'ts';
        expect(files).toEqual((example === 'jest' ? ['config', 'nodes'] : ['config', 'deploy']).map((f) => [`${f}.test.${ext}`, 'passed']));
        // Every file used the one cluster; it was made once, and deleted when the last lease went.
        const used = [...(r.all ?? '').matchAll(/used cluster (\S+)/g)].map((m) => m[1]);
        expect(used).toEqual([name, name]);
        expect(await retired(sb.state)).toHaveLength(1);
        expect((await retired(sb.state))[0]).toMatch(new RegExp(`^${name}/`));
        expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
        console.log(`[examples] ${example}: ${files.length} test files passed on one ${engine} cluster (${name})`);
      } finally {
        await forceDelete(sb, name, engine);
        await sb.cleanup();
      }
    },
  );
});
