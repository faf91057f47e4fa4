// dockerEngineVersion: a client with engineVersion() answers itself; any other is asked GET /version through
// dockerode at its endpoint (here a small HTTP server on a unix socket standing in for the Docker engine).
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerEngineVersion, engineVersionFrom } from '../../../src/runtime/docker-version.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

let dir: string;
useTempDir((made) => {
  dir = made;
});
let server: Server | undefined;
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
});

/** An "engine" on a unix socket that answers every request with `body`, recording the paths asked. */
async function engineAt(socket: string, body: object): Promise<string[]> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((done) => server!.listen(socket, done));
  return asked;
}

describe('dockerEngineVersion', () => {
  it("uses the client's own engineVersion() when it has one", async () => {
    const client = Object.assign(new FakeDocker(), {
      engineVersion: async () => ({ version: '27.0.1', apiVersion: '1.46', os: 'linux', arch: 'arm64' }),
    });
    expect(await dockerEngineVersion(client, {})).toEqual({ version: '27.0.1', apiVersion: '1.46', os: 'linux', arch: 'arm64' });
  });

  it('otherwise asks GET /version at the endpoint the client is connected to', async () => {
    const socket = join(dir, 'docker.sock');
    const asked = await engineAt(socket, { Version: '28.3.2', ApiVersion: '1.51', Os: 'linux', Arch: 'amd64', GoVersion: 'go1.24' });
    expect(await dockerEngineVersion(new FakeDocker(`unix://${socket}`), {})).toEqual({
      version: '28.3.2',
      apiVersion: '1.51',
      os: 'linux',
      arch: 'amd64',
    });
    expect(asked).toEqual([expect.stringMatching(/^GET \/version/)]);
  });

  it('an engine that is not there rejects', async () => {
    await expect(dockerEngineVersion(new FakeDocker(`unix://${join(dir, 'none.sock')}`), {})).rejects.toThrow(/ENOENT/);
  });

  it("fields the engine left out are ''", () => {
    expect(engineVersionFrom({ Version: '1.0' })).toEqual({ version: '1.0', apiVersion: '', os: '', arch: '' });
  });
});
