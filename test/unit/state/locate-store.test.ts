import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { s3CacheDir, stateLocation } from '../../../src/state/locate-store.js';

describe('stateLocation', () => {
  const env = { KINDLING_STATE: '/env/state', XDG_STATE_HOME: '/xdg', HOME: '/home/me' };

  it('the flag wins over everything', () => {
    expect(stateLocation('/flag/state', env)).toBe('/flag/state');
  });

  it('then KINDLING_STATE', () => {
    expect(stateLocation(undefined, env)).toBe('/env/state');
  });

  it('then $XDG_STATE_HOME/kindling', () => {
    expect(stateLocation(undefined, { XDG_STATE_HOME: '/xdg', HOME: '/home/me' })).toBe('/xdg/kindling');
  });

  it('then ~/.local/state/kindling', () => {
    expect(stateLocation(undefined, { HOME: '/home/me' })).toBe('/home/me/.local/state/kindling');
  });

  it('an empty KINDLING_STATE or XDG_STATE_HOME counts as unset', () => {
    expect(stateLocation(undefined, { KINDLING_STATE: '', XDG_STATE_HOME: '', HOME: '/home/me' })).toBe('/home/me/.local/state/kindling');
  });

  it('no HOME and nothing else -> InvalidInputError', () => {
    expect(() => stateLocation(undefined, {})).toThrow(InvalidInputError);
    expect(() => stateLocation(undefined, {})).toThrow('cannot find a place for the state store: HOME is not set');
  });

  it.each([
    ['flag', 's3://bucket/prefix', {}],
    ['KINDLING_STATE', undefined, { KINDLING_STATE: 's3://bucket/prefix' }],
  ])('an s3:// store (%s) is its URL', (_from, flag, e) => {
    expect(stateLocation(flag, e)).toBe('s3://bucket/prefix');
  });

  it('another scheme, or a bucket name S3 would refuse -> InvalidInputError (exit 2)', () => {
    for (const bad of ['gs://bucket', 's3://B', 's3://ab']) {
      let err: unknown;
      try {
        stateLocation(bad, {});
      } catch (x) {
        err = x;
      }
      expect(err).toBeInstanceOf(InvalidInputError);
      expect(err).toMatchObject({ exitCode: 2, message: `state store "${bad}": a state store is a directory or s3://BUCKET[/PREFIX]` });
    }
  });

  it("an S3 store's cache: under XDG_CACHE_HOME, else ~/.cache", () => {
    expect(s3CacheDir('team', 'kindling/', { XDG_CACHE_HOME: '/c' })).toBe('/c/kindling/s3/team/kindling');
    expect(s3CacheDir('team', '', { HOME: '/home/me' })).toBe('/home/me/.cache/kindling/s3/team');
  });
});
