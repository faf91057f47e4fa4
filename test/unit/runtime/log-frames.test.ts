import { describe, expect, it } from 'vitest';
import { demuxLogs } from '../../../src/runtime/log-frames.js';

/** One frame as Docker sends it: stream byte, three zeros, big-endian length, payload. */
function frame(stream: number, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('demuxLogs', () => {
  it('unwraps stdout and stderr frames in the order they were written', () => {
    const body = Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 1\n'), frame(1, 'out 2\n')]);
    expect(demuxLogs(body, false)).toBe('out 1\nerr 1\nout 2\n');
  });

  it("a TTY container's log is raw bytes", () => {
    expect(demuxLogs(Buffer.from('\u0001 raw tty text\n'), true)).toBe('\u0001 raw tty text\n');
  });

  it('keeps a truncated last frame and text that is not framed', () => {
    const cut = frame(1, 'complete line\n').subarray(0, 12);
    expect(demuxLogs(Buffer.concat([frame(1, 'a\n'), cut]), false)).toBe('a\ncomp');
    expect(demuxLogs(Buffer.from('plain text, no frames\n'), false)).toBe('plain text, no frames\n');
  });

  it('an empty log is empty', () => {
    expect(demuxLogs(Buffer.alloc(0), false)).toBe('');
  });
});
