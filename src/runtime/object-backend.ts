// What the object store needs from an object storage service (S3 and the servers that speak its API): whole
// objects read and written by key, conditional writes (`If-None-Match: *` creates only what is absent,
// `If-Match: <etag>` replaces only what was read), listing by prefix, deletes and copies. s3-backend.ts is the
// real one; tests use an in-memory one.
import type { Readable } from 'node:stream';

/** A conditional write or delete found the object not as the caller expected (HTTP 412, or 409 on a race). */
export class PreconditionFailed extends Error {
  constructor(readonly key: string) {
    super(`precondition failed for ${key}`);
  }
}

/** An object as read: its bytes and its ETag. */
export interface StoredObject {
  body: Buffer;
  etag: string;
}

/** How to write. */
export interface PutOptions {
  /** Create only: fail with PreconditionFailed when the key exists. */
  ifNoneMatch?: '*';
  /** Replace only this version: fail with PreconditionFailed when the ETag differs or the key is gone. */
  ifMatch?: string;
  /** Ask for server-side encryption (the object holds credentials). */
  encrypt?: boolean;
}

/** An object storage service, addressed by keys relative to the store's prefix. */
export interface ObjectBackend {
  /** `s3://bucket/prefix`, for messages. */
  readonly location: string;
  get(key: string): Promise<StoredObject | undefined>;
  /** The object's bytes as a stream, or undefined when there is none. */
  getStream(key: string): Promise<Readable | undefined>;
  /** Writes an object; a stream needs its length. Returns the new ETag, and whether the server says it encrypted it. */
  put(key: string, body: Buffer | { stream: Readable; length: number }, opts?: PutOptions): Promise<{ etag: string; encrypted?: boolean }>;
  /** Deletes an object (nothing when it is not there); with ifMatch, only that version. */
  delete(key: string, opts?: { ifMatch?: string }): Promise<void>;
  /** Every key under the prefix, sorted; with a delimiter, the keys directly under it and the sub-prefixes. */
  list(prefix: string, delimiter?: '/'): Promise<{ keys: string[]; prefixes: string[] }>;
  copy(from: string, to: string): Promise<void>;
}
