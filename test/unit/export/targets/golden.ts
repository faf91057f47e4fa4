// Hand-written, reviewed golden files for the outputs no upstream schema covers (kubeadm, RKE2, az, gcloud).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../../../../src/export/targets/target.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** The golden files of `<target>/<case>`, sorted by path. */
export function goldenFiles(caseDir: string): GeneratedFile[] {
  const dir = join(GOLDEN_DIR, caseDir);
  return readdirSync(dir)
    .sort()
    .map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') }));
}

/** The generated files that have a golden counterpart in `<target>/<case>`, sorted by path. */
export function generatedFor(caseDir: string, files: readonly GeneratedFile[]): GeneratedFile[] {
  const golden = new Set(goldenFiles(caseDir).map((f) => f.path));
  return files.filter((f) => golden.has(f.path)).sort((a, b) => a.path.localeCompare(b.path));
}
