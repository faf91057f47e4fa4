// An in-memory object backend with S3's conditional-write rules, for unit tests of the object store (the real
// server is tested in the integration tier). ETags change with every write.
import { Readable } from 'node:stream';
import { type ObjectBackend, PreconditionFailed, type PutOptions } from '../../../src/runtime/object-backend.js';

/** The backend, and what it holds and was asked to encrypt. */
export class MemoryObjects implements ObjectBackend {
  readonly location = 's3://memory/';
  readonly objects = new Map<string, { body: Buffer; etag: string; encrypted: boolean }>();
  private version = 0;
  /** Answers every encrypted write with NotImplemented, as servers without SSE do. */
  refuseEncryption = false;

  async get(key: string) {
    const o = this.objects.get(key);
    return o ? { body: Buffer.from(o.body), etag: o.etag } : undefined;
  }

  async getStream(key: string) {
    const o = this.objects.get(key);
    return o ? Readable.from([Buffer.from(o.body)]) : undefined;
  }

  async put(key: string, body: Buffer | { stream: Readable; length: number }, opts: PutOptions = {}) {
    const bytes = Buffer.isBuffer(body) ? body : await collect(body.stream);
    const current = this.objects.get(key);
    if (opts.ifNoneMatch === '*' && current) throw new PreconditionFailed(key);
    if (opts.ifMatch !== undefined && current?.etag !== opts.ifMatch) throw new PreconditionFailed(key);
    if (opts.encrypt && this.refuseEncryption)
      throw Object.assign(new Error('server-side encryption is not implemented'), { name: 'NotImplemented' });
    const etag = `"${++this.version}"`;
    this.objects.set(key, { body: bytes, etag, encrypted: opts.encrypt === true });
    return { etag, encrypted: opts.encrypt === true };
  }

  async delete(key: string, opts: { ifMatch?: string } = {}) {
    const current = this.objects.get(key);
    if (current && opts.ifMatch !== undefined && current.etag !== opts.ifMatch) throw new PreconditionFailed(key);
    this.objects.delete(key);
  }

  async list(prefix: string, delimiter?: '/') {
    const keys: string[] = [];
    const prefixes = new Set<string>();
    for (const k of [...this.objects.keys()].sort()) {
      if (!k.startsWith(prefix)) continue;
      const slash = delimiter ? k.indexOf('/', prefix.length) : -1;
      if (slash >= 0) prefixes.add(k.slice(0, slash + 1));
      else keys.push(k);
    }
    return { keys, prefixes: [...prefixes].sort() };
  }

  async copy(from: string, to: string) {
    const o = this.objects.get(from);
    if (o) this.objects.set(to, { ...o, etag: `"${++this.version}"` });
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}
