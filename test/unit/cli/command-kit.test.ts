import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { collect, integer } from '../../../src/cli/command-kit.js';

describe('integer', () => {
  it('parses whole numbers', () => {
    expect(integer('0')).toBe(0);
    expect(integer('12')).toBe(12);
  });

  it.each(['two', '-1', '1.5', '', '3x'])("refuses %j with commander's InvalidArgumentError quoting it", (value) => {
    expect(() => integer(value)).toThrow(InvalidArgumentError);
    expect(() => integer(value)).toThrow(`"${value}" is not a whole number.`);
  });
});

describe('collect', () => {
  it('appends without changing the previous list', () => {
    const first = collect('a', []);
    expect(collect('b', first)).toEqual(['a', 'b']);
    expect(first).toEqual(['a']);
  });
});
