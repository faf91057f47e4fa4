// A real S3 server on 127.0.0.1 for the S3 state store's tests: versitygw (built by scripts/test-env/build-s3.sh
// into .cache/bin) with its POSIX backend on a fresh temp dir, a generated root access key, and one bucket.
// Object metadata (ETags among it) goes to a sidecar directory instead of extended attributes, so the server
// runs the same on a temp dir whose filesystem has no user xattrs (tmpfs before Linux 6.6, some overlays).
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { execa, type ResultPromise } from 'execa';
import { integrationEnv } from './env.js';

/** A running S3 server with one bucket. */
export interface S3Server {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** AWS_* variables (and AWS_ENDPOINT_URL_S3) that point an AWS SDK or CLI at this server. */
  env: Record<string, string>;
  /** The server's command line, for messages (the secret shown as <secret>). */
  command: string[];
  /** A path-style client for this server; `overrides` are merged into its configuration. */
  client(overrides?: Partial<S3ClientConfig>): S3Client;
  /** Kills the server and removes its files. */
  stop(): Promise<void>;
}

export interface S3ServerOptions {
  /** The versitygw binary (default: the one the integration set-up built). */
  binary?: string;
  /** The bucket to create (default `kindling-test`). */
  bucket?: string;
}

const REGION = 'us-east-1';
const HEALTH = '/health';
const READY_TIMEOUT_MS = 20_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Uppercase letters and digits, like an AWS access key id. */
function accessKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AKKL${[...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

type Proc = ResultPromise<{ reject: false; extendEnv: false; env: Record<string, string>; all: true }>;

/** Resolves when GET /health answers 200; rejects with the server's output when it exits or does not answer in time. */
async function waitReady(proc: Proc, endpoint: string, command: string[], secret: string): Promise<void> {
  let exited = false;
  void proc.then(() => void (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${endpoint}${HEALTH}`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  if (!exited) proc.kill('SIGKILL');
  const r = await proc;
  const why = !exited
    ? `did not answer ${HEALTH} within ${READY_TIMEOUT_MS / 1000}s`
    : r.exitCode !== undefined
      ? `exited with code ${r.exitCode}`
      : r.signal
        ? `was killed by ${r.signal}`
        : 'did not start';
  // Its stdout and stderr, or why it could not be run (e.g. "spawn … ENOENT").
  const output = (r.all || ('originalMessage' in r ? String(r.originalMessage) : '') || '(no output)').replaceAll(secret, '<secret>');
  throw new Error(`S3 server ${why}: ${command.join(' ')}\n${output}`);
}

/** Starts versitygw on 127.0.0.1 at a free port and creates the bucket. */
export async function startS3Server(opts: S3ServerOptions = {}): Promise<S3Server> {
  const binary = opts.binary ?? integrationEnv().s3Server;
  const bucket = opts.bucket ?? 'kindling-test';
  const dir = await mkdtemp(join(tmpdir(), 'kindling-s3-'));
  const data = join(dir, 'data');
  const meta = join(dir, 'meta');
  await mkdir(data);
  await mkdir(meta);
  const accessKeyId = accessKey();
  const secretAccessKey = randomBytes(30).toString('base64url');

  let proc: Proc | undefined;
  let endpoint = '';
  let command: string[] = [];
  try {
    // A port free now may be taken before the server binds it: a few tries.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      endpoint = `http://127.0.0.1:${port}`;
      const args = [
        '--access',
        accessKeyId,
        '--secret',
        secretAccessKey,
        '--region',
        REGION,
        '--port',
        `127.0.0.1:${port}`,
        '--health',
        HEALTH,
        '--quiet',
        'posix',
        '--sidecar',
        meta,
        data,
      ];
      command = [binary, ...args.map((a) => (a === secretAccessKey ? '<secret>' : a))];
      // No inherited environment: versitygw reads its settings from VGW_* / ROOT_* variables too.
      proc = execa(binary, args, { reject: false, extendEnv: false, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, all: true });
      try {
        await waitReady(proc, endpoint, command, secretAccessKey);
        break;
      } catch (err) {
        proc = undefined;
        if (attempt < 3 && /address already in use/i.test((err as Error).message)) continue;
        throw err;
      }
    }

    const client = (overrides: Partial<S3ClientConfig> = {}) =>
      new S3Client({
        endpoint,
        region: REGION,
        forcePathStyle: true,
        credentials: { accessKeyId, secretAccessKey },
        ...overrides,
      });
    const admin = client();
    try {
      await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    } finally {
      admin.destroy();
    }

    const running = proc;
    let stopped: Promise<void> | undefined;
    return {
      endpoint,
      bucket,
      accessKeyId,
      secretAccessKey,
      region: REGION,
      env: {
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secretAccessKey,
        AWS_REGION: REGION,
        AWS_DEFAULT_REGION: REGION,
        AWS_ENDPOINT_URL_S3: endpoint,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      command,
      client,
      stop: () =>
        (stopped ??= (async () => {
          await stopProcess(running);
          await rm(dir, { recursive: true, force: true });
        })()),
    };
  } catch (err) {
    if (proc) await stopProcess(proc);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** SIGTERM, then SIGKILL after 5s; resolves once the process is gone. */
async function stopProcess(proc: Proc): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill('SIGTERM');
  const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  try {
    await proc;
  } finally {
    clearTimeout(killer);
  }
}
