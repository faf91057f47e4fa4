// The package as users get it: `npm pack` of this checkout (its built dist/: `npm test` builds first), the
// tarball installed into an empty project with npm, and there the CLI (`npx kindling --help`, `presets list`),
// the library from TypeScript (NodeNext, strict: `import { up } from 'kindling'` type-checks against the shipped
// .d.ts) and from CommonJS (`require('kindling')`, through the "require" export condition; Node >= 20.19
// loads ES modules with require()). It also checks what the tarball holds (LICENSE, no source maps, no
// sources or tests) and prints the figures a release note quotes: tarball size, file count, packages and
// node_modules size of the install, install time, and whether ssh2's optional native cpu-features was built.
// Needs the npm registry (or npm's cache: installs use --prefer-offline).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const BUILT_IN = ['k3d', 'k3s', 'kind', 'microk8s', 'minikube'];
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

let tmp: string;
let project: string;
let env: NodeJS.ProcessEnv;
let pack: PackResult;

/** The version of a package installed in this repo (so the test project gets what the repo was checked with). */
function installedVersion(name: string): string {
  return JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Runs a command (in the test project unless told); fails the test with its output when it exits non-zero. */
async function run(file: string, args: string[], opts: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string }> {
  const r = await execa(file, args, { cwd: opts.cwd ?? project, env, extendEnv: false, reject: false, stdin: 'ignore' });
  const out = { stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  if (r.exitCode !== 0) throw new Error(`\`${file} ${args.join(' ')}\` exited ${r.exitCode}:\n${out.stdout}\n${out.stderr}`);
  return out;
}

async function duKiB(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  return Number((await execa('du', ['-sk', path])).stdout.split('\t')[0]);
}

const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

beforeAll(async () => {
  for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js']) {
    if (!existsSync(join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  tmp = await mkdtemp(join(tmpdir(), 'kindling-pack-'));
  project = join(tmp, 'consumer');
  await mkdir(project);
  await mkdir(join(tmp, 'home'));
  // Nothing of the npm process that may be running this test (npm_* variables of `npm test`) leaks into the
  // project's npm but where to reach the registry and the cache; the CLI finds no user presets or state.
  const keep = /^npm_config_(registry|cache|proxy|https_proxy|noproxy|cafile|strict_ssl|userconfig|globalconfig)$/i;
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => (!/^npm_/i.test(k) || keep.test(k)) && k !== 'INIT_CWD'));
  Object.assign(env, {
    XDG_CONFIG_HOME: join(tmp, 'home', 'config'),
    XDG_STATE_HOME: join(tmp, 'home', 'state'),
    KINDLING_STATE: join(tmp, 'home', 'state', 'kindling'),
  });

  // --ignore-scripts: pack what `npm test` built instead of rebuilding dist/ (prepare) under running tests.
  await mkdir(join(tmp, 'pack'));
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', join(tmp, 'pack'), '--loglevel=error'], {
    cwd: repo,
  });
  pack = (JSON.parse(packed.stdout) as PackResult[])[0]!;
  const tarball = join(tmp, 'pack', pack.filename);
  console.log(
    `[pack] ${pack.filename}: ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${pack.entryCount} files`,
  );

  await run('npm', ['init', '-y']);
  await run('npm', ['pkg', 'set', 'type=module']);
  const t0 = performance.now();
  await run('npm', ['install', tarball, ...INSTALL_FLAGS]);
  const installS = (performance.now() - t0) / 1000;
  const ls = await run('npm', ['ls', '--all', '--omit=dev', '--parseable']);
  const lines = ls.stdout.split('\n').filter(Boolean).length;
  const nm = await duKiB(join(project, 'node_modules'));
  const native = join(project, 'node_modules/cpu-features/build/Release/cpufeatures.node');
  const sizes = await Promise.all(['ssh2', 'cpu-features', 'nan'].map((p) => duKiB(join(project, 'node_modules', p))));
  console.log(
    `[install] npm install <tarball> ${INSTALL_FLAGS.join(' ')}: ${installS.toFixed(1)} s; ` +
      `${lines - 1} packages (npm ls --all --omit=dev --parseable: ${lines} lines, the project itself included); ` +
      `node_modules ${mib(nm)}`,
  );
  console.log(
    `[install] ssh2 ${mib(sizes[0]!)}, cpu-features ${existsSync(join(project, 'node_modules/cpu-features')) ? mib(sizes[1]!) : 'absent'} ` +
      `(native addon ${existsSync(native) ? 'built' : 'NOT built'}), nan ${mib(sizes[2]!)}; on ${process.version}`,
  );

  // What the TypeScript check needs, as a user's dev dependencies (not counted above).
  await run('npm', [
    'install',
    '--save-dev',
    `typescript@${installedVersion('typescript')}`,
    `@types/node@${installedVersion('@types/node')}`,
    ...INSTALL_FLAGS,
  ]);
}, 900_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds LICENSE, README, the CLI, dist/ with types and the presets; no source maps, sources or tests', () => {
    const paths = pack.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'bin/kindling.js',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli/main.js',
      ]),
    );
    expect(paths.filter((p) => p.startsWith('presets/')).length).toBeGreaterThan(0);
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /^(src|test|scripts|bench|\.ci|\.cache|node_modules)\//.test(p))).toEqual([]);
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    // Left in dist/ by an older build of a source since moved or deleted (never in a clean clone: CI): say so,
    // and leave them out of the check below (they were built with the maps that the build no longer makes).
    const orphans = paths.filter(
      (p) => /^dist\/.*\.(js|d\.ts)$/.test(p) && !existsSync(join(repo, p.replace(/^dist\//, 'src/').replace(/(\.d)?\.ts$|\.js$/, '.ts'))),
    );
    if (orphans.length > 0) {
      console.log(
        `[pack] WARNING: ${orphans.length} files in dist/ have no source (a stale local build; \`npm pack\` and \`npm publish\` rebuild dist/ from scratch): ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', ...' : ''}`,
      );
    }
    // No shipped file points at a source map the package does not have.
    const pointing = paths.filter(
      (p) => /\.(js|d\.ts)$/.test(p) && !orphans.includes(p) && readFileSync(join(repo, p), 'utf8').includes('sourceMappingURL='),
    );
    expect(pointing).toEqual([]);
  });
});

describe('installed from the tarball into an empty project', () => {
  it('npx kindling --help prints the usage', async () => {
    const r = await run('npx', ['--no', '--', 'kindling', '--help']);
    expect(r.stdout).toMatch(/^Usage: kindling /m);
  });

  it('npx kindling presets list shows the five built-in presets', async () => {
    const r = await run('npx', ['--no', '--', 'kindling', 'presets', 'list']);
    const rows = r.stdout
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/))
      .filter((c) => c[2] === 'built-in');
    expect(rows.map((c) => c[0]).sort()).toEqual(BUILT_IN);
  });

  it('TypeScript (NodeNext, strict) type-checks a file that imports { up } from kindling', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
        },
        include: ['*.ts', '*.cts'],
      }),
    );
    await writeFile(
      join(project, 'cluster.ts'),
      `import { up, type ClusterHandle, type UpOptions } from 'kindling';

const options: UpOptions = { preset: 'kind', name: 'dev', waitMs: 120_000 };

export async function dev(): Promise<string> {
  const handle: ClusterHandle = await up(options);
  return handle.context;
}

export function wrong(): void {
  // @ts-expect-error: up takes an options object (so the types are real, not any)
  void up('dev');
}
`,
    );
    // CommonJS users: import = require() through the "require" condition (types from the same .d.ts).
    await writeFile(
      join(project, 'cluster-cjs.cts'),
      `import kindling = require('kindling');

export async function dev(): Promise<string> {
  return (await kindling.up({ preset: 'k3d' })).kubeconfigPath;
}
`,
    );
    await run('npx', ['--no', '--', 'tsc', '--noEmit', '-p', '.']); // exits non-zero, with the errors, on any
  });

  it("require('kindling') works from CommonJS (the require condition)", async () => {
    const r = await run(process.execPath, ['-e', "const k = require('kindling'); console.log(typeof k.up)"]);
    expect(r.stdout.trim()).toBe('function');
  });

  it("import('kindling') works from an ES module", async () => {
    const r = await run(process.execPath, ['--input-type=module', '-e', "const k = await import('kindling'); console.log(typeof k.up)"]);
    expect(r.stdout.trim()).toBe('function');
  });
});
