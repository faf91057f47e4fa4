// Prepares the integration tier: a Docker engine, the real kind v0.33.0 (and v0.32.0 beside it) and k3d v5.9.0 binaries (built from
// their Go modules into .cache/bin), versitygw v1.8.0 (the real S3 server the S3 state store is tested against, also in
// .cache/bin) and the stand-in node images. In CI (CI=true or KINDLING_REQUIRE_INTEGRATION=1) anything missing fails the run;
// elsewhere the tier is skipped with the reason.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import type { TestProject } from 'vitest/node';
import type { IntegrationEnv } from '../support/integration/env.js';
import { removeStaleBridges } from '../support/integration/restart-docker.js';

const repo = resolve(import.meta.dirname, '../..');
const cache = process.env.KINDLING_CACHE ?? join(repo, '.cache');
const binDir = join(cache, 'bin');
const s3Server = join(binDir, 'versitygw');
const dockerdUp = resolve(repo, '../shared/ci/dockerd-up');
const required = process.env.CI === 'true' || process.env.KINDLING_REQUIRE_INTEGRATION === '1';

async function dockerAnswers(): Promise<string | undefined> {
  const r = await execa('docker', ['info', '--format', '{{.ServerVersion}}'], { reject: false, timeout: 15_000 });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

async function step(title: string, file: string, args: string[] = []): Promise<void> {
  console.log(`[integration setup] ${title}`);
  const r = await execa(file, args, { reject: false, stdout: 'inherit', stderr: 'inherit', env: { KINDLING_CACHE: cache } });
  if (r.exitCode !== 0) throw new Error(`${title} failed (exit ${r.exitCode}); run \`${file} ${args.join(' ')}\` to see why`);
}

async function prepare(): Promise<IntegrationEnv> {
  let docker = await dockerAnswers();
  if (!docker && required && existsSync(dockerdUp)) {
    await step('no Docker engine answers: starting one with ../shared/ci/dockerd-up', dockerdUp);
    docker = await dockerAnswers();
  }
  if (!docker) {
    throw new Error('Docker is not reachable: start Docker (or, on the project machines, run ../shared/ci/dockerd-up)');
  }
  // A bridge an engine restart left behind would take the traffic of the `kind` network's subnet (see removeStaleBridges).
  const stale = await removeStaleBridges();
  if (stale.length > 0) console.log(`[integration setup] deleted stale Docker bridges no network owns: ${stale.join(', ')}`);
  await step('building kind v0.33.0, kind v0.32.0 and k3d v5.9.0 (cached in .cache/bin)', join(repo, 'scripts/test-env/build-engines.sh'));
  await step('building the S3 server versitygw v1.8.0 (cached in .cache/bin)', join(repo, 'scripts/test-env/build-s3.sh'));
  await step(
    'building the control planes the stand-in nodes run: kube-apiserver, kube-controller-manager, kube-scheduler of Kubernetes v1.36.1 and v1.37.0; etcd, kubectl, kubeadm, kwok (cached)',
    join(repo, 'scripts/test-env/build-control-plane.sh'),
  );
  await step('building stand-in node images (cached by content hash)', join(repo, 'scripts/test-env/build-images.sh'));
  const kind = (await execa(join(binDir, 'kind'), ['version'])).stdout.trim();
  const k3d = (await execa(join(binDir, 'k3d'), ['version'])).stdout.split('\n')[0]!.trim();
  const previous = (await execa(join(binDir, 'kind-v0.32.0'), ['version'])).stdout.trim();
  if (!kind.includes('v0.33.0') || !previous.includes('v0.32.0') || !k3d.includes('v5.9.0')) {
    throw new Error(`unexpected engine versions: ${kind} / ${previous} / ${k3d}`);
  }
  const s3 = (await execa(s3Server, ['--version'])).stdout;
  if (!/^Version\s*:\s*v1\.8\.0$/m.test(s3)) throw new Error(`unexpected versitygw version: ${s3.split('\n')[0]}`);
  return { enabled: true, reason: '', binDir, kind, k3d, docker, s3Server };
}

/** vitest global setup: provides `integration` to the tests. */
export default async function setup(project: TestProject): Promise<void> {
  let env: IntegrationEnv;
  try {
    // Each project that uses this set-up (integration, engine-restart) runs it, at the same time, in vitest's
    // main process: they share one preparation instead of building everything twice.
    const shared = globalThis as { kindlingIntegrationSetup?: Promise<IntegrationEnv> };
    env = await (shared.kindlingIntegrationSetup ??= prepare());
    console.log(`[integration setup] running against ${env.kind}; ${env.k3d}; Docker Engine ${env.docker}`);
  } catch (err) {
    const reason = (err as Error).message;
    if (required) throw new Error(`integration tier cannot run, and CI requires it: ${reason}`);
    console.log(`\n[integration setup] SKIPPING the integration tier: ${reason}\n`);
    env = { enabled: false, reason, binDir, kind: '', k3d: '', docker: '', s3Server };
  }
  project.provide('integration', env);
}
