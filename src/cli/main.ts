// kindling's CLI: commander wiring only. Each command lives in commands/; errors become exit codes in
// handle-error.ts. Library code is imported lazily so that `kindling --help` starts fast.
import { Command, CommanderError } from 'commander';
import { ExitCode } from '../errors.js';
import type { ActionWrapper } from './command-kit.js';
import { packageVersion } from '../api/package-version.js';
import { registerCompletion } from './commands/completion.js';
import { registerDoctor } from './commands/doctor.js';
import { registerDown } from './commands/down.js';
import { registerKubeconfig } from './commands/kubeconfig.js';
import { registerList } from './commands/list.js';
import { registerLoad } from './commands/load.js';
import { registerLogs } from './commands/logs.js';
import { registerPlan } from './commands/plan.js';
import { registerPresets } from './commands/presets.js';
import { registerPromote } from './commands/promote.js';
import { registerPrune } from './commands/prune.js';
import { registerRestore } from './commands/restore.js';
import { registerScale } from './commands/scale.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerState } from './commands/state.js';
import { registerStart, registerStop } from './commands/stop.js';
import { registerUp } from './commands/up.js';
import { registerUpgrade } from './commands/upgrade.js';
import { registerVersion } from './commands/version.js';
import { registerWorkshop } from './commands/workshop.js';
import { handleError } from './handle-error.js';
import { addHelpFooters } from './help-text.js';
import { processIO, type CliIO } from './io.js';

/** Runs the CLI with `argv` (as process.argv) and returns the exit code. */
export async function main(argv: readonly string[], given?: CliIO): Promise<number> {
  const abort = new AbortController();
  const io = given ?? processIO(abort.signal);
  // First Ctrl-C (or SIGTERM): stop and roll back. Second: quit at once. `on`, not `once`: signal-exit (used by the
  // progress renderer) re-raises the signal when it finds no other listener.
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    io.stderr('\ninterrupting: rolling back what was created (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  // SIGTERM (a CI runner's timeout, `kill`) gets the same treatment as Ctrl-C.
  if (!given) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
  }
  let exitCode: number = ExitCode.ok;
  const program = new Command('kindling')
    .description('local Kubernetes clusters in containers, from presets, with kind or k3d')
    .version(packageVersion(), '--version')
    .option(
      '--state <dir|s3://bucket/prefix>',
      'state store: a directory or s3://bucket/prefix (env KINDLING_STATE; default $XDG_STATE_HOME/kindling)',
    )
    .option('--s3-endpoint <url>', 'an S3-compatible server for an s3:// store, addressed path-style (env AWS_ENDPOINT_URL_S3)')
    .option('--docker-context <name>', 'use this Docker context (as `docker context use`); env DOCKER_CONTEXT')
    .option(
      '--kubeconfig <file>',
      'the kubeconfig to merge contexts into and read them from, as kubectl (env KUBECONFIG; default ~/.kube/config)',
    )
    .option('-v, --verbose', 'show debug messages and, on failure, the engine command')
    .option('-q, --quiet', 'show only errors')
    .option('--no-color', 'plain output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const run: ActionWrapper =
    (fn) =>
    async (...args) => {
      try {
        await fn(...args);
      } catch (err) {
        exitCode = handleError(err, io.stderr, Boolean(program.opts().verbose));
      }
    };
  const kit = { program, io, run };
  registerUp(kit);
  registerDown(kit);
  registerStop(kit);
  registerStart(kit);
  registerScale(kit);
  registerUpgrade(kit);
  registerSnapshot(kit);
  registerState(kit);
  registerList(kit);
  registerPlan(kit);
  registerKubeconfig(kit);
  registerPresets(kit);
  registerLoad(kit);
  registerLogs(kit);
  registerPromote(kit);
  registerRestore(kit);
  registerPrune(kit);
  registerVersion(kit);
  registerDoctor(kit);
  registerWorkshop(kit);
  registerCompletion(kit);
  addHelpFooters(program);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.invalidInput;
    return handleError(err, io.stderr, Boolean(program.opts().verbose));
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  return exitCode;
}
