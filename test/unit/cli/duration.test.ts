import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { parseDuration } from '../../../src/cli/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['1.5s', 1_500],
    ['2m500ms', 120_500],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text, '--timeout')).toBe(ms);
  });

  it.each(['90', '5 m', '5min', '-5s', '', 's', '1d', '5m ', 'm5'])('refuses %j with the flag named', (text) => {
    let err: unknown;
    try {
      parseDuration(text, '--wait');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({ message: `--wait "${text}" is not a duration`, hint: 'for example --wait 90s or --wait 5m', exitCode: 2 });
  });
});
