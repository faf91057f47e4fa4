// A registry pull from inside a cluster's node, as containerd would make it: the mirror endpoint read from the file
// the engine's node reads (containerd's certs.d hosts.toml on kind, k3s's registries.yaml on k3d), then the
// manifest (by tag or digest) and every blob over the registry HTTP API, each checked against its digest. The
// stand-in nodes run no real containerd, so the requests are made with the node's busybox wget.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { expect } from 'vitest';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
// Constant scripts; URLs and headers arrive as arguments.
const FETCH = 'wget -q -O - --header "Accept: $2" "$1"';
const DIGEST = 'wget -q -O - "$1" | sha256sum';
const MANIFEST_DIGEST = 'wget -q -O - --header "Accept: $2" "$1" | sha256sum';

/** The node a test reads files in and pulls from: the first control plane (kind) or server (k3d). */
export function firstNode(cluster: string, engine: 'kind' | 'k3d'): string {
  return engine === 'kind' ? `${cluster}-control-plane` : `k3d-${cluster}-server-0`;
}

/** containerd's hosts.toml for `host` in a kind node. */
export async function hostsTomlIn(node: string, host: string): Promise<string> {
  return (await execa('docker', ['exec', node, 'cat', `/etc/containerd/certs.d/${host}/hosts.toml`])).stdout;
}

/** The mirror endpoints for `host`, in the order the node tries them, from the file the engine wrote into the node. */
export async function mirrorEndpoints(node: string, engine: 'kind' | 'k3d', host: string): Promise<string[]> {
  if (engine === 'kind') return [...(await hostsTomlIn(node, host)).matchAll(/^\[host\."([^"]+)"\]$/gm)].map((m) => m[1]!);
  const yaml = parse((await execa('docker', ['exec', node, 'cat', '/etc/rancher/k3s/registries.yaml'])).stdout);
  return yaml.mirrors[host].endpoint;
}

/** The endpoint with its host name resolved by Docker's DNS from inside the node (on the cluster's network). The
 * stand-in's busybox is static glibc, whose wget cannot look names up (no NSS); its nslookup asks the server itself. */
async function resolvedInNode(node: string, endpoint: string): Promise<string> {
  const url = new URL(endpoint);
  // Docker's embedded DNS at 127.0.0.11, which k3d's DNS fix forwards to (with iptables, which the stand-in lacks).
  const r = await execa('docker', ['exec', node, 'nslookup', url.hostname, '127.0.0.11'], { reject: false });
  const answer = r.stdout.slice(r.stdout.indexOf('Name:'));
  const ip = /Address:?\s+(\d+\.\d+\.\d+\.\d+)/.exec(answer)?.[1];
  expect(ip, `nslookup ${url.hostname} in ${node}: ${r.stdout}${r.stderr}`).toBeDefined();
  return `${url.protocol}//${ip}:${url.port}`;
}

/** A pull of `repo` at `ref` (tag or digest) through `mirror` from inside the node: the manifest, then every blob,
 * each checked against its digest. Returns the image manifest's digest. */
export async function pullInNode(node: string, mirror: string, repo: string, ref: string): Promise<string> {
  const endpoint = await resolvedInNode(node, mirror);
  const get = async (url: string) => {
    const r = await execa('docker', ['exec', node, 'sh', '-c', FETCH, 'sh', url, ACCEPT], { reject: false });
    expect(r.exitCode, `${url}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  let manifest = JSON.parse(await get(`${endpoint}/v2/${repo}/manifests/${ref}`));
  if (INDEX_TYPES.includes(manifest.mediaType))
    manifest = JSON.parse(await get(`${endpoint}/v2/${repo}/manifests/${manifest.manifests[0].digest}`));
  const blobs: string[] = [manifest.config.digest, ...manifest.layers.map((l: { digest: string }) => l.digest)];
  for (const digest of blobs) {
    const r = await execa('docker', ['exec', node, 'sh', '-c', DIGEST, 'sh', `${endpoint}/v2/${repo}/blobs/${digest}`]);
    expect(`sha256:${r.stdout.split(/\s/)[0]}`).toBe(digest);
  }
  const sha = await execa('docker', ['exec', node, 'sh', '-c', MANIFEST_DIGEST, 'sh', `${endpoint}/v2/${repo}/manifests/${ref}`, ACCEPT]);
  return `sha256:${sha.stdout.split(/\s/)[0]}`;
}

/** Requests for `repo` in a registry container's access log. */
export async function registryRequests(
  container: string,
  repo: string,
): Promise<{ manifestGets: number; manifestHeads: number; manifestPuts: number; blobGets: number }> {
  const logs = await execa('docker', ['logs', container], { all: true });
  const lines = logs.all.split('\n');
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  return {
    manifestGets: count(new RegExp(`"GET /v2/${repo}/manifests/`)),
    manifestHeads: count(new RegExp(`"HEAD /v2/${repo}/manifests/`)),
    manifestPuts: count(new RegExp(`"PUT /v2/${repo}/manifests/`)),
    blobGets: count(new RegExp(`"GET /v2/${repo}/blobs/`)),
  };
}

/** A one-file image made here (no pull): a tar of `text` imported as `ref`. */
export async function importTinyImage(ref: string, text: string): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'kindling-image-'));
  try {
    await writeFile(join(root, 'hello.txt'), text);
    const tar = await execa('tar', ['-C', root, '-cf', '-', '.'], { encoding: 'buffer' });
    const imported = await execa('docker', ['import', '-', ref], { input: tar.stdout, reject: false });
    expect(imported.exitCode, imported.stderr).toBe(0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
