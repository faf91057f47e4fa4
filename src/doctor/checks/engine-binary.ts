// kind's and k3d's binaries as `kindling version` finds them, against the releases kindling is tested with. A
// missing binary blocks `up` for that engine's presets; an untested release only warns.
import type { EngineName } from '../../presets/schema.js';
import { fail, ok, warn, type DoctorCheck } from '../check.js';

/** The check of one engine's binary. */
export function engineBinaryCheck(engine: EngineName): DoctorCheck {
  return {
    id: engine,
    title: `${engine} binary`,
    blocking: true,
    async run(d) {
      const e = (await d.versions()).engines[engine];
      const tested = e.tested.join(' or ');
      if (e.version === null) {
        return fail(
          e.error ?? `${engine} not found`,
          e.hint ?? `install ${engine} ${tested}, or point ${engine === 'kind' ? 'KINDLING_KIND_BINARY' : 'KINDLING_K3D_BINARY'} at it`,
        );
      }
      const where = e.path ?? e.binary;
      if (!e.isTested) {
        return warn(`${e.version} at ${where}: not a tested release (tested: ${tested})`, `install ${engine} ${tested}`);
      }
      return ok(`${e.version} at ${where} (tested)`);
    },
  };
}
