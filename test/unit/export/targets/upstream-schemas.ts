// Validators for the upstream schemas in ../shared/reference/schemas (copied byte for byte, see SOURCES.md):
// ajv over a JSON Schema, or over the openAPIV3Schema of a CRD's served version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Where the upstream schemas live: beside the repository, as in CI. */
export const SCHEMAS_DIR = resolve(repoRoot, '../shared/reference/schemas');

/** Timeout of a test that compiles a schema: the largest CRDs take seconds on a busy machine. */
export const SCHEMA_TIMEOUT = 30_000;

/** Whether the schemas are here; tests that need them skip with a printed reason when not. */
export const schemasAvailable = existsSync(SCHEMAS_DIR);
if (!schemasAvailable) console.warn(`skipping upstream-schema validation: ${SCHEMAS_DIR} is missing (CI always has it)`);

// strict: false lets ajv ignore the schemas' vendor keywords (x-kubernetes-*, x-intellij-*); formats such as
// int32 and date-time are not JSON Schema formats, so they are not checked.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** A validator: the errors of one document, empty when it is valid. */
export type Validate = (document: unknown) => ErrorObject[];

function validator(schema: object): Validate {
  const check = ajv.compile(schema);
  return (document) => (check(document) ? [] : [...(check.errors ?? [])]);
}

/** A validator for a JSON Schema file (eksctl's schema.json). */
export function jsonSchemaValidator(file: string): Validate {
  return validator(JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as object);
}

// OpenAPI allows `nullable` on a schema without `type` (any value, null included); ajv refuses that, and
// without a type the keyword says nothing, so it is dropped.
function withoutUntypedNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutUntypedNullable);
  if (schema === null || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema).filter(([k, v]) => !(k === 'nullable' && typeof v === 'boolean' && !('type' in schema)));
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutUntypedNullable(v)]));
}

// A CRD's structural schema does not reject unknown fields: the API server prunes them (drops them without a
// word) and `kubectl --validate=strict` refuses them. Either way a field the schema does not know is lost, so it
// is an error here: objects with `properties` take no others unless the schema preserves unknown fields.
function withoutUnknownFields(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutUnknownFields);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withoutUnknownFields(v)])) as Record<string, unknown>;
  const closed = 'properties' in node && !('additionalProperties' in node) && node['x-kubernetes-preserve-unknown-fields'] !== true;
  return closed ? { ...node, additionalProperties: false } : node;
}

/** A validator for a CRD version's openAPIV3Schema; fails when that version is not served. */
export function crdValidator(file: string, version: string): Validate {
  const crd = parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as {
    spec: { versions: Array<{ name: string; served: boolean; schema: { openAPIV3Schema: object } }> };
  };
  const served = crd.spec.versions.find((v) => v.name === version && v.served);
  if (!served) throw new Error(`${file} serves no version ${version}`);
  return validator(withoutUnknownFields(withoutUntypedNullable(served.schema.openAPIV3Schema)) as object);
}

/** The YAML documents of a generated file. */
export function yamlDocuments(content: string): unknown[] {
  return parseAllDocuments(content).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join('\n'));
    return d.toJS() as unknown;
  });
}
