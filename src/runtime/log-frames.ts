// Docker's log stream of a container without a TTY multiplexes stdout and stderr in frames: one byte for the
// stream (0 stdin, 1 stdout, 2 stderr), three zero bytes, a big-endian 32-bit length, then that many bytes.
// A TTY container's stream is the raw bytes.

function isHeader(body: Buffer, at: number): boolean {
  return body[at]! <= 2 && body[at + 1] === 0 && body[at + 2] === 0 && body[at + 3] === 0;
}

/** The text of a `GET /containers/{id}/logs` answer: frames unwrapped in order (stdout and stderr interleaved
 * as written), or the bytes as they are when the container has a TTY. From a byte that is not a frame header
 * on (or a truncated frame), the rest is kept as it is rather than dropped. */
export function demuxLogs(body: Buffer, tty: boolean): string {
  if (tty) return body.toString('utf8');
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    if (at + 8 > body.length || !isHeader(body, at)) {
      parts.push(body.subarray(at));
      break;
    }
    const size = body.readUInt32BE(at + 4);
    parts.push(body.subarray(at + 8, Math.min(body.length, at + 8 + size)));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}
