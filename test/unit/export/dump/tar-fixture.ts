// A tiny ustar writer for tests: the shape of what Docker's archive endpoint sends for a folder (the folder's own
// name as the top entry, then its contents), without a tar library.

/** One entry: a folder (name ends in `/`) or a file with its text. */
export interface TarEntry {
  name: string;
  content?: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, dir: boolean): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(dir ? 0o755 : 0o644, 8), 100);
  block.write(octal(999, 8), 108);
  block.write(octal(999, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(1_700_000_000, 12), 136);
  block.write(dir ? '5' : '0', 156);
  block.write('ustar\u000000', 257);
  block.fill(' ', 148, 156);
  const sum = block.reduce((a, b) => a + b, 0);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The entries as a tar archive. */
export function tarOf(entries: readonly TarEntry[]): Buffer {
  const parts = entries.flatMap((e) => {
    const data = Buffer.from(e.content ?? '', 'utf8');
    const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
    return [header(e.name, data.length, e.name.endsWith('/')), data, padding];
  });
  return Buffer.concat([...parts, Buffer.alloc(1024)]);
}
