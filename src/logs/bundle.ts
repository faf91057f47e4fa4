// What the collectors write to: files under the archive's top folder, each text passed through redact() on its
// way in (the only way in), and the failures, which become errors.txt at the end.
import { KindlingError } from '../errors.js';
import { redact } from './redact.js';
import type { TarGzWriter } from './tar-gz.js';

/** A logs archive being filled. */
export interface LogBundle {
  /** Adds `text`, redacted, as `path` under the archive's top folder. */
  add(path: string, text: string): Promise<void>;
  /** Notes what could not be read, and why; the rest of the archive goes on. */
  failed(what: string, err: unknown): void;
  /** Paths added so far, in order (errors.txt included once written). */
  readonly files: readonly string[];
  /** One line per failure, redacted. */
  readonly errors: readonly string[];
  /** Writes errors.txt when anything failed. */
  writeErrors(): Promise<void>;
}

/** A failure as one or more lines: the error's message, its hint when it has one. */
export function describeFailure(what: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const hint = err instanceof KindlingError && err.hint ? `\n  hint: ${err.hint}` : '';
  return `${what}: ${message.trim().replace(/\n/g, '\n  ')}${hint}`;
}

/** A bundle writing into `writer` under the folder `top`. */
export function logBundle(writer: TarGzWriter, top: string): LogBundle {
  const files: string[] = [];
  const errors: string[] = [];
  const add = async (path: string, text: string) => {
    await writer.add(`${top}/${path}`, redact(text));
    files.push(path);
  };
  return {
    add,
    failed: (what, err) => void errors.push(redact(describeFailure(what, err))),
    files,
    errors,
    async writeErrors() {
      if (errors.length > 0) await add('errors.txt', `${errors.join('\n')}\n`);
    },
  };
}
