// The S3 server the S3 state store is tested against (versitygw, test/support/integration/s3-server.ts), tested
// itself: the store's locks rely on conditional writes (PutObject with If-None-Match: * creates only when the key
// is absent, with If-Match: <etag> replaces only what was read; the loser gets 412 Precondition Failed), also
// under concurrent writers. A server upgrade that drops one of these fails here, not as a flaky store test.
import { randomBytes } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIntegration } from '../support/integration/env.js';
import { type S3Server, startS3Server } from '../support/integration/s3-server.js';

/** What one PUT ended with: its output, or the HTTP status and S3 error code it failed with. */
type Outcome = { ok: true; out: PutObjectCommandOutput } | { ok: false; status: number | undefined; code: string };

describeIntegration('the S3 test server (versitygw): conditional writes', () => {
  let s3: S3Server;
  // One attempt per request: a retried conditional PUT could turn a win into a 412 and blur the counts.
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3Server();
    client = s3.client({ maxAttempts: 1 });
    console.log(`[s3-server] ${s3.command.join(' ')}`);
  });

  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  const key = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

  async function put(input: Omit<PutObjectCommandInput, 'Bucket'>): Promise<Outcome> {
    try {
      return { ok: true, out: await client.send(new PutObjectCommand({ Bucket: s3.bucket, ...input })) };
    } catch (err) {
      if (!(err instanceof S3ServiceException)) throw err;
      return { ok: false, status: err.$metadata.httpStatusCode, code: err.name };
    }
  }

  async function body(k: string): Promise<string> {
    const r = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: k }));
    return r.Body!.transformToString();
  }

  async function etag(k: string): Promise<string> {
    return (await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: k }))).ETag!;
  }

  /** Tallies outcomes: 'ok' for successes, the HTTP status (and error code) for failures. */
  function tally(outcomes: Outcome[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of outcomes) {
      const k = o.ok ? 'ok' : `${o.status} ${o.code}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    // 'ok' first, then the failures by status: the printed lines line up.
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a === 'ok' ? -1 : b === 'ok' ? 1 : a.localeCompare(b))));
  }

  it('If-None-Match: * creates a new key, and fails with 412 on an existing one (leaving it as it was)', async () => {
    const k = key('create-only');
    const first = await put({ Key: k, Body: 'first', IfNoneMatch: '*' });
    expect(first.ok).toBe(true);
    const second = await put({ Key: k, Body: 'second', IfNoneMatch: '*' });
    expect(second).toEqual({ ok: false, status: 412, code: 'PreconditionFailed' });
    expect(await body(k)).toBe('first');
  });

  it('If-Match replaces only the ETag it names: the current one succeeds, a stale one fails with 412, a missing key with 404', async () => {
    const k = key('replace');
    const v1 = await put({ Key: k, Body: 'v1' });
    if (!v1.ok) throw new Error(`plain PUT failed: ${v1.status} ${v1.code}`);
    const etag1 = v1.out.ETag!;
    expect(await etag(k)).toBe(etag1);

    const v2 = await put({ Key: k, Body: 'v2', IfMatch: etag1 });
    if (!v2.ok) throw new Error(`If-Match with the current ETag failed: ${v2.status} ${v2.code}`);
    expect(v2.out.ETag).not.toBe(etag1);
    expect(await etag(k)).toBe(v2.out.ETag);

    // etag1 is stale now.
    expect(await put({ Key: k, Body: 'v3', IfMatch: etag1 })).toEqual({ ok: false, status: 412, code: 'PreconditionFailed' });
    expect(await body(k)).toBe('v2');

    // As on AWS S3: If-Match on a key that does not exist is 404 NoSuchKey, not 412.
    const missing = await put({ Key: key('never-written'), Body: 'x', IfMatch: etag1 });
    console.log(`[s3-server] If-Match on a missing key: ${missing.ok ? 'succeeded' : `${missing.status} ${missing.code}`}`);
    expect(missing).toEqual({ ok: false, status: 404, code: 'NoSuchKey' });
  });

  // Races are probabilistic: against a build of this server with its per-key publish lock removed, about one round in
  // ten shows two or more winners. Hence many rounds (each takes ~0.1s).
  const ROUNDS = 20;

  it(`50 concurrent If-None-Match: * PUTs to one new key (${ROUNDS} keys): exactly one wins, 49 get 412, the stored object is the winner’s`, async () => {
    const rounds: Record<string, number>[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const k = key(`race-create-${round}`);
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, (_, i) => put({ Key: k, Body: `writer ${i} of round ${round}`, IfNoneMatch: '*' })),
        );
        const counts = tally(outcomes);
        rounds.push(counts);
        expect(counts, `round ${round + 1} on ${k}`).toEqual({ ok: 1, '412 PreconditionFailed': 49 });
        const winner = outcomes.findIndex((o) => o.ok);
        expect(await body(k)).toBe(`writer ${winner} of round ${round}`);
        expect(await etag(k)).toBe((outcomes[winner] as { out: PutObjectCommandOutput }).out.ETag);
      }
    } finally {
      console.log(
        `[s3-server] If-None-Match races, 50 writers per key, outcomes per key:\n${rounds.map((c) => JSON.stringify(c)).join('\n')}`,
      );
    }
  });

  it(`20 concurrent If-Match PUTs with the same ETag (${ROUNDS} chained rounds): exactly one wins, 19 get 412, the stored object is the winner’s`, async () => {
    const k = key('race-replace');
    const base = await put({ Key: k, Body: 'generation 0' });
    if (!base.ok) throw new Error(`plain PUT failed: ${base.status} ${base.code}`);
    let current = base.out.ETag!;
    const rounds: Record<string, number>[] = [];
    try {
      // Chained, as a lock is renewed: each round replaces what the previous round's winner wrote.
      for (let round = 1; round <= ROUNDS; round++) {
        // Distinct bodies (the ETag is the content's MD5: equal bodies would give equal ETags).
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => put({ Key: k, Body: `generation ${round}, writer ${i}`, IfMatch: current })),
        );
        const counts = tally(outcomes);
        rounds.push(counts);
        expect(counts, `round ${round}`).toEqual({ ok: 1, '412 PreconditionFailed': 19 });
        const winner = outcomes.findIndex((o) => o.ok);
        const won = (outcomes[winner] as { out: PutObjectCommandOutput }).out.ETag!;
        expect(won).not.toBe(current);
        expect(await body(k)).toBe(`generation ${round}, writer ${winner}`);
        expect(await etag(k)).toBe(won);
        current = won;
      }
    } finally {
      console.log(
        `[s3-server] If-Match races on ${k}, 20 writers per round, outcomes per round:\n${rounds.map((c) => JSON.stringify(c)).join('\n')}`,
      );
    }
  });

  it('ServerSideEncryption AES256: accepted, conditional writes still hold, but not reported back', async () => {
    const k = key('sse');
    const r = await put({ Key: k, Body: 'secret', ServerSideEncryption: 'AES256', IfNoneMatch: '*' });
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: k })).catch((err: Error) => err);
    console.log(
      `[s3-server] PUT with ServerSideEncryption AES256: ${r.ok ? `accepted, response ServerSideEncryption=${r.out.ServerSideEncryption}` : `${r.status} ${r.code}`}; ` +
        `HeadObject ServerSideEncryption=${head instanceof Error ? `error ${head.name}` : head.ServerSideEncryption}`,
    );
    // versitygw's POSIX backend accepts the header and stores nothing for it (it does not encrypt at rest): the
    // responses carry no x-amz-server-side-encryption. AWS S3 would say AES256 in both.
    expect(r.ok).toBe(true);
    expect(r.ok && r.out.ServerSideEncryption).toBeUndefined();
    expect(head).not.toBeInstanceOf(Error);
    expect((head as { ServerSideEncryption?: string }).ServerSideEncryption).toBeUndefined();
    expect(await body(k)).toBe('secret');
    expect(await put({ Key: k, Body: 'again', ServerSideEncryption: 'AES256', IfNoneMatch: '*' })).toEqual({
      ok: false,
      status: 412,
      code: 'PreconditionFailed',
    });
  });
});
