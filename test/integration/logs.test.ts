// `kindling logs` on a real kind cluster with a real API server (two node containers): the archive is 0600 and
// holds kind's own export, one log per node container, events, nodes and pods, kindling's records and the doctor's
// report; and no credential: a Secret's values, the kubeconfig's client key and certificate, a token in a pod's
// env and a bearer token in an event are nowhere in what it extracts to.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { filesUnder } from '../support/integration/files-under.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const SECRET_PASSWORD = 'pl4nted-Secret-Passw0rd';
const SECRET_TOKEN = 'pl4nted-Secret-T0ken-7f3a';
const ENV_TOKEN = 'pl4nted-Env-T0ken-19c2';
const BEARER = 'pl4ntedBearerT0ken0123456789';
const b64 = (s: string) => Buffer.from(s).toString('base64');

const manifests = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: default}
spec:
  nodeName: ${name}-worker
  containers:
  - name: app
    image: registry.k8s.io/pause:3.10
    env:
    - {name: API_TOKEN, value: ${ENV_TOKEN}}
    - name: DB_PASSWORD
      valueFrom: {secretKeyRef: {name: creds, key: password}}
---
apiVersion: v1
kind: Event
metadata: {name: probe.planted, namespace: default}
involvedObject: {apiVersion: v1, kind: Pod, name: probe, namespace: default}
reason: ProbeFailed
type: Warning
message: "GET /healthz with Authorization: Bearer ${BEARER} returned 401"
`;

describeIntegration('kindling logs', () => {
  let sb: Sandbox;
  const name = uniqueName('logs');
  const kubectl = (...args: string[]) =>
    execa(join(integrationEnv().binDir, 'kubectl'), ['--context', `kind-${name}`, ...args], { env: sb.env, reject: false });
  beforeAll(async () => {
    sb = await sandbox();
    const r = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.api.kind, '--workers', '1', '--wait', '2m', '-q');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    const down = await sb.cli('down', name, '--yes');
    if (down.code !== 0) await forceDelete(sb, name, 'kind');
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it('an archive (0600) of the export, node logs, API objects and records, without a credential in it', async () => {
    const secret = await kubectl(
      'create',
      'secret',
      'generic',
      'creds',
      `--from-literal=password=${SECRET_PASSWORD}`,
      `--from-literal=token=${SECRET_TOKEN}`,
    );
    expect(secret.exitCode, secret.stderr).toBe(0);
    const applied = await execa(join(integrationEnv().binDir, 'kubectl'), ['--context', `kind-${name}`, 'apply', '-f', '-'], {
      env: sb.env,
      input: manifests(name),
      reject: false,
    });
    expect(applied.exitCode, applied.stderr).toBe(0);
    const user = parse((await sb.cli('kubeconfig', name)).stdout).users[0].user;
    const kubeconfigSecrets = [user['client-key-data'], user['client-certificate-data']] as string[];
    expect(kubeconfigSecrets.every((s) => s.length > 100)).toBe(true);

    const out = join(sb.dir, 'logs.tar.gz');
    const started = Date.now();
    const r = await sb.cli('logs', name, '--out', out, '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    console.log(
      `[logs] ${result.files.length} files, ${result.bytes} bytes in ${Date.now() - started} ms; errors: ${JSON.stringify(result.errors)}`,
    );
    expect((await stat(out)).mode & 0o777).toBe(0o600);

    const listed = (await execa('tar', ['-tzf', out])).stdout.split('\n').filter(Boolean);
    const top = listed[0]!.split('/')[0]!;
    expect(top).toMatch(new RegExp(`^kindling-logs-${name}-\\d{8}-\\d{6}$`));
    const files = listed.map((f) => f.slice(top.length + 1));
    console.log(`[logs] tar -tzf:\n  ${files.join('\n  ')}`);
    expect(files).toContain('engine/kind-version.txt');
    expect(files.some((f) => f.startsWith(`engine/${name}-control-plane/`))).toBe(true);
    expect(files.filter((f) => f.startsWith('nodes/') && f.endsWith('.log')).sort()).toEqual([
      `nodes/${name}-control-plane.log`,
      `nodes/${name}-worker.log`,
    ]);
    for (const f of [
      'nodes/containers.yaml',
      'kubernetes/events.yaml',
      'kubernetes/nodes.yaml',
      'kubernetes/pods.yaml',
      'kindling/history.yaml',
      'kindling/spec.yaml',
      'kindling/status.yaml',
      'kindling/doctor.yaml',
    ])
      expect(files).toContain(f);
    expect(files.some((f) => f.includes('kubeconfig'))).toBe(false);

    const into = join(sb.dir, 'extracted');
    await mkdir(into);
    await execa('tar', ['-xzf', out, '-C', into]);
    const extracted = await filesUnder(join(into, top));
    const planted = [SECRET_PASSWORD, b64(SECRET_PASSWORD), SECRET_TOKEN, b64(SECRET_TOKEN), ENV_TOKEN, BEARER, ...kubeconfigSecrets];
    const found = [...extracted].flatMap(([file, text]) =>
      planted.filter((p) => text.includes(p)).map((p) => `${file}: ${p.slice(0, 24)}`),
    );
    expect(found).toEqual([]);
    // What was planted reached the archive, redacted: the pod, its env entry and the event are there.
    const pods = extracted.get('kubernetes/pods.yaml')!;
    expect(pods).toMatch(/- name: API_TOKEN\n\s+value: REDACTED/);
    expect(pods).toContain('secretKeyRef');
    expect(extracted.get('kubernetes/events.yaml')).toContain('Authorization: Bearer REDACTED returned 401');
    expect(parse(extracted.get('kubernetes/nodes.yaml')!).items).toHaveLength(2);
    expect(parse(extracted.get('kindling/history.yaml')!)[0]).toMatchObject({ op: 'up', outcome: 'succeeded' });
    expect(await readFile(join(into, top, `nodes/${name}-control-plane.log`), 'utf8')).not.toBe('');

    // Never over an existing file without --force.
    const again = await sb.cli('logs', name, '--out', out);
    expect(again.code).toBe(4);
  });
});
