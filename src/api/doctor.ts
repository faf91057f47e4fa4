// `kindling doctor`: is this machine ready for clusters? Wires the real collaborators (the context's Docker client
// and store, the host's /proc, `kindling version`'s findings, the presets) into the checks of doctor/ and returns
// their report. Never throws for what it finds; the CLI turns a failed blocking check into exit 5.
import type { CommonOptions } from '../context.js';
import { doctorContext } from '../doctor/doctor-context.js';
import { procHostFacts, type HostFacts } from '../doctor/host-facts.js';
import { doctorReport, type DoctorReport } from '../doctor/report.js';
import { BUILTIN_PRESETS_DIR, loadPreset, presetFiles, userPresetsDir } from '../presets/load.js';
import type { Preset } from '../presets/schema.js';
import { createContext } from './create-context.js';
import { versionReport } from './version.js';

export type { DoctorReport } from '../doctor/report.js';
export type { CheckResult, CheckStatus } from '../doctor/check.js';
export type { CapacityEstimate } from '../doctor/capacity.js';
export type { HostFacts } from '../doctor/host-facts.js';

/** Options of doctor: the usual ones, plus the host's facts (tests hand in fixtures). */
export interface DoctorOptions extends CommonOptions {
  hostFacts?: HostFacts;
}

/** Every preset there is, built-in and the user's; one that does not load is left out (`presets list` shows why). */
async function allPresets(env: Record<string, string | undefined>, cwd: string): Promise<Preset[]> {
  const user = userPresetsDir(env);
  const files = await presetFiles({ builtin: BUILTIN_PRESETS_DIR, ...(user ? { user } : {}) });
  const loaded = await Promise.all(
    files.map((f) =>
      loadPreset(f.file, { cwd, env }).then(
        (l) => l.preset,
        () => undefined,
      ),
    ),
  );
  return loaded.filter((p): p is Preset => p !== undefined);
}

/** Checks Docker, the engine binaries and the host, and estimates how many more clusters fit. */
export async function doctor(opts: DoctorOptions = {}): Promise<DoctorReport> {
  const ctx = createContext(opts);
  const presets = await allPresets(ctx.env, ctx.cwd);
  const d = doctorContext({
    ctx,
    host: opts.hostFacts ?? procHostFacts(),
    presets,
    // The same client for `kindling version`'s Docker part once it answered; it finds it itself otherwise.
    versions: async () =>
      versionReport({
        ...opts,
        ...(await ctx.docker().then(
          (docker) => ({ docker }),
          () => ({}),
        )),
      }),
  });
  return doctorReport(d);
}
