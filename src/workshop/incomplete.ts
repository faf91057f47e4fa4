// `workshop up` made some clusters and not others: the ones made stay (run it again to make the rest), and the
// error keeps the first failure's exit code and the whole outcome for the report.
import { ExitCode, KindlingError, type ExitCodeValue } from '../errors.js';

/** Not every cluster of the workshop could be made, even after a retry. */
export class WorkshopIncompleteError extends KindlingError {
  readonly result: unknown;
  constructor(workshop: string, failed: readonly { cluster: string; message: string }[], total: number, first: unknown, result: unknown) {
    const exitCode: ExitCodeValue = first instanceof KindlingError ? first.exitCode : ExitCode.unexpected;
    super(
      'workshop-incomplete',
      exitCode,
      `workshop "${workshop}": ${failed.length} of ${total} cluster(s) failed after a retry:\n  ${failed.map((f) => `${f.cluster}: ${f.message.split('\n')[0]}`).join('\n  ')}`,
      {
        hint: 'the others are ready; fix the cause and run the same `kindling workshop up` again: it makes only the missing ones',
        cause: first,
      },
    );
    this.result = result;
  }
}
