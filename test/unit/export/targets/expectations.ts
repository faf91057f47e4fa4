// Checks every target test makes: placeholders listed exactly as the files hold them, and documents that
// pass their upstream schema.
import { expect } from 'vitest';
import type { ClusterDefinition } from '../../../../src/export/targets/target.js';
import { placeholderKeys } from '../../../../src/export/targets/settings.js';
import { yamlDocuments, type Validate } from './upstream-schemas.js';

/** The content of one generated file; fails when it is missing. */
export function fileContent(definition: ClusterDefinition, path: string): string {
  const file = definition.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${definition.files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/** Every placeholder in the files is listed once per occurrence, with the file it is in, and nothing else. */
export function expectPlaceholdersListedExactly(definition: ClusterDefinition): void {
  const inFiles = definition.files.flatMap((f) => placeholderKeys(f.content).map((key) => `${f.path} ${key}`)).sort();
  expect(definition.placeholders.map((p) => `${p.file} ${p.setKey}`).sort()).toEqual(inFiles);
}

/** The distinct setting keys of a definition's placeholders, sorted. */
export function placeholderSetKeys(definition: ClusterDefinition): string[] {
  return [...new Set(definition.placeholders.map((p) => p.setKey))].sort();
}

/** With every setting given: no placeholder, nothing defaulted. */
export function expectComplete(definition: ClusterDefinition): void {
  expect(definition.placeholders).toEqual([]);
  for (const file of definition.files) expect(placeholderKeys(file.content)).toEqual([]);
  expect(definition.findings.filter((f) => f.code === 'settings-defaulted')).toEqual([]);
}

/** Schema errors of every document of `path`, each validated by the validator for its kind. */
export function schemaErrors(definition: ClusterDefinition, path: string, validatorFor: (kind: string) => Validate): string[] {
  return yamlDocuments(fileContent(definition, path)).flatMap((document) => {
    const kind = String((document as { kind?: unknown }).kind ?? '');
    return validatorFor(kind)(document).map((e) => `${kind} ${e.instancePath} ${e.message ?? ''}`);
  });
}

/** A value computed on first use (schemas compile only in tests that run). */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
