// The CLI's connection to the outside: streams, environment, TTY-ness and the Ctrl-C signal. Commands get
// it as an argument, so tests can run the CLI in-process with their own streams.

/** What a command may use of the process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Asks a yes/no question on the terminal. */
  confirm(question: string): Promise<boolean>;
  signal: AbortSignal | undefined;
}

// A reader that stops early (`kindling promote ... | head -1`) closes the pipe: the command still finishes its work
// and exits with its own code; what it would have printed goes nowhere, as with other CLIs, instead of crashing.
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

/** The real process. */
export function processIO(signal?: AbortSignal): CliIO {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    async confirm(question) {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    signal,
  };
}
