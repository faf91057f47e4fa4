// containerLogs over dockerode: asks for both streams with timestamps, unwraps frames unless the container has a TTY.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/errors.js';
import { dockerodeClient } from '../../../src/runtime/dockerode-client.js';

function frame(stream: number, text: string): Buffer {
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(Buffer.byteLength(text), 4);
  return Buffer.concat([header, Buffer.from(text)]);
}

function stub(container: { tty: boolean; body: Buffer } | { missing: true }) {
  const asked: unknown[] = [];
  const gone = Object.assign(new Error('(HTTP code 404) no such container - No such container: x'), { statusCode: 404 });
  const docker = {
    getContainer: (id: string) => ({
      inspect: async () => {
        if ('missing' in container) throw gone;
        return { Config: { Tty: container.tty } };
      },
      logs: async (opts: unknown) => {
        asked.push([id, opts]);
        if ('missing' in container) throw gone;
        return container.body;
      },
    }),
  };
  return { asked, client: dockerodeClient(docker as unknown as Dockerode, 'unix:///var/run/docker.sock') };
}

describe('dockerodeClient containerLogs', () => {
  it('reads stdout and stderr with timestamps, frames unwrapped', async () => {
    const { asked, client } = stub({
      tty: false,
      body: Buffer.concat([frame(1, '2026-03-01T10:00:00Z out\n'), frame(2, '2026-03-01T10:00:01Z err\n')]),
    });
    expect(await client.containerLogs('dev-control-plane')).toBe('2026-03-01T10:00:00Z out\n2026-03-01T10:00:01Z err\n');
    expect(asked).toEqual([['dev-control-plane', { stdout: true, stderr: true, timestamps: true, follow: false }]]);
  });

  it('a TTY container (as kind runs its nodes) is read as it is', async () => {
    const { client } = stub({ tty: true, body: Buffer.from('2026-03-01T10:00:00Z systemd[1]: Started.\r\n') });
    expect(await client.containerLogs('dev-control-plane')).toBe('2026-03-01T10:00:00Z systemd[1]: Started.\r\n');
  });

  it('a missing container -> NotFoundError', async () => {
    const { client } = stub({ missing: true });
    await expect(client.containerLogs('ghost')).rejects.toBeInstanceOf(NotFoundError);
  });
});
