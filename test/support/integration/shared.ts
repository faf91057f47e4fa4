// Test data others wrote, in ../shared beside the repository (never copied into it). Where ../shared is
// absent, as in a user's clone, tests that need it are skipped with the reason printed; CI always has it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const shared = resolve(import.meta.dirname, '../../../../shared');

/** The path of a corpus file, or undefined (with the reason printed) when ../shared is not there. */
export function corpusFile(name: string): string | undefined {
  const path = resolve(shared, 'corpus', name);
  if (existsSync(path)) return path;
  if (process.env.CI === 'true') throw new Error(`${path} is missing: CI runs with ../shared beside the repository`);
  console.log(`[integration] skipping tests that need ${name}: ../shared/corpus is not beside this clone`);
  return undefined;
}

/** The path of a file or folder under ../shared, or undefined (with the reason printed) when ../shared is not there. */
export function sharedFile(relative: string): string | undefined {
  const path = resolve(shared, relative);
  if (existsSync(path)) return path;
  if (process.env.CI === 'true') throw new Error(`${path} is missing: CI runs with ../shared beside the repository`);
  console.log(`[integration] skipping tests that need ${relative}: ../shared is not beside this clone`);
  return undefined;
}
