// Restarts the Docker engine the tests use, as a user's reboot or Docker Desktop update would: systemd's
// docker unit where there is one, else the engine ../shared/ci/dockerd-up started (stopped with SIGTERM,
// which stops its containers, then started again by the same script). Returns once `docker info` answers.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';

const dockerdUp = resolve(import.meta.dirname, '../../../../shared/ci/dockerd-up');

async function answers(): Promise<boolean> {
  return (await execa('docker', ['info', '--format', '{{.ServerVersion}}'], { reject: false, timeout: 10_000 })).exitCode === 0;
}

/** Whether this machine's engine may be restarted by a test: CI, or a developer who asked for it. */
export function mayRestartDocker(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CI === 'true' || env.KINDLING_RESTART_DOCKER === '1') return undefined;
  return 'restarting the Docker engine stops every container on it: set KINDLING_RESTART_DOCKER=1 to allow it (CI does)';
}

/** Stops the engine and starts it again. */
export async function restartDocker(): Promise<void> {
  const systemd = await execa('systemctl', ['is-active', '--quiet', 'docker'], { reject: false });
  if (systemd.exitCode === 0) {
    await execa('systemctl', ['restart', 'docker']);
  } else {
    if (!existsSync(dockerdUp)) throw new Error(`no systemd unit and no ${dockerdUp}: cannot restart Docker here`);
    await execa('pkill', ['-TERM', '-x', 'dockerd']);
    for (let i = 0; i < 120 && (await execa('pgrep', ['-x', 'dockerd'], { reject: false })).exitCode === 0; i++) await sleep(500);
    await execa(dockerdUp, [], { stdout: 'inherit', stderr: 'inherit' });
  }
  for (let i = 0; i < 60 && !(await answers()); i++) await sleep(1000);
  if (!(await answers())) throw new Error('the Docker engine did not come back after the restart');
  await removeStaleBridges();
}

/**
 * Deletes the host's Docker-style bridges (`br-` and 12 hex digits) that no network of the engine owns any more.
 * Restarting engines (and a second engine on the same host) can leave one behind with its subnet's route: kindling
 * then gets that subnet again for the `kind` network, the kernel has two routes for it, and the stale one (link down)
 * swallows the traffic to published ports (the API server answers ECONNRESET). Returns the bridges deleted.
 */
/** Where second-docker.ts's engine listens (scripts/test-env/dockerd-second.sh). */
const SECOND_SOCKET = `${process.env.KINDLING_SECOND_DOCKER_DIR ?? '/tmp/kindling-second-docker'}/docker.sock`;

export async function removeStaleBridges(): Promise<string[]> {
  const links = await execa('ip', ['-o', 'link', 'show', 'type', 'bridge'], { reject: false });
  const bridges = [...String(links.stdout).matchAll(/^\d+: (br-[0-9a-f]{12})[:@]/gm)].map((m) => m[1]!);
  if (bridges.length === 0) return [];
  const ids = String((await execa('docker', ['network', 'ls', '--no-trunc', '-q'])).stdout).split('\n');
  // A second engine on this host (second-docker.ts) owns bridges of its own: they are not stale.
  if (existsSync(SECOND_SOCKET)) {
    const second = await execa('docker', ['-H', `unix://${SECOND_SOCKET}`, 'network', 'ls', '--no-trunc', '-q'], { reject: false });
    if (second.exitCode === 0) ids.push(...String(second.stdout).split('\n'));
  }
  const stale = bridges.filter((b) => !ids.some((id) => id.startsWith(b.slice('br-'.length))));
  for (const b of stale) await execa('ip', ['link', 'delete', b], { reject: false });
  return stale;
}
