// Reads a .tar.gz back for assertions: every entry's name, mode and text, in archive order.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

/** One entry of the archive. */
export interface TarEntry {
  name: string;
  mode: number;
  text: string;
}

/** The entries of the .tar.gz at `path`. */
export async function tarGzEntries(path: string): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const ex = extract();
  createReadStream(path).pipe(createGunzip()).pipe(ex);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from(entry)) chunks.push(Buffer.from(chunk as Buffer));
    entries.push({ name: entry.header.name, mode: entry.header.mode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
  }
  return entries;
}
