// DOCKER_HOST=ssh://user@host:port, for real: a dedicated sshd on 127.0.0.1 in front of this machine's engine
// (scripts/test-env/sshd-docker.sh), an ssh-agent holding the key it accepts. kindling's own client is dockerode
// over ssh2 (authenticating with the agent SSH_AUTH_SOCK names); kind runs the docker CLI, which runs `ssh`. The
// sshd reaches the main engine, so what the cluster leaves behind is checked on /var/run/docker.sock directly.
import Dockerode from 'dockerode';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { type SshDocker, startSshDocker } from '../support/integration/ssh-docker.js';

const KIND_LABEL = 'io.x-k8s.kind.cluster';

describeIntegration('DOCKER_HOST=ssh://: kindling and kind reach Docker over ssh', () => {
  let ssh: SshDocker;
  let sb: Sandbox;
  const local = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const name = uniqueName('ssh-kind');
  const containers = async () =>
    (await local.listContainers({ all: true, filters: { label: [`${KIND_LABEL}=${name}`] } })).map((c) => c.Names[0]!.replace(/^\//, ''));

  beforeAll(async () => {
    ssh = await startSshDocker();
    sb = await sandbox({ DOCKER_HOST: ssh.host, DOCKER_CONTEXT: undefined, SSH_AUTH_SOCK: ssh.agentSock });
    const client = await ssh.writeSshClientConfig(sb.dir);
    sb.env.PATH = `${client.binDir}:${sb.env.PATH ?? ''}`;
  }, 6 * 60_000);

  afterAll(async () => {
    if (sb && (await containers()).length > 0) {
      await sb.cli('down', name, '--yes');
      if ((await containers()).length > 0) await forceDelete(sb, name, 'kind');
    }
    await sb?.cleanup();
    await ssh?.stop();
  }, 4 * 60_000);

  it('version: the endpoint is the ssh:// DOCKER_HOST, and the engine answers through dockerode over ssh2', async () => {
    const before = await ssh.logins();
    const r = await sb.cli('-v', 'version', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`docker: using ${ssh.host} (DOCKER_HOST)`);
    const { docker } = JSON.parse(r.stdout);
    const engine = await local.version();
    expect(docker).toMatchObject({ endpoint: ssh.host, source: 'DOCKER_HOST', version: engine.Version, error: null });
    const after = await ssh.logins();
    expect(after.ssh2).toBeGreaterThan(before.ssh2);
    console.log(
      `version: docker endpoint ${docker.endpoint} (${docker.source}), Docker Engine ${docker.version}, API ${docker.apiVersion}; ` +
        `sshd logins from ssh2 (dockerode): ${after.ssh2 - before.ssh2}`,
    );
  });

  it('up (kind, through `docker` and `ssh`), status and down over ssh', async () => {
    const before = await ssh.logins();
    const up = await sb.cli('-v', 'up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind, '--no-merge');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain(`docker: using ${ssh.host} (DOCKER_HOST)`);
    expect(await containers()).toEqual([`${name}-control-plane`]);
    const after = await ssh.logins();
    // kind drives the docker CLI, which logs in with the ssh binary; kindling's own calls come through ssh2.
    expect(after.openssh).toBeGreaterThan(before.openssh);
    expect(after.ssh2).toBeGreaterThan(before.ssh2);
    console.log(
      `up: kind cluster ${name} via ${ssh.host}; /var/run/docker.sock holds [${(await containers()).join(', ')}]; ` +
        `sshd logins during up: ${after.openssh - before.openssh} from OpenSSH (kind's docker CLI), ${after.ssh2 - before.ssh2} from ssh2 (dockerode)`,
    );

    const status = await sb.cli('status', name, '-o', 'json');
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).phase).toBe('running');
    console.log(`status: ${name} is ${JSON.parse(status.stdout).phase}`);

    const down = await sb.cli('down', name, '--yes');
    expect(down.code, down.stderr).toBe(0);
    expect(await containers()).toEqual([]);
    console.log(`down: ${name} removed; /var/run/docker.sock holds ${(await containers()).length} containers for it`);
  });
});
