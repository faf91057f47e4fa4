import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../../src/logs/redact.js';

// Realistic inputs: what kind, kubectl, k3d and Docker actually print, with credentials planted in them.
const KEY_DATA = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdGVzdGtleQo=';
const CERT_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURJVENDQWdtZ0F3SUJBZ0lJZGV2Q2VydAo=';
const CA_DATA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUREVENDQWZXZ0F3SUJBZ0lJY2EK';
const KIND_KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA_DATA}
    server: https://127.0.0.1:40123
  name: kind-dev
contexts:
- context:
    cluster: kind-dev
    user: kind-dev
  name: kind-dev
current-context: kind-dev
kind: Config
preferences: {}
users:
- name: kind-dev
  user:
    client-certificate-data: ${CERT_DATA}
    client-key-data: ${KEY_DATA}
- name: ci-robot
  user:
    token: sha256~pL4nt3dT0k3nV4lu3
`;

const SECRET_YAML = `apiVersion: v1
data:
  password: aHVudGVyMi1wbGFudGVk
  tls.key: |
    LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQ3RleHQK
  username: YWRtaW4=
kind: Secret
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"v1","data":{"password":"aHVudGVyMi1wbGFudGVk","username":"YWRtaW4="},"kind":"Secret","metadata":{"annotations":{},"name":"db","namespace":"default"},"type":"Opaque"}
  creationTimestamp: "2026-03-01T10:00:00Z"
  name: db
  namespace: default
stringData:
  extra: s3cr3t-str1ng-data
type: Opaque
`;

const SECRET_JSON = JSON.stringify(
  {
    apiVersion: 'v1',
    data: { password: 'aHVudGVyMi1wbGFudGVk', 'config.json': 'eyJhdXRocyI6e319' },
    kind: 'Secret',
    metadata: {
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","data":{"config.json":"eyJhdXRocyI6e319","password":"aHVudGVyMi1wbGFudGVk"},"kind":"Secret","metadata":{"name":"db"}}\n',
      },
      name: 'db',
      namespace: 'default',
    },
    type: 'Opaque',
  },
  null,
  2,
);

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: api-7d9f
  namespace: shop
spec:
  automountServiceAccountToken: false
  containers:
  - env:
    - name: LOG_LEVEL
      value: debug
    - name: GITHUB_TOKEN
      value: ghp_pl4ntedGithubT0kenValue
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          key: password
          name: db
    - name: AWS_SECRET_ACCESS_KEY
      value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYpl4nted"
    image: shop/api:1.2
    name: api
    volumeMounts:
    - mountPath: /var/run/secrets/tokens
      name: vault-token
  volumes:
  - name: vault-token
    projected:
      sources:
      - serviceAccountToken:
          expirationSeconds: 3600
          path: vault-token
  - name: creds
    secret:
      secretName: db
status:
  phase: Running
`;

const DOCKER_LOG = [
  '2026-03-01T10:00:01.123456789Z I0301 10:00:01.123 proxy.go:88] GET /v2/_catalog Authorization: Bearer x',
  '2026-03-01T10:00:02.000000000Z level=info msg="calling webhook" header="Authorization: Basic dXNlcjpwbDRudGVk" url=https://admin:pl4ntedPass@registry.local:5000/v2/',
  '2026-03-01T10:00:03.000000000Z kubeadm join 172.18.0.2:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:9f86d081884c7d65',
  '2026-03-01T10:00:04.000000000Z time="2026-03-01T10:00:04Z" level=info msg="Using token eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlcGxhbnRlZA for node"',
  '2026-03-01T10:00:05.000000000Z K3S_TOKEN=k3sPl4ntedJoinT0ken K3S_URL=https://k3d-dev-server-0:6443',
].join('\n');

const PEM = `config written:
-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAtestPl4ntedPrivateKeyBody0123456789
abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV==
-----END RSA PRIVATE KEY-----
done`;

// `k3d cluster list -o json` carries the cluster's join token; `k3d node list -o json` the nodes' env.
const K3D_CLUSTER_JSON = `[{"name":"dev","network":{"name":"k3d-dev"},"token":"K3dPl4ntedClusterT0ken","nodes":[{"name":"k3d-dev-server-0","role":"server","env":["K3S_TOKEN=K3dPl4ntedClusterT0ken","K3S_KUBECONFIG_OUTPUT=/output/kubeconfig.yaml"]}],"serversRunning":1}]`;

const PLANTED = [
  KEY_DATA,
  CERT_DATA,
  'sha256~pL4nt3dT0k3nV4lu3',
  'aHVudGVyMi1wbGFudGVk',
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Foa2lHOXcwQkFRRUZBQVNDQktnd2dnU2tBZ0VBQW9JQkFRQ3RleHQK',
  's3cr3t-str1ng-data',
  'eyJhdXRocyI6e319',
  'ghp_pl4ntedGithubT0kenValue',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYpl4nted',
  'dXNlcjpwbDRudGVk',
  'pl4ntedPass',
  'abcdef.0123456789abcdef',
  'c2lnbmF0dXJlcGxhbnRlZA',
  'k3sPl4ntedJoinT0ken',
  'MIIEowIBAAKCAQEAtestPl4ntedPrivateKeyBody0123456789',
  'K3dPl4ntedClusterT0ken',
];

function expectNoneLeft(text: string): void {
  for (const planted of PLANTED) expect(text, `still holds ${planted}`).not.toContain(planted);
}

describe('redact', () => {
  it("a kind kubeconfig: the user's key, certificate and token go; the cluster, CA and names stay", () => {
    const out = redact(KIND_KUBECONFIG);
    expectNoneLeft(out);
    const config = parse(out);
    expect(config.users[0].user).toEqual({ 'client-certificate-data': REDACTED, 'client-key-data': REDACTED });
    expect(config.users[1].user).toEqual({ token: REDACTED });
    expect(config.clusters[0].cluster).toEqual({ 'certificate-authority-data': CA_DATA, server: 'https://127.0.0.1:40123' });
    expect(config['current-context']).toBe('kind-dev');
  });

  it('a Secret as YAML: data and stringData values (block scalars too) and the last-applied copy go; keys and metadata stay', () => {
    const out = redact(SECRET_YAML);
    expectNoneLeft(out);
    const secret = parse(out);
    expect(secret.data).toEqual({ password: REDACTED, 'tls.key': REDACTED, username: REDACTED });
    expect(secret.stringData).toEqual({ extra: REDACTED });
    expect(secret.metadata.name).toBe('db');
    expect(JSON.parse(secret.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).data).toEqual({
      password: REDACTED,
      username: REDACTED,
    });
  });

  it('a Secret inside a List, and a credential as a block scalar: the values and the block lines go', () => {
    const list = [
      'apiVersion: v1',
      'items:',
      '- apiVersion: v1',
      '  data:',
      '    ca.crt: Q0FfREFUQQ==',
      '  kind: Secret',
      'kind: List',
      '',
    ].join('\n');
    expect(parse(redact(list)).items[0].data).toEqual({ 'ca.crt': REDACTED });
    const block = ['user:', '  token: |', '    multi-line-pl4nted', '    token-text', 'name: x', ''].join('\n');
    expect(redact(block)).toBe(['user:', `  token: ${REDACTED}`, 'name: x', ''].join('\n'));
  });

  it('a Secret as JSON (kubectl -o json): data and the escaped last-applied copy go, and it is still JSON', () => {
    const out = redact(SECRET_JSON);
    expectNoneLeft(out);
    const secret = JSON.parse(out);
    expect(secret.data).toEqual({ password: REDACTED, 'config.json': REDACTED });
    expect(JSON.parse(secret.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).data).toEqual({
      'config.json': REDACTED,
      password: REDACTED,
    });
  });

  it('a pod spec: literal values of credential env vars go; references, other values, volumes and flags stay', () => {
    const out = redact(POD_YAML);
    expectNoneLeft(out);
    const pod = parse(out);
    expect(pod.spec.containers[0].env).toEqual([
      { name: 'LOG_LEVEL', value: 'debug' },
      { name: 'GITHUB_TOKEN', value: REDACTED },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'db' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', value: REDACTED },
    ]);
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(pod.spec.volumes[0].projected.sources[0].serviceAccountToken).toEqual({ expirationSeconds: 3600, path: 'vault-token' });
    expect(pod.spec.volumes[1].secret).toEqual({ secretName: 'db' });
  });

  it('the same pod as JSON on one line: the env value goes', () => {
    const out = redact(JSON.stringify(parse(POD_YAML)));
    expectNoneLeft(out);
    expect(JSON.parse(out).spec.containers[0].env[0]).toEqual({ name: 'LOG_LEVEL', value: 'debug' });
  });

  it('docker log lines: bearer and basic auth, URL passwords, join tokens, JWTs, env assignments go; the rest of each line stays', () => {
    const out = redact(DOCKER_LOG);
    expectNoneLeft(out);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      `2026-03-01T10:00:01.123456789Z I0301 10:00:01.123 proxy.go:88] GET /v2/_catalog Authorization: Bearer ${REDACTED}`,
    );
    expect(lines[1]).toContain(`header="Authorization: Basic ${REDACTED}"`);
    expect(lines[1]).toContain(`url=https://admin:${REDACTED}@registry.local:5000/v2/`);
    expect(lines[2]).toContain(`--token ${REDACTED} --discovery-token-ca-cert-hash sha256:9f86d081884c7d65`);
    expect(lines[3]).toContain(`msg="Using token ${REDACTED} for node"`);
    expect(lines[4]).toContain(`K3S_TOKEN=${REDACTED} K3S_URL=https://k3d-dev-server-0:6443`);
  });

  it('a PEM private key block goes whole, a truncated one too; the text around it stays', () => {
    expect(redact(PEM)).toBe(`config written:\n-----BEGIN RSA PRIVATE KEY-----${REDACTED}-----END RSA PRIVATE KEY-----\ndone`);
    const cut = redact('-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC');
    expect(cut).toBe(`-----BEGIN PRIVATE KEY-----${REDACTED}`);
    expect(redact('"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIPl4nted\\n-----END EC PRIVATE KEY-----\\n"')).not.toContain(
      'MHcCAQEEIPl4nted',
    );
  });

  it("k3d's cluster list JSON: the join token (as a key and in the nodes' env) goes; it is still JSON", () => {
    const out = redact(K3D_CLUSTER_JSON);
    expectNoneLeft(out);
    const [cluster] = JSON.parse(out);
    expect(cluster.token).toBe(REDACTED);
    expect(cluster.nodes[0].env).toEqual([`K3S_TOKEN=${REDACTED}`, 'K3S_KUBECONFIG_OUTPUT=/output/kubeconfig.yaml']);
  });

  it('text without credentials is left as it is (events, node status, kubelet lines)', () => {
    const plain = [
      'apiVersion: v1',
      'items:',
      '- kind: Event',
      '  message: "Successfully assigned shop/api-7d9f to dev-worker"',
      '  reason: Scheduled',
      '  involvedObject: {kind: Pod, name: api-7d9f}',
      '- kind: Node',
      '  status: {conditions: [{type: Ready, status: "True"}]}',
      'I0301 10:00:01.123 kubelet.go:2400] "SyncLoop ADD" source="api" pods=["kube-system/etcd-dev-control-plane"]',
      'W0301 token_cleaner.go:48] the token cleaner started; waiting for secrets',
    ].join('\n');
    expect(redact(plain)).toBe(plain);
  });

  it('is idempotent', () => {
    for (const input of [KIND_KUBECONFIG, SECRET_YAML, SECRET_JSON, POD_YAML, DOCKER_LOG, PEM, K3D_CLUSTER_JSON]) {
      const once = redact(input);
      expect(redact(once)).toBe(once);
    }
  });
});
