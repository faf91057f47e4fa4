// Every command's --help ends with examples, the variables it reads and the exit codes.
import { describe, expect, it } from 'vitest';
import { HELP } from '../../../src/cli/help-text.js';
import { runCli } from '../../support/unit/cli.js';

const GROUPS = ['snapshot', 'state', 'presets'];

/** Command names listed under "Commands:" in a help page. */
function listed(help: string): string[] {
  const section = help.split('Commands:\n')[1] ?? '';
  return [...section.matchAll(/^ {2}(\S+?)(?:\|\S+)?(?: |$)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
}

describe('--help of every command', () => {
  it('every command and subcommand has examples', async () => {
    const top = listed((await runCli(['--help'])).stdout);
    expect(top).toContain('up');
    const paths = [
      ...top.filter((c) => !GROUPS.includes(c)),
      ...(await Promise.all(GROUPS.map(async (g) => listed((await runCli([g, '--help'])).stdout).map((s) => `${g} ${s}`)))).flat(),
    ];
    expect(paths.filter((p) => HELP[p] === undefined)).toEqual([]);
  });

  it.each(Object.keys(HELP))('%s --help shows examples, and exit codes', async (path) => {
    const r = await runCli([...path.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Examples:\n  ${HELP[path]!.examples[0]}`);
    expect(r.stdout).toContain('Exit codes:\n  0   done');
    expect(r.stdout).toContain('130 interrupted');
  });
});
