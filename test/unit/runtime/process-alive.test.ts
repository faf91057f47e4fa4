import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { isZombie, processAlive } from '../../../src/runtime/process-alive.js';

describe('processAlive', () => {
  it('this process lives; no pid, or one that is gone, does not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(0)).toBe(false);
    expect(processAlive(-1)).toBe(false);
    expect(processAlive(2 ** 22 + 1)).toBe(false);
  });

  it('reads the state after the last ")" of /proc/PID/stat, whatever the command is called', () => {
    const stat = (state: string) => () => `4242 (a (weird) cmd) ${state} 1 4242 4242 0 -1`;
    expect(isZombie(4242, stat('Z'))).toBe(true);
    expect(isZombie(4242, stat('X'))).toBe(true);
    expect(isZombie(4242, stat('S'))).toBe(false);
    expect(isZombie(4242, stat('R'))).toBe(false);
    expect(
      isZombie(4242, () => {
        throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      }),
    ).toBe(false);
  });

  // A real zombie: sh starts a short child and execs a `sleep` that never waits for it.
  it.skipIf(!existsSync('/proc/self/stat'))('a zombie (exited, never reaped) is not alive, though signal 0 reaches it', async () => {
    const parent = execa('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { reject: false });
    try {
      const zombie = await new Promise<number>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      for (let i = 0; i < 100 && !isZombie(zombie); i++) await sleep(50);
      expect(isZombie(zombie)).toBe(true);
      expect(() => process.kill(zombie, 0)).not.toThrow();
      expect(processAlive(zombie)).toBe(false);
      expect(processAlive(parent.pid!)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
      await parent;
    }
  });
});
