// dockerodeClient.readArchive, the Docker side of archiveClaimVolume. (Belongs with test/unit/runtime/dockerode-client.test.ts;
// kept here while that folder is being edited elsewhere.)
import type Dockerode from 'dockerode';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../src/errors.js';
import { dockerodeClient } from '../../../../src/runtime/dockerode-client.js';
import { rejection } from '../../../support/unit/thrown.js';

function client(answer: () => Promise<NodeJS.ReadableStream>) {
  const asked: unknown[] = [];
  const docker = {
    getContainer: (id: string) => ({
      getArchive: (opts: unknown) => {
        asked.push([id, opts]);
        return answer();
      },
    }),
  };
  return { asked, client: dockerodeClient(docker as unknown as Dockerode, 'unix:///var/run/docker.sock') };
}

describe('dockerodeClient.readArchive', () => {
  it("asks for the container's archive of the path and hands back Docker's stream", async () => {
    const stream = Readable.from([Buffer.from('tar')]);
    const { asked, client: c } = client(async () => stream);
    expect(await c.readArchive('dev-control-plane', '/var/local-path-provisioner/pvc-1_shop_data')).toBe(stream);
    expect(asked).toEqual([['dev-control-plane', { path: '/var/local-path-provisioner/pvc-1_shop_data' }]]);
  });

  it("a 404 (no such container, or no such path) becomes NotFoundError naming both, with Docker's words", async () => {
    const said = '(HTTP code 404) unexpected - Could not find the file /var/x in container dev-control-plane';
    const { client: c } = client(async () => {
      throw Object.assign(new Error(said), { statusCode: 404 });
    });
    const err = await rejection(c.readArchive('dev-control-plane', '/var/x'));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`cannot read /var/x in container dev-control-plane: no such container or path (${said})`);
    expect((err as NotFoundError).code).toBe('container-path-not-found');
  });

  it('other errors pass through', async () => {
    const { client: c } = client(async () => {
      throw Object.assign(new Error('(HTTP code 500) server error'), { statusCode: 500 });
    });
    const err = await rejection(c.readArchive('dev-control-plane', '/var/x'));
    expect(err).not.toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('(HTTP code 500) server error');
  });
});
