// Writes a file so that readers see the old content or the new, never half: temp file + fsync + rename.
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Atomically replaces `path` with `content`, created with `mode` (default 0600). */
export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Atomically replaces `path` with what `data` streams (a string is written as UTF-8), created 0600; returns the
 * size and sha256 of what was written, computed while it streams. A failed stream leaves nothing behind.
 */
export async function writeStreamAtomic(path: string, data: string | Readable): Promise<{ bytes: number; sha256: string }> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    const source = typeof data === 'string' ? Readable.from([Buffer.from(data, 'utf8')]) : data;
    // flush: the data is on disk (fsync) before the stream closes, so the rename never publishes a torn file.
    await pipeline(source, count, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { bytes, sha256: hash.digest('hex') };
}
