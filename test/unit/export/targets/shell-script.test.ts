import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandName, renderScript, shellQuote } from '../../../../src/export/targets/shell-script.js';

describe('shellQuote', () => {
  it.each([
    ['eu-west-1', 'eu-west-1'],
    ['s3://bucket/prefix', 's3://bucket/prefix'],
    ['INSTALL_RKE2_VERSION=v1.36.3+rke2r1', 'INSTALL_RKE2_VERSION=v1.36.3+rke2r1'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
    ['', "''"],
  ])('%j → %s', (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });

  it('a POSIX shell reads every quoted argument back unchanged', () => {
    const tricky = fc.string({
      unit: fc.constantFrom("'", '"', '$', '`', '\\', ' ', '\n', '*', ';', '|', '&', '~', '#', 'a', '0', '-', 'é'),
    });
    const arg = fc.oneof(tricky, fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(fc.array(arg, { minLength: 1, maxLength: 4 }), (args) => {
        const script = `printf '%s\\0' ${args.map(shellQuote).join(' ')}`;
        const out = spawnSync('sh', ['-c', script], { encoding: 'utf8' }).stdout;
        expect(out.split('\0').slice(0, -1)).toEqual(args);
      }),
      { numRuns: 60 },
    );
  });
});

describe('renderScript', () => {
  it('shebang, header, set -eu, then steps; long commands one flag per line', () => {
    const text = renderScript({
      header: ['made by a test'],
      steps: [
        { comment: ['first'], env: [['STORE', 's3://a b']], commands: [['tool', 'run', '--x', '1']] },
        { comment: [], commands: [['tool', 'create', 'thing', '--alpha', 'a'.repeat(40), '--beta', 'b'.repeat(40), '--flag']] },
      ],
    });
    expect(text).toBe(
      [
        '#!/bin/sh',
        '# made by a test',
        'set -eu',
        '',
        '# first',
        "export STORE='s3://a b'",
        'tool run --x 1',
        '',
        'tool create thing \\',
        `    --alpha ${'a'.repeat(40)} \\`,
        `    --beta ${'b'.repeat(40)} \\`,
        '    --flag',
        '',
      ].join('\n'),
    );
  });
});

describe('comment lines', () => {
  it('a line break in a comment starts another comment line', () => {
    const text = renderScript({ header: ['a\nrm -rf /'], steps: [{ comment: ['b\r\nc'], commands: [] }] });
    expect(text).toBe('#!/bin/sh\n# a\n# rm -rf /\nset -eu\n\n# b\n# c\n');
  });
});

describe('commandName', () => {
  it('is the words before the first flag', () => {
    expect(commandName(['az', 'aks', 'create', '--name', 'x'])).toBe('az aks create');
    expect(commandName(['kubectl', 'apply'])).toBe('kubectl apply');
  });
});
