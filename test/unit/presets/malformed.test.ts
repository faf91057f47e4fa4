// 50 malformed presets and flag combinations, each through `kindling up` exactly as a user runs it: the exact
// message, the exit code, and nothing created (the state store is never opened, Docker never asked: the
// environment points at a Docker socket that does not exist, so getting that far would exit 5 instead).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/unit/cli.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

const BASE =
  'apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: mine\ndescription: my preset\nengine: kind\ndefaultClusterName: dev\nkubernetesVersion: v1.36.1\nnodeImage:\n  repository: kindest/node\n';

/** [what is wrong, text added to BASE (or null), flags, a line of BASE replaced (or the whole text for a list), exit code, stderr's error lines] */
type Case = [string, string | null, string[], string | undefined, number, string];

const CASES: Case[] = [
  [
    'workers is a word',
    'nodes:\n  workers: two\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:12 nodes.workers: expected a number, got "two"',
  ],
  [
    'negative workers',
    'nodes:\n  workers: -1\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:12 nodes.workers: must be at least 0, got -1',
  ],
  [
    'too many control planes',
    'nodes:\n  controlPlanes: 9\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:18 nodes.controlPlanes: must be at most 7, got 9',
  ],
  ['an unknown top-level key', 'colour: blue\n', [], undefined, 2, 'error: invalid preset:\n  mine.yaml:10:1 colour: unknown field'],
  [
    'an unknown key in storage',
    'storage:\n  className: x\n  provisioner: p\n  volumeBindingMode: Immediate\n  size: 1Gi\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:14:3 storage.size: unknown field',
  ],
  [
    'a binding mode that does not exist',
    'storage:\n  className: x\n  provisioner: p\n  volumeBindingMode: Lazy\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:13:22 storage.volumeBindingMode: expected one of "Immediate", "WaitForFirstConsumer", got "Lazy"',
  ],
  [
    'a reclaim policy that does not exist',
    'storage:\n  className: x\n  provisioner: p\n  volumeBindingMode: Immediate\n  reclaimPolicy: Recycle\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:14:18 storage.reclaimPolicy: expected one of "Delete", "Retain", got "Recycle"',
  ],
  [
    'storage without a provisioner',
    'storage:\n  className: x\n  volumeBindingMode: Immediate\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:3 storage.provisioner: expected a string, got nothing',
  ],
  [
    'a storage class name in upper case',
    'storage:\n  className: Fast\n  provisioner: p\n  volumeBindingMode: Immediate\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:14 storage.className: expected a lower-case host name, got "Fast"',
  ],
  [
    'storage provided by an unknown add-on',
    'storage:\n  className: x\n  provisioner: p\n  volumeBindingMode: Immediate\n  providedBy: nfs\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:14:15 storage.providedBy: expected "engine" or an add-on of the catalogue or of customAddons (ingress-nginx, local-path-provisioner, metrics-server, microk8s-hostpath-provisioner, minikube-storage-provisioner), got "nfs"',
  ],
  [
    'an ingress controller that is not supported',
    'ingress:\n  controller: haproxy\n  className: x\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:15 ingress.controller: expected one of "nginx", "traefik", got "haproxy"',
  ],
  [
    'Traefik on kind',
    'ingress:\n  controller: traefik\n  className: traefik\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:15 ingress.controller: kind nodes do not ship Traefik: expected "nginx", got "traefik"',
  ],
  [
    'ingress host ports out of range',
    'ingress:\n  controller: nginx\n  providedBy: ingress-nginx\n  className: nginx\n  hostPorts: {http: 80, https: 70000}\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:14:32 ingress.hostPorts.https: must be at most 65535, got 70000',
  ],
  [
    'a registry without a port',
    'registry:\n  name: reg\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:3 registry.hostPort: expected a number, got nothing',
  ],
  [
    'a registry name with a slash',
    'registry:\n  name: my/reg\n  hostPort: 5001\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:9 registry.name: expected a lower-case container name, got "my/reg"',
  ],
  [
    'a registry listen address that is not IPv4',
    'registry:\n  name: reg\n  hostPort: 5001\n  listenAddress: localhost\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:13:18 registry.listenAddress: expected an IPv4 address, got "localhost"',
  ],
  [
    'a pod subnet that is not a CIDR',
    'networking:\n  podSubnet: 10.1.0.0\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:14 networking.podSubnet: expected an IPv4 CIDR like 10.96.0.0/12, got "10.1.0.0"',
  ],
  [
    'a kubeconfig context with a space',
    'kubeconfig:\n  context: my cluster\n  cluster: c\n  user: u\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:12 kubeconfig.context: expected a name (letters, digits, . _ - : @) where {name} stands for the cluster name, got "my cluster"',
  ],
  [
    'kubeconfig names missing the user',
    'kubeconfig:\n  context: c\n  cluster: c\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:3 kubeconfig.user: expected a string, got nothing',
  ],
  [
    'an add-on not in the catalogue',
    'addons: [dashboard]\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:10:10 addons.0: expected an add-on of the catalogue or of customAddons (ingress-nginx, local-path-provisioner, metrics-server, microk8s-hostpath-provisioner, minikube-storage-provisioner), got "dashboard"',
  ],
  [
    'a custom add-on with a bad sha256',
    'addons: [x]\ncustomAddons:\n  - name: x\n    manifests:\n      - url: https://example.com/x.yaml\n        sha256: abc\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:15:17 customAddons.0.manifests.0.sha256: expected 64 lower-case hex digits, got "abc"',
  ],
  [
    'a port mapping with a protocol that does not exist',
    'ports:\n  - hostPort: 8080\n    containerPort: 80\n    protocol: SCTP\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:13:15 ports.0.protocol: expected one of "TCP", "UDP", got "SCTP"',
  ],
  [
    'a Kubernetes version without a patch number',
    null,
    [],
    'kubernetesVersion: v1.36',
    2,
    'error: invalid preset:\n  mine.yaml:7:20 kubernetesVersion: expected a Kubernetes version like v1.36.1, got "v1.36"',
  ],
  [
    'the wrong apiVersion',
    null,
    [],
    'apiVersion: kindling.dev/v1',
    2,
    'error: invalid preset:\n  mine.yaml:1:13 apiVersion: expected one of "kindling.dev/v1alpha1", got "kindling.dev/v1"',
  ],
  [
    'an engine that does not exist',
    null,
    [],
    'engine: minikube',
    2,
    'error: invalid preset:\n  mine.yaml:5:9 engine: expected one of "kind", "k3d", got "minikube"',
  ],
  [
    'YAML that does not parse',
    'nodes: [\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:11:1 YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  [
    'a document that is a list',
    null,
    [],
    '- a\n- b',
    2,
    'error: invalid preset:\n  mine.yaml:1:1 expected a mapping (apiVersion: kindling.dev/v1alpha1, kind: Preset, ...), got a list',
  ],
  [
    '--set on an unknown field',
    '',
    ['--set', 'nodes.cpus=2'],
    undefined,
    2,
    'error: invalid preset:\n  --set nodes.cpus=2: nodes.cpus: unknown field',
  ],
  [
    '--set with a value of the wrong type',
    '',
    ['--set', 'nodes.workers=two'],
    undefined,
    2,
    'error: invalid preset:\n  --set nodes.workers=two: nodes.workers: expected a number, got "two"',
  ],
  ['--set without =', '', ['--set', 'nodes.workers'], undefined, 2, 'error: --set "nodes.workers" must be key.path=value'],
  [
    '--registry on a preset without a registry',
    '',
    ['--registry'],
    undefined,
    2,
    'error: preset "mine" has no registry section, so --registry has nothing to create',
  ],
  [
    '--port with a bad number',
    '',
    ['--port', '8080:99999'],
    undefined,
    2,
    'error: --port "8080:99999": "99999" is not a port number (1-65535)',
  ],
  [
    '--port clashing with the registry',
    'registry:\n  enabled: true\n  name: reg\n  hostPort: 5001\n',
    ['--port', '5001:80'],
    undefined,
    4,
    "error: host port 5001 is the registry's (registry.hostPort) and is also mapped into the cluster",
  ],
  [
    '--mount with a relative container path',
    '',
    ['--mount', '/tmp:data'],
    undefined,
    2,
    'error: --mount "/tmp:data": both paths must be absolute',
  ],
  ['--workers out of range', '', ['--workers', '99'], undefined, 2, 'error: --workers 99 must be a whole number from 0 to 50'],
  [
    '--k8s-version that is not a version',
    '',
    ['--k8s-version', 'latest'],
    undefined,
    2,
    'error: --k8s-version "latest" is not a Kubernetes version',
  ],
  [
    'a cluster name that is not a DNS label',
    '',
    ['--name', 'My_Cluster'],
    undefined,
    2,
    'error: "My_Cluster" is not a valid cluster name: use at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit',
  ],
  [
    'a YAML alias bomb',
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:1:1 YAML: Excessive alias count indicates a resource exhaustion attack (aliases expand too far): write the values out',
  ],
  // Found by bad-input.property.test.ts: nesting deep enough to overflow yaml's parser gave "Maximum call stack size
  // exceeded", and an alias inside the node it names made data that never ends.
  [
    'flow lists nested 5000 deep',
    `colour: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    [],
    undefined,
    2,
    "error: invalid preset:\n  mine.yaml:10:72 YAML: nested deeper than 64 levels (a preset's fields nest 5 at most): write it flatter",
  ],
  [
    'block maps nested 2000 deep',
    `colour:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`,
    [],
    undefined,
    2,
    "error: invalid preset:\n  mine.yaml:74:65 YAML: nested deeper than 64 levels (a preset's fields nest 5 at most): write it flatter",
  ],
  [
    'an alias inside the node it names',
    'colour: &c [*c]\n',
    [],
    undefined,
    2,
    "error: invalid preset:\n  mine.yaml:10:12 colour: YAML: nested deeper than 64 levels (a preset's fields nest 5 at most): write it flatter",
  ],
  [
    'two documents in one preset file',
    '---\nengine: k3d\n',
    [],
    undefined,
    2,
    'error: invalid preset:\n  mine.yaml:10:1 a preset file holds one YAML document, this one has more (a `---` line starts another): put each preset in its own file',
  ],
  [
    'extends naming the file itself',
    'extends: ./mine.yaml\n',
    [],
    undefined,
    2,
    'error: mine.yaml: extends: "./mine.yaml" names this preset itself',
  ],
  [
    '--set adding an unknown key',
    '',
    ['--set', 'foo.bar=1'],
    undefined,
    2,
    'error: invalid preset:\n  --set foo.bar=1: foo: unknown field',
  ],
  // Found by set-values.property.test.ts: the first blamed the built-in preset's line for what the flag did, the
  // second told the user to fix a --name they never gave.
  [
    '--set below a number',
    '',
    ['--set', 'nodes.workers.deeper='],
    undefined,
    2,
    'error: invalid preset:\n  --set nodes.workers.deeper=: nodes.workers: expected a number, got a map',
  ],
  [
    '--set defaultClusterName to a name no cluster can have',
    '',
    ['--set', 'defaultClusterName=Bad_Name'],
    undefined,
    2,
    'error: preset "mine" defaultClusterName: "Bad_Name" is not a valid cluster name: use at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit',
  ],
  ['--image empty', '', ['--image', ''], undefined, 2, 'error: --image "" is not an image reference'],
  ['--timeout of no time', '', ['--timeout', '0s'], undefined, 2, 'error: --timeout 0s leaves no time'],
  [
    '--k8s-version far older than kind builds images for',
    '  digests:\n    v1.36.1: sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5\n',
    ['--k8s-version', 'v1.20.0'],
    undefined,
    2,
    'error: kind has no node image for Kubernetes v1.20.0: preset "mine" pins v1.36.1, and kind\'s releases build images for about 5 minor versions before their default',
  ],
  [
    '--mount of a folder that does not exist',
    '',
    ['--mount', '/nonexistent/kindling-data:/data'],
    undefined,
    2,
    'error: --mount /nonexistent/kindling-data:/data: /nonexistent/kindling-data does not exist',
  ],
];

describe('malformed presets and flags: exact errors, nothing created', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });

  it('covers at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s', async (_title, extra, flags, replace, code, message) => {
    let body = BASE + (extra ?? '');
    if (replace !== undefined) {
      const key = replace.split(':')[0]!;
      body = replace.startsWith('-') ? `${replace}\n` : BASE.replace(new RegExp(`^${key}:.*$`, 'm'), replace);
    }
    await writeFile(join(dir, 'mine.yaml'), body);
    const env = { HOME: dir, KINDLING_STATE: join(dir, 'state'), DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    const r = await runCli(['up', '--preset', './mine.yaml', ...flags], { env, cwd: dir });
    expect(r.code).toBe(code);
    expect(
      r.stderr
        .split('\n')
        .filter((l) => l.startsWith('error') || l.startsWith('  '))
        .join('\n'),
    ).toBe(message);
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });
});

describe('extends found by bad-input.property.test.ts', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });
  const env = () => ({ HOME: dir, KINDLING_STATE: join(dir, 'state'), DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  const errorLines = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('error') || l.startsWith('  '))
      .join('\n');

  it('a loop of aliases in a preset and in the one it extends: exit 2, not a stack overflow (exit 1)', async () => {
    await writeFile(join(dir, 'base.yaml'), `${BASE}nodes: &k {a: *k, nodes: *k}\n`);
    await writeFile(join(dir, 'mine.yaml'), `${BASE}extends: ./base.yaml\nnodes: &k {a: *k, nodes: *k}\n`);
    const r = await runCli(['up', '--preset', './mine.yaml'], { env: env(), cwd: dir });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toBe(
      "error: invalid preset:\n  mine.yaml:11:11 nodes: YAML: nested deeper than 64 levels (a preset's fields nest 5 at most): write it flatter",
    );
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });

  it('extends naming a folder: exit 2, naming the file that extends', async () => {
    await writeFile(join(dir, 'mine.yaml'), `${BASE}extends: ./\n`);
    const r = await runCli(['up', '--preset', './mine.yaml'], { env: env(), cwd: dir });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toBe(`error: mine.yaml: extends: preset "./" is a folder: ${dir}`);
  });
});

describe('paths and names no file can have, found by flags.property.test.ts: typed errors, not exit 1', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });
  const env = () => ({ HOME: dir, KINDLING_STATE: join(dir, 'state'), DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  const firstError = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('error')) ?? '';
  const long = 'a'.repeat(300);

  it.each([
    [
      '--preset with a file name too long (ENAMETOOLONG)',
      () => ['plan', '--preset', `./${long}.yaml`],
      3,
      () => `error: preset file not found: ${join(dir, `${long}.yaml`)}`,
    ],
    [
      '--preset below a file (ENOTDIR)',
      () => ['plan', '--preset', './file.txt/x.yaml'],
      3,
      () => `error: preset file not found: ${join(dir, 'file.txt/x.yaml')}`,
    ],
    [
      '--preset with a NUL byte',
      () => ['plan', '--preset', './a\u0000.yaml'],
      3,
      () => `error: preset file not found: ${join(dir, 'a\u0000.yaml')}`,
    ],
    [
      'promote --from below a file',
      () => ['promote', '--from', './file.txt/x', '--to', 'eks'],
      3,
      () => `error: no such file or folder: ${join(dir, 'file.txt/x')}`,
    ],
    [
      'promote --from too long',
      () => ['promote', '--from', long, '--to', 'eks'],
      3,
      () => `error: no such file or folder: ${join(dir, long)}`,
    ],
    [
      'promote --out naming a file',
      () => ['promote', '--from', './m.yaml', '--to', 'kubeadm', '--out', './file.txt'],
      2,
      () => `error: ${join(dir, 'file.txt')} is not a folder: it is a file, or inside one`,
    ],
    [
      'snapshot create of a 5000-character name',
      () => ['snapshot', 'create', 'x'.repeat(5000)],
      3,
      () => `error: no cluster named "${'x'.repeat(5000)}" in the state store (${join(dir, 'state')})`,
    ],
    [
      'scale of a name with a NUL byte',
      () => ['scale', 'a\u0000b', '--workers', '1'],
      3,
      () => `error: no cluster named "a\u0000b" in the state store (${join(dir, 'state')})`,
    ],
  ] as const)('%s', async (_title, args, code, message) => {
    await writeFile(join(dir, 'file.txt'), 'x');
    await writeFile(join(dir, 'm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    const r = await runCli(args(), { env: env(), cwd: dir });
    expect(r.code).toBe(code);
    expect(firstError(r.stderr)).toBe(message());
  });
});

describe('paths the user gives are checked before use', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });
  const env = () => ({ HOME: dir, KINDLING_STATE: join(dir, 'state'), DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  const errorLines = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('error') || l.startsWith('hint'))
      .join('\n');

  it('--preset naming a folder: exit 2, named', async () => {
    await mkdir(join(dir, 'presets-folder'));
    const r = await runCli(['up', '--preset', './presets-folder'], { env: env(), cwd: dir });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toBe(
      `error: preset "./presets-folder" is a folder: ${join(dir, 'presets-folder')}\nhint: give a preset file (--preset ./dir/my-preset.yaml) or a preset name`,
    );
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });

  it('--state naming a file: exit 2, not an empty list', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const r = await runCli(['--state', join(dir, 'a-file'), 'list'], { env: env(), cwd: dir });
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr)).toBe(
      `error: the state store ${join(dir, 'a-file')} is a file, not a folder\nhint: give --state (or KINDLING_STATE) a folder you can write, or s3://bucket/prefix`,
    );
  });

  it('--state where no folder can be made: exit 5 at once, naming it', async () => {
    const r = await runCli(['--state', '/proc/kindling-nope', 'list'], { env: env(), cwd: dir });
    expect(r.code).toBe(5);
    expect(errorLines(r.stderr)).toMatch(/^error: cannot use the state store folder \/proc\/kindling-nope: /);
  });

  it('a user preset with the .yml extension is found and listed', async () => {
    const presets = join(dir, '.config', 'kindling', 'presets');
    await mkdir(presets, { recursive: true });
    await writeFile(join(presets, 'mine.yml'), `${BASE.replace('name: mine', 'name: mine')}`);
    const listed = await runCli(['presets', 'list', '-o', 'json'], { env: env(), cwd: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('mine.yml');
    const planned = await runCli(['plan', '--preset', 'mine'], { env: env(), cwd: dir });
    expect(planned.code).toBe(0);
  });
});
