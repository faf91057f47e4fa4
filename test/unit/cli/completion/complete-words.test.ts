// `kindling __complete -- WORDS...` in-process: what the completion scripts get back for the last word, read
// from the real commander program (commands, flags, their value placeholders) and a temp state store.
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeWords, type NameSource } from '../../../../src/cli/completion/complete-words.js';
import { localStateStore } from '../../../../src/state/local-store.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  dir = await tmp.make();
  const store = localStateStore(join(dir, 'state'), {
    now: () => new Date(),
    pid: process.pid,
    hostname: hostname(),
    owner: 'me',
    isAlive: () => true,
    lockTtlMs: 60_000,
  });
  for (const name of ['dev', 'web']) await store.writeSpec(name, { generation: 1, spec: {} as never });
  await store.writeSnapshotPart('dev', 's1', 'objects.json', '[]\n');
  await mkdir(join(dir, 'config/kindling/presets'), { recursive: true });
  await writeFile(join(dir, 'config/kindling/presets/team.yaml'), 'extends: kind\n');
  env = { HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config'), KINDLING_STATE: join(dir, 'state') };
});
afterAll(() => tmp.cleanup());

/** The lines `__complete` prints for `words`: candidates (values only) and the final directive. */
async function complete(...words: string[]): Promise<{ values: string[]; directive: string; lines: string[] }> {
  const r = await runCli(['__complete', '--', ...words], { env });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const lines = r.stdout.trimEnd().split('\n');
  return { values: lines.slice(0, -1).map((l) => l.split('\t')[0]!), directive: lines.at(-1)!, lines: lines.slice(0, -1) };
}

describe('__complete: commands and flags from the program tree', () => {
  it('top-level commands, with descriptions; __complete itself is hidden', async () => {
    const { values, lines, directive } = await complete('');
    expect(values).toEqual(expect.arrayContaining(['up', 'down', 'presets', 'version', 'completion', 'help']));
    expect(values).not.toContain('__complete');
    expect(lines).toContain('down\tdelete clusters kindling created, and everything labelled for them');
    expect(directive).toBe(':words');
  });

  it('subcommands of a command, and its flags with the global ones', async () => {
    expect((await complete('presets', '')).values).toEqual(['list', 'show', 'schema', 'help']);
    const flags = (await complete('down', '--')).values;
    expect(flags).toEqual(expect.arrayContaining(['--all', '--yes', '--dry-run', '--output', '--state', '--verbose', '--help']));
    expect((await complete('down', '--a')).values).toEqual(['--all']);
  });

  it('an alias leads into its command', async () => {
    expect((await complete('snapshot', 'ls', '--')).values).toContain('--output');
  });

  it('flags and their values before the cursor do not count as arguments', async () => {
    expect((await complete('up', '--name', 'x', '--workers', '2', '--pre')).values).toEqual(['--preset']);
    expect((await complete('-v', '--state', join(dir, 'state'), 'down', '--yes', '')).values).toEqual(['dev', 'web']);
  });
});

describe('__complete: values', () => {
  it('presets for --preset and `presets show`, the user preset included; a path is left to the shell', async () => {
    expect((await complete('up', '--preset', '')).values).toEqual(['k3d', 'k3s', 'kind', 'microk8s', 'minikube', 'team']);
    expect((await complete('plan', '-p', 'k')).values).toEqual(['k3d', 'k3s', 'kind']);
    expect((await complete('presets', 'show', 't')).values).toEqual(['team']);
    expect(await complete('up', '--preset', './my')).toMatchObject({ values: [], directive: ':files' });
  });

  it('--flag=value in one word (zsh, fish) and split at = (bash)', async () => {
    expect((await complete('up', '--preset=mi')).values).toEqual(['--preset=microk8s', '--preset=minikube']);
    expect((await complete('up', '--preset', '=', 'mi')).values).toEqual(['--preset=microk8s', '--preset=minikube']);
    expect((await complete('up', '--set', 'a', '=', '1', '--pre')).values).toEqual(['--preset']);
  });

  it('clusters for cluster arguments, each offered once to a command taking several', async () => {
    expect((await complete('down', '')).values).toEqual(['dev', 'web']);
    expect((await complete('down', 'web', '')).values).toEqual(['dev']);
    expect((await complete('status', 'd')).values).toEqual(['dev']);
    expect((await complete('--state', join(dir, 'nothing'), 'down', '')).values).toEqual([]);
  });

  it('snapshots: of the named cluster, or cluster/snapshot for --from-snapshot', async () => {
    expect((await complete('snapshot', 'restore', 'dev', '')).values).toEqual(['s1']);
    expect((await complete('up', '--from-snapshot', '')).values).toEqual(['dev/s1']);
  });

  it('output formats as each command documents them; choices; files for folders and files', async () => {
    expect((await complete('list', '-o', '')).values).toEqual(['text', 'json', 'yaml']);
    expect((await complete('presets', 'show', 'kind', '--output', '')).values).toEqual(['json', 'yaml']);
    expect((await complete('completion', '')).values).toEqual(['bash', 'zsh', 'fish']);
    expect(await complete('--state', '')).toMatchObject({ values: [], directive: ':files' });
    expect(await complete('up', '--addons-from', '')).toMatchObject({ values: [], directive: ':files' });
    expect(await complete('up', '--name', '')).toMatchObject({ values: [], directive: ':words' });
  });

  it('a store that cannot be read offers nothing and prints no error', async () => {
    const r = await runCli(['__complete', '--', 'down', ''], { env: { KINDLING_STATE: 's3://no such bucket' } });
    expect(r).toMatchObject({ code: 0, stdout: ':words\n', stderr: '' });
  });
});

describe('completeWords on any commander program', () => {
  const none: NameSource = { clusters: async () => ['c1'], presets: async () => ['p1'], snapshots: async () => [] };
  const program = new Command('tool').option('--config <file>', 'a file');
  program.command('run').argument('<cluster>', 'the cluster').option('--mode <mode>', 'fast or slow');
  program.command('added-later').description('a command added after this test was written');

  it('follows the tree it is given: a new command is completed without any change to the completion code', async () => {
    expect((await completeWords(program, ['a'], () => none)).candidates.map((c) => c.value)).toEqual(['added-later']);
    expect((await completeWords(program, ['run', ''], () => none)).candidates.map((c) => c.value)).toEqual(['c1']);
    expect(await completeWords(program, ['--config', ''], () => none)).toEqual({ candidates: [], files: true });
    expect(await completeWords(program, ['run', '--mode', ''], () => none)).toEqual({ candidates: [], files: false });
  });
});
