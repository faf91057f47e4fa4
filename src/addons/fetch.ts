// Gets add-on manifests: from a local folder (--addons-from, offline), else from the cache, else from their
// URL (then cached). Every file is checked against its pinned sha256 before anything is applied.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EnvironmentError } from '../errors.js';
import { writeFileAtomic } from '../runtime/atomic-write.js';
import type { PinnedManifest } from './catalogue.js';
import { makeDirs } from '../runtime/make-dirs.js';

/** Where manifests come from. `fetchText` defaults to global fetch. */
export interface ManifestSources {
  cacheDir: string;
  /** A folder holding the files by their URL's file name (offline use). */
  from?: string;
  fetchText?: (url: string) => Promise<string>;
}

/** The cache folder: $XDG_CACHE_HOME/kindling/addons, else ~/.cache/kindling/addons. */
export function addonCacheDir(env: Record<string, string | undefined>): string {
  return join(env.XDG_CACHE_HOME ?? join(env.HOME ?? '.', '.cache'), 'kindling', 'addons');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
}

async function defaultFetch(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  return res.text();
}

/** The verified text of one manifest. Throws EnvironmentError when it cannot be had or its sha256 differs. */
export async function getManifest(m: PinnedManifest, src: ManifestSources): Promise<string> {
  const name = basename(new URL(m.url).pathname);
  const check = (text: string, where: string) => {
    const got = sha256(text);
    if (got !== m.sha256) {
      throw new EnvironmentError(
        'checksum-mismatch',
        `${where} has sha256 ${got}, but ${m.url} is pinned to ${m.sha256}; nothing was applied`,
        'if the pin is right, the file was changed or replaced: get it again from its URL; if the pin is out of date, update it in the preset',
      );
    }
    return text;
  };
  if (src.from) {
    const path = join(src.from, name);
    const text = await readOptional(path);
    if (text === undefined)
      throw new EnvironmentError('addon-missing', `${path} not found (--addons-from ${src.from})`, `put ${m.url} there as ${name}`);
    return check(text, path);
  }
  const cached = join(src.cacheDir, `${m.sha256}.yaml`);
  const hit = await readOptional(cached);
  if (hit !== undefined && sha256(hit) === m.sha256) return hit;
  let text: string;
  try {
    text = await (src.fetchText ?? defaultFetch)(m.url);
  } catch (err) {
    throw new EnvironmentError(
      'addon-download',
      `could not download ${m.url}: ${(err as Error).message}`,
      `download it yourself and pass --addons-from DIR with it as ${name}`,
    );
  }
  check(text, m.url);
  await makeDirs(src.cacheDir, 0o700);
  await writeFileAtomic(cached, text, 0o644);
  return text;
}
