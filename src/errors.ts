// Every error kindling throws on purpose. Each class has a stable exit code and a hint that names the next
// step; the CLI's one handler (src/cli/handle-error.ts) maps them to exit codes. Anything else is a bug.

/** Exit codes are a public interface (README "Exit codes"); change them only with a note there. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  invalidInput: 2,
  notFound: 3,
  conflict: 4,
  environment: 5,
  engineFailed: 6,
  timedOut: 7,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Context attached to an error: the command that failed and what it said. */
export interface ErrorDetails {
  command?: string;
  exitCode?: number;
  stderr?: string;
  stdout?: string;
  [key: string]: unknown;
}

/** Base class: a message, a stable code, an exit code and a hint naming the next step. */
export class KindlingError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  readonly details: ErrorDetails;

  constructor(
    code: string,
    exitCode: ExitCodeValue,
    message: string,
    opts: { hint?: string; details?: ErrorDetails; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.hint = opts.hint;
    this.details = opts.details ?? {};
  }
}

/** Bad flags, a bad cluster name, a malformed override. */
export class InvalidInputError extends KindlingError {
  constructor(message: string, hint?: string, details?: ErrorDetails) {
    super('invalid-input', ExitCode.invalidInput, message, { hint, details });
  }
}

/** One problem found in a preset file, located at file:line:column and a dotted field path. */
export interface PresetIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** A preset that does not parse or does not match the schema; lists every issue. */
export class PresetInvalidError extends KindlingError {
  readonly issues: PresetIssue[];
  constructor(issues: PresetIssue[]) {
    // A --set flag has no line: it is shown as `--set key=value: path: message`.
    const lines = issues.map((i) => `${i.file}${i.line > 0 ? `:${i.line}:${i.column}` : ':'} ${i.path ? `${i.path}: ` : ''}${i.message}`);
    super('preset-invalid', ExitCode.invalidInput, `invalid preset:\n  ${lines.join('\n  ')}`, {
      hint: "fix the fields above; kindling's built-in presets (its presets/ folder) are valid examples",
    });
    this.issues = issues;
  }
}

/** Where in a kubeconfig file a problem is. */
export interface KubeconfigPosition {
  file?: string;
  line: number;
  column: number;
}

/** A kubeconfig kindling must edit (the user's) does not parse: invalid input, located at file:line:column. */
export class KubeconfigInvalidError extends KindlingError {
  readonly reason: string;
  readonly position: KubeconfigPosition;
  constructor(reason: string, position: KubeconfigPosition) {
    const where = `${position.file ?? 'kubeconfig'}:${position.line}:${position.column}`;
    super('kubeconfig-invalid', ExitCode.invalidInput, `${where}: ${reason}`, {
      hint: `fix the file at that line (kubectl cannot read it either), or pass --no-merge to leave your kubeconfig alone`,
      details: { ...position },
    });
    this.reason = reason;
    this.position = position;
  }

  /** The same error, naming the file the text was read from. */
  inFile(file: string): KubeconfigInvalidError {
    return new KubeconfigInvalidError(this.reason, { ...this.position, file });
  }
}

/** A named cluster or preset does not exist. */
export class NotFoundError extends KindlingError {
  constructor(what: string, message: string, hint?: string) {
    super(`${what}-not-found`, ExitCode.notFound, message, { hint });
  }
}

/** The request collides with what exists: a taken name or port, another spec, a held lock. */
export class ConflictError extends KindlingError {
  constructor(code: string, message: string, hint?: string, details?: ErrorDetails) {
    super(code, ExitCode.conflict, message, { hint, details });
  }
}

/** The machine lacks something kindling needs: Docker, an engine binary. */
export class EnvironmentError extends KindlingError {
  constructor(code: string, message: string, hint?: string, details?: ErrorDetails, cause?: unknown) {
    super(code, ExitCode.environment, message, { hint, details, cause });
  }
}

/** kind or k3d exited non-zero; carries their own words. */
export class EngineFailedError extends KindlingError {
  constructor(engine: string, action: string, details: ErrorDetails, hint?: string) {
    const said = (details.stderr ?? '').trim() || (details.stdout ?? '').trim() || '(no output)';
    super('engine-failed', ExitCode.engineFailed, `${engine} failed to ${action} (exit ${details.exitCode ?? '?'}):\n${said}`, {
      hint,
      details,
    });
  }
}

/** A wait ran out; names the stage that did not finish. */
export class TimedOutError extends KindlingError {
  constructor(stage: string, message: string, hint?: string) {
    super('timed-out', ExitCode.timedOut, message, { hint, details: { stage } });
  }
}

/** The user pressed Ctrl-C; what was created has been rolled back or journalled. */
export class InterruptedError extends KindlingError {
  constructor(message = 'interrupted') {
    super('interrupted', ExitCode.interrupted, message);
  }
}
