// Reads manifest files and folders into objects for promotion: the `--from PATH...` source. Either every file
// parses and every document is an object (or kustomize configuration, skipped), or nothing is returned.
import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../../errors.js';
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
  const { files, unread } = await listManifestFiles(paths);
  result.skipped.push(...unread);
  let documents = 0;
  for (const file of files) {
    const reason = kustomizeFileReason(file);
    if (reason !== undefined) {
      result.skipped.push({ file, reason });
      documents++;
      continue;
    }
    const parsed = parseManifest(await readFile(file, 'utf8'), file);
    documents += parsed.objects.length + parsed.skipped.length;
    result.objects.push(...parsed.objects);
    result.skipped.push(...parsed.skipped);
  }
  if (documents === 0) {
    throw new InvalidInputError(
      `no Kubernetes object in ${paths.join(', ')}${files.length === 0 ? ': no .yaml, .yml or .json file there' : ': the files are empty'}`,
      'point --from at the manifests to promote',
    );
  }
  return result;
}
