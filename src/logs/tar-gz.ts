// A .tar.gz written while it is built: tar-stream makes the tar entries, Node's zlib compresses them, into a 0600
// temporary file beside the target. At the end the file is published whole (renamed over the target, or
// hard-linked to it when nothing may be replaced, which fails rather than overwrite) or removed.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, link, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { ConflictError } from '../errors.js';

/** An archive being written. */
export interface TarGzWriter {
  /** Adds one file (0600) with `body` as its content. */
  add(name: string, body: string | Buffer): Promise<void>;
  /** Ends the archive and puts it at its path; returns its size. */
  finish(): Promise<{ bytes: number }>;
  /** Drops the archive: nothing is left behind. */
  discard(): Promise<void>;
}

/** The error for a target that exists and may not be replaced. */
export function archiveExists(path: string): ConflictError {
  return new ConflictError('file-exists', `${path} already exists`, 'name another file with --out, or pass --force to replace it');
}

/** Starts writing a .tar.gz that will be `path`; with `replace` false an existing file there is never touched. */
export function openTarGz(path: string, opts: { replace: boolean; mtime: Date }): TarGzWriter {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const tar = pack();
  const written = pipeline(Readable.from(tar), createGzip(), createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }));
  // Seen by finish() or discard(); this keeps an early failure from being an unhandled rejection meanwhile.
  written.catch(() => undefined);
  const discard = async () => {
    tar.destroy();
    await written.catch(() => undefined);
    await rm(tmp, { force: true });
  };
  return {
    add: (name, body) =>
      new Promise<void>((resolve, reject) => {
        const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        tar.entry({ name, mode: 0o600, mtime: opts.mtime, size: data.length }, data, (err) => (err ? reject(err) : resolve()));
      }),
    async finish() {
      tar.finalize();
      try {
        await written;
        await chmod(tmp, 0o600);
        if (opts.replace) await rename(tmp, path);
        else {
          await link(tmp, path).catch((err: NodeJS.ErrnoException) => {
            throw err.code === 'EEXIST' ? archiveExists(path) : err;
          });
          await rm(tmp, { force: true });
        }
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { bytes: (await stat(path)).size };
    },
    discard,
  };
}
