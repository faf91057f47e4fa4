import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { stateLocation } from '../../../src/state/locate-store.js';

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
  ])('an s3:// store (%s) -> InvalidInputError (exit 2)', (_from, flag, e) => {
    let err: unknown;
    try {
      stateLocation(flag, e);
    } catch (x) {
      err = x;
    }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({
      exitCode: 2,
      message: 'state store "s3://bucket/prefix": only a local directory is supported in this version (s3:// is planned)',
      hint: 'pass --state DIR or set KINDLING_STATE to a directory',
    });
  });
});
