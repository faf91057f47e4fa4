// Runs the CLI in-process with a captured CliIO.
import { main } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Questions asked through io.confirm. */
  questions: string[];
}

/** Options for the fake terminal. */
export interface FakeTerminal {
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdinIsTTY?: boolean;
  stderrIsTTY?: boolean;
  answer?: boolean;
}

/** `kindling ...args` in-process; nothing reaches the real stdout/stderr. */
export async function runCli(args: readonly string[], term: FakeTerminal = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: term.env ?? {},
    cwd: term.cwd ?? process.cwd(),
    stdinIsTTY: term.stdinIsTTY ?? false,
    stderrIsTTY: term.stderrIsTTY ?? false,
    async confirm(question) {
      questions.push(question);
      return term.answer ?? false;
    },
    signal: undefined,
  };
  const code = await main(['node', 'kindling', ...args], io);
  return { code, stdout, stderr, questions };
}
