import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dockerodeClient } from '../../../src/runtime/dockerode-client.js';

/** Just enough of dockerode, recording what it is asked. */
function stub(answers: { containers?: unknown[]; networks?: unknown[]; volumes?: unknown[]; removeError?: unknown } = {}) {
  const asked: unknown[] = [];
  const removal = (what: string) => ({
    remove: async (opts?: unknown) => {
      asked.push(['remove', what, opts]);
      if (answers.removeError) throw answers.removeError;
    },
  });
  const docker = {
    ping: async () => asked.push(['ping']),
    listContainers: async (opts: unknown) => {
      asked.push(['listContainers', opts]);
      return answers.containers ?? [];
    },
    listNetworks: async (opts: unknown) => {
      asked.push(['listNetworks', opts]);
      return answers.networks ?? [];
    },
    listVolumes: async (opts: unknown) => {
      asked.push(['listVolumes', opts]);
      return { Volumes: answers.volumes ?? [], Warnings: [] };
    },
    getContainer: (id: string) => removal(`container ${id}`),
    getNetwork: (name: string) => removal(`network ${name}`),
    getVolume: (name: string) => removal(`volume ${name}`),
  };
  return { asked, client: dockerodeClient(docker as unknown as Dockerode, 'unix:///var/run/docker.sock') };
}

const summary = {
  Id: 'abc123',
  Names: ['/dev-control-plane'],
  Image: 'kindest/node:v1.36.1',
  Labels: { 'io.x-k8s.kind.cluster': 'dev' },
  State: 'running',
  Status: 'Up 2 minutes',
  Ports: [
    { PrivatePort: 6443, PublicPort: 40000, Type: 'tcp', IP: '127.0.0.1' },
    { PrivatePort: 80, Type: 'tcp' }, // exposed, not published
  ],
  NetworkSettings: { Networks: { kind: {} } },
  Mounts: [
    { Type: 'volume', Name: 'a1b2' },
    { Type: 'bind', Source: '/lib/modules' },
  ],
};

describe('dockerodeClient', () => {
  it('lists containers by label (all states) and translates them', async () => {
    const { asked, client } = stub({ containers: [summary] });
    expect(client.endpoint).toBe('unix:///var/run/docker.sock');
    expect(await client.listContainers({ 'io.x-k8s.kind.cluster': 'dev', app: '' })).toEqual([
      {
        id: 'abc123',
        name: 'dev-control-plane',
        image: 'kindest/node:v1.36.1',
        labels: { 'io.x-k8s.kind.cluster': 'dev' },
        state: 'running',
        status: 'Up 2 minutes',
        ports: [{ containerPort: 6443, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 40000 }],
        networks: ['kind'],
        volumes: ['a1b2'],
      },
    ]);
    expect(asked).toEqual([['listContainers', { all: true, filters: { label: ['io.x-k8s.kind.cluster=dev', 'app'] } }]]);
  });

  it('publishing containers: running ones with at least one published port', async () => {
    const { asked, client } = stub({
      containers: [summary, { ...summary, Id: 'x', Names: ['/quiet'], Ports: [{ PrivatePort: 80, Type: 'tcp' }] }],
    });
    expect((await client.listPublishingContainers()).map((c) => c.name)).toEqual(['dev-control-plane']);
    expect(asked).toEqual([['listContainers', { all: false }]]);
  });

  it("networks and volumes: exact names only (Docker's name filter matches substrings)", async () => {
    const { client } = stub({
      networks: [
        { Name: 'k3d-dev', Labels: { app: 'k3d' } },
        { Name: 'k3d-dev2', Labels: { app: 'k3d' } },
      ],
      volumes: [
        { Name: 'k3d-dev-images', Labels: null },
        { Name: 'k3d-dev-images-old', Labels: {} },
      ],
    });
    expect(await client.listNetworks({ name: 'k3d-dev', labels: { app: 'k3d' } })).toEqual([{ name: 'k3d-dev', labels: { app: 'k3d' } }]);
    expect(await client.listVolumes({ name: 'k3d-dev-images' })).toEqual([{ name: 'k3d-dev-images', labels: {} }]);
  });

  it('removal is forced, takes anonymous volumes, and an object already gone is fine', async () => {
    const { asked, client } = stub({ removeError: Object.assign(new Error('no such container'), { statusCode: 404 }) });
    await client.removeContainer('abc123');
    await client.removeNetwork('k3d-dev');
    await client.removeVolume('k3d-dev-images');
    expect(asked).toEqual([
      ['remove', 'container abc123', { force: true, v: true }],
      ['remove', 'network k3d-dev', undefined],
      ['remove', 'volume k3d-dev-images', undefined],
    ]);
  });

  it('other removal errors surface', async () => {
    const { client } = stub({ removeError: Object.assign(new Error('conflict: in use'), { statusCode: 409 }) });
    await expect(client.removeNetwork('k3d-dev')).rejects.toThrow('conflict: in use');
  });
});
