// The object backend on S3 and S3-compatible servers, through @aws-sdk/client-s3 (loaded on first use, so a
// directory store never pays for it). Credentials and region come from the SDK's own provider chain (env,
// profiles, SSO); an endpoint (--s3-endpoint, AWS_ENDPOINT_URL_S3) selects another server, addressed path-style.
// Every failure of the service becomes a typed error with exit 5 and the fix in one line.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { EnvironmentError } from '../errors.js';
import { type ObjectBackend, PreconditionFailed } from './object-backend.js';

/** Where the store is: s3://bucket/prefix, and how to reach it. */
export interface S3Location {
  bucket: string;
  /** '' or a prefix ending in '/'. */
  prefix: string;
  /** Another server's URL (path-style addressing), else AWS. */
  endpoint?: string;
  /** Else the SDK's chain (AWS_REGION, profile), else us-east-1. */
  region?: string;
}

/** Parses `s3://bucket[/prefix]`; undefined for anything else. */
export function parseS3Url(url: string): Pick<S3Location, 'bucket' | 'prefix'> | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) return undefined;
  const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: m[1]!, prefix: prefix === '' ? '' : `${prefix}/` };
}

interface AwsError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The store's failure as kindling's error: exit 5, what is wrong, and the fix. */
export function s3Failure(err: unknown, where: string): unknown {
  const e = err as AwsError;
  const code = e.name ?? e.Code ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const said = e.message ? ` (${e.message})` : '';
  if (code === 'NoSuchBucket')
    return new EnvironmentError(
      's3-bucket-missing',
      `the state store's bucket does not exist: ${where}`,
      'create it first (`aws s3 mb s3://BUCKET`), or fix --state',
    );
  if (code === 'CredentialsProviderError')
    return new EnvironmentError(
      's3-no-credentials',
      `no AWS credentials for the state store ${where}`,
      'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE (aws configure / aws sso login)',
    );
  if (['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken'].includes(code) || status === 403)
    return new EnvironmentError(
      's3-access-denied',
      `the state store ${where} refused these credentials${said}`,
      'check AWS_PROFILE / AWS_ACCESS_KEY_ID and that they may read and write the bucket',
    );
  if (['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException'].includes(code) || status === 301)
    return new EnvironmentError(
      's3-wrong-region',
      `the state store ${where} is in another region${said}`,
      "set AWS_REGION to the bucket's region",
    );
  if (code === 'RequestTimeTooSkewed')
    return new EnvironmentError(
      's3-clock-skew',
      `the state store ${where} refused the request: this machine's clock is off${said}`,
      'set the clock right (NTP) and try again',
    );
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'TimeoutError', 'RequestTimeout'].includes(code) ||
    /ECONNREFUSED|ENOTFOUND|timed? ?out/i.test(e.message ?? '')
  )
    return new EnvironmentError(
      's3-unreachable',
      `cannot reach the state store ${where}${said}`,
      'check --s3-endpoint / AWS_ENDPOINT_URL_S3 and the network',
    );
  return err;
}

const isPrecondition = (err: unknown) => {
  const e = err as AwsError;
  const status = e.$metadata?.httpStatusCode;
  // 412: the condition failed; 409 ConditionalRequestConflict: another conditional write to the key raced it.
  return status === 412 || e.name === 'PreconditionFailed' || e.name === 'ConditionalRequestConflict' || status === 409;
};
const isMissing = (err: unknown) => {
  const e = err as AwsError;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
};

/** The S3 backend; the SDK client is made on the first request. */
export function s3Backend(
  location: S3Location,
  env: Record<string, string | undefined>,
  log: (message: string) => void = () => undefined,
): ObjectBackend {
  const { bucket, prefix } = location;
  const where = `s3://${bucket}/${prefix}`;
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () =>
    (client ??= (async () => {
      // The SDK warns on Node 20 that its releases after January 2027 will need Node 22; the version kindling
      // pins runs on Node 20, so that warning says nothing to a kindling user.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      const sdk = await import('@aws-sdk/client-s3');
      const endpoint = location.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
      // Keys in the environment kindling was given (a library caller's env, not only process.env); else the
      // SDK's own chain: process.env, profiles, SSO, instance roles.
      const keys =
        env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
          ? {
              credentials: {
                accessKeyId: env.AWS_ACCESS_KEY_ID,
                secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
              },
            }
          : {};
      log(
        `state store ${where} at ${endpoint ?? 'AWS'} (region ${location.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1'}${endpoint ? ', path-style' : ''})`,
      );
      const s3 = new sdk.S3Client({
        ...keys,
        region: location.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
        ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
        maxAttempts: 3,
        // Bytes are checked against their ETag (get, below); the SDK's own check of a checksum header fails reads that
        // race a write on some servers instead of reading again.
        responseChecksumValidation: 'WHEN_REQUIRED',
        // A store that answers slowly must not hang `list`: bounded connect and request times, the SDK's retries.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
      });
      return { s3, sdk };
    })());
  const key = (k: string) => `${prefix}${k}`;
  let conditionalDelete = true;
  const call = async <T>(fn: (c: { s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }) => Promise<T>, k: string): Promise<T> => {
    try {
      return await fn(await connect());
    } catch (err) {
      if (err instanceof PreconditionFailed) throw err;
      if (isPrecondition(err)) throw new PreconditionFailed(k);
      throw s3Failure(err, where);
    }
  };
  const getObject = async (k: string) =>
    call(async ({ s3, sdk }) => {
      try {
        return await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key(k) }));
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    }, k);

  return {
    location: where,
    async get(k) {
      // A read that races a write may get one version's bytes with another's ETag (seen on versitygw); a write
      // conditional on that ETag would then replace a version never read. A single PUT's ETag is the MD5 of its
      // bytes, so a torn read shows, and is read again.
      for (let attempt = 1; ; attempt++) {
        const r = await getObject(k);
        if (r?.Body === undefined) return undefined;
        const body = Buffer.from(await r.Body.transformToByteArray());
        const etag = r.ETag ?? '';
        if (!/^"[0-9a-f]{32}"$/.test(etag) || `"${createHash('md5').update(body).digest('hex')}"` === etag || attempt >= 10) {
          return { body, etag };
        }
      }
    },
    async getStream(k) {
      const r = await getObject(k);
      return r?.Body as Readable | undefined;
    },
    async put(k, body, opts = {}) {
      const r = await call(
        ({ s3, sdk }) =>
          s3.send(
            new sdk.PutObjectCommand({
              Bucket: bucket,
              Key: key(k),
              ...(Buffer.isBuffer(body) ? { Body: body } : { Body: body.stream, ContentLength: body.length }),
              ...(opts.ifNoneMatch ? { IfNoneMatch: opts.ifNoneMatch } : {}),
              ...(opts.ifMatch ? { IfMatch: opts.ifMatch } : {}),
              ...(opts.encrypt ? { ServerSideEncryption: 'AES256' as const } : {}),
            }),
          ),
        k,
      );
      return { etag: r.ETag ?? '', encrypted: r.ServerSideEncryption !== undefined };
    },
    async delete(k, opts = {}) {
      await call(async ({ s3, sdk }) => {
        if (opts.ifMatch && conditionalDelete) {
          try {
            await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key(k), IfMatch: opts.ifMatch }));
            return;
          } catch (err) {
            if (isPrecondition(err)) throw err;
            if (isMissing(err)) return;
            if ((err as AwsError).name !== 'NotImplemented') throw err;
            conditionalDelete = false;
          }
        }
        if (opts.ifMatch) {
          // A server without conditional deletes: read the ETag, delete only an unchanged object.
          const head = await s3
            .send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key(k) }))
            .catch((err) => (isMissing(err) ? undefined : Promise.reject(err)));
          if (head === undefined) return;
          if (head.ETag !== opts.ifMatch) throw new PreconditionFailed(k);
        }
        await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key(k) }));
      }, k);
    },
    async list(p, delimiter) {
      return call(async ({ s3, sdk }) => {
        const keys: string[] = [];
        const prefixes: string[] = [];
        let token: string | undefined;
        do {
          const r = await s3.send(
            new sdk.ListObjectsV2Command({
              Bucket: bucket,
              Prefix: key(p),
              ...(delimiter ? { Delimiter: delimiter } : {}),
              ...(token ? { ContinuationToken: token } : {}),
            }),
          );
          for (const o of r.Contents ?? []) if (o.Key) keys.push(o.Key.slice(prefix.length));
          for (const c of r.CommonPrefixes ?? []) if (c.Prefix) prefixes.push(c.Prefix.slice(prefix.length));
          token = r.IsTruncated ? r.NextContinuationToken : undefined;
        } while (token);
        return { keys: keys.sort(), prefixes: prefixes.sort() };
      }, p);
    },
    async copy(from, to) {
      await call(
        ({ s3, sdk }) =>
          s3.send(
            new sdk.CopyObjectCommand({
              Bucket: bucket,
              Key: key(to),
              CopySource: `${bucket}/${key(from).split('/').map(encodeURIComponent).join('/')}`,
            }),
          ),
        from,
      );
    },
  };
}
