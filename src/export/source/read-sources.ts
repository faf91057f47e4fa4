// Reads manifest files and folders into objects for promotion: the `--from PATH...` source. Either every file
// parses and every document is an object (or kustomize configuration, skipped), or nothing is returned.
import { readFile } from 'node:fs/promises';
import { listManifestFiles } from './list-files.js';
import { kustomizeFileReason } from './kustomize-config.js';
import { parseManifest, type ParsedManifest } from './parse-manifest.js';

/**
 * Every object in `paths` (files, or folders searched recursively for *.yaml, *.yml and *.json), with its file
 * and document index, plus what was skipped and why. Throws NotFoundError for a missing path and
 * InvalidInputError for the first document that does not parse or is not an object.
 */
export async function readManifestSources(paths: readonly string[]): Promise<ParsedManifest> {
  const result: ParsedManifest = { objects: [], skipped: [] };
  for (const file of await listManifestFiles(paths)) {
    const reason = kustomizeFileReason(file);
    if (reason !== undefined) {
      result.skipped.push({ file, reason });
      continue;
    }
    const parsed = parseManifest(await readFile(file, 'utf8'), file);
    result.objects.push(...parsed.objects);
    result.skipped.push(...parsed.skipped);
  }
  return result;
}
