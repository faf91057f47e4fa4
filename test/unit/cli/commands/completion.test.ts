// `kindling completion bash|zsh|fish` as a shell loads it: bash runs the generated completion function for partial
// command lines, which calls the built CLI back (`kindling __complete`) through a `kindling` on PATH. zsh and fish
// scripts are syntax-checked, and asked for candidates, when those shells are installed (else the reason is printed).
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStateStore } from '../../../../src/state/local-store.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const repo = join(import.meta.dirname, '../../../..');
const built = join(repo, 'dist/cli/commands/completion.js');
const tmp = tempDirs();
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(built)) {
    throw new Error(`${built} is missing: these tests run the built CLI; run \`npm run build\` first (\`npm test\` does it in pretest)`);
  }
  dir = await tmp.make();
  // A `kindling` on PATH, as an installed package puts it: the scripts call back the word the user typed.
  await mkdir(join(dir, 'bin'));
  await symlink(join(repo, 'bin/kindling.js'), join(dir, 'bin/kindling'));
  const store = localStateStore(join(dir, 'state'), {
    now: () => new Date(),
    pid: process.pid,
    hostname: hostname(),
    owner: 'me',
    isAlive: () => true,
    lockTtlMs: 60_000,
  });
  const spec = { apiVersion: 'kindling.dev/v1alpha1', kind: 'ClusterSpec' } as never;
  for (const name of ['dev', 'web']) await store.writeSpec(name, { generation: 1, spec });
  await store.writeSnapshotPart('dev', 'before-upgrade', 'objects.json', '[]\n');
  await mkdir(join(dir, 'config/kindling/presets'), { recursive: true });
  await writeFile(join(dir, 'config/kindling/presets/team.yaml'), 'extends: kind\nname: team\n');
  env = {
    PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    KINDLING_STATE: join(dir, 'state'),
  };
});
afterAll(() => tmp.cleanup());

/** What bash's completion function offers for COMP_WORDS `words`, the cursor on the last one. */
async function bashComplete(words: string[], extraEnv: Record<string, string> = {}): Promise<string[]> {
  const script = [
    `source <(node ${JSON.stringify(join(repo, 'bin/kindling.js'))} completion bash)`,
    'COMP_WORDS=("$@")',
    'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    '_kindling_completions',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = await execa('bash', ['-c', script, 'bash', ...words], { env: { ...env, ...extraEnv }, extendEnv: false, reject: false });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

describe('kindling completion bash', () => {
  it('kindling u -> up, upgrade (and unlock): the commands of the program tree', async () => {
    expect(await bashComplete(['kindling', 'u'])).toEqual(['up', 'upgrade', 'unlock']);
  });

  it('kindling up --pre -> --preset', async () => {
    expect(await bashComplete(['kindling', 'up', '--pre'])).toEqual(['--preset']);
  });

  it("kindling up --preset '' -> every preset, built-in and the user's", async () => {
    const presets = await bashComplete(['kindling', 'up', '--preset', '']);
    expect(presets).toEqual(expect.arrayContaining(['k3d', 'kind', 'minikube', 'team']));
    expect(await bashComplete(['kindling', 'up', '--preset', 'mi'])).toEqual(['microk8s', 'minikube']);
  });

  it('kindling up --preset=mi (bash splits at =) -> the preset names alone', async () => {
    expect(await bashComplete(['kindling', 'up', '--preset', '=', 'mi'])).toEqual(['microk8s', 'minikube']);
  });

  it("kindling down '' -> the clusters of the state store (KINDLING_STATE, or --state on the line)", async () => {
    expect(await bashComplete(['kindling', 'down', ''])).toEqual(['dev', 'web']);
    expect(await bashComplete(['kindling', 'down', 'dev', ''])).toEqual(['web']);
    const other = { KINDLING_STATE: join(dir, 'empty') };
    expect(await bashComplete(['kindling', 'down', ''], other)).toEqual([]);
    expect(await bashComplete(['kindling', '--state', join(dir, 'state'), 'down', ''], other)).toEqual(['dev', 'web']);
  });

  it("kindling snapshot delete dev '' -> that cluster's snapshots", async () => {
    expect(await bashComplete(['kindling', 'snapshot', 'delete', 'dev', ''])).toEqual(['before-upgrade']);
  });

  it('the hidden __complete command is never offered', async () => {
    expect(await bashComplete(['kindling', '_'])).toEqual([]);
  });
});

/** False (with the reason printed) when `shell` is missing on a user's machine; in CI, where .ci/run installs it, a failure. */
async function hasShell(shell: string, what: string): Promise<boolean> {
  if ((await execa('sh', ['-c', `command -v ${shell}`], { reject: false })).exitCode === 0) return true;
  if (process.env.CI) throw new Error(`${shell} is not installed, so ${what} cannot be checked: apt-get install ${shell} (.ci/run does)`);
  console.warn(`${shell} is not installed: ${what} was not checked (apt-get install ${shell} to check it)`);
  return false;
}

describe('kindling completion zsh|fish', () => {
  it.each(['zsh', 'fish'])('%s: the script is printed and, when the shell is installed, parses', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('__complete --');
    if (!(await hasShell(shell, 'the syntax of its completion script'))) return;
    const file = join(dir, `kindling.${shell}`);
    await writeFile(file, r.stdout);
    const check = await execa(shell, ['-n', file], { reject: false });
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
  });

  it('fish, when installed: complete -C offers commands and presets through the script', async () => {
    if (!(await hasShell('fish', 'its completion'))) return;
    const script = `node ${JSON.stringify(join(repo, 'bin/kindling.js'))} completion fish | source; complete -C 'kindling u'; complete -C 'kindling down '`;
    const r = await execa('fish', ['--no-config', '-c', script], { env, extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    const values = r.stdout.split('\n').map((l) => l.split('\t')[0]);
    expect(values).toEqual(['unlock', 'up', 'upgrade', 'dev', 'web']);
  });

  it('zsh, when installed: _kindling hands _describe the candidates with their descriptions, or asks for _files', async () => {
    if (!(await hasShell('zsh', 'its completion'))) return;
    // Outside an interactive completion, compdef, _describe and _files are stand-ins that print what they got.
    const script = [
      'compdef() { :; }; _files() { print -r -- FILES; }; _describe() { print -rl -- "${(@P)4}"; }',
      `source <(node ${JSON.stringify(join(repo, 'bin/kindling.js'))} completion zsh)`,
      'words=(kindling down ""); CURRENT=3; _kindling',
      'words=(kindling up --pre); CURRENT=3; _kindling',
      'words=(kindling --state ""); CURRENT=3; _kindling',
    ].join('\n');
    const r = await execa('zsh', ['-f', '-c', script], { env, extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'dev:clusters to delete',
      'web:clusters to delete',
      '--preset:built-in preset name or path to a preset file',
      'FILES',
    ]);
  });

  it('an unknown shell exits 2', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are bash, zsh, fish');
  });
});
