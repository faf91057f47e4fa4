#!/usr/bin/env node
// The layer order of src/, written once: a module may import from its own folder or from a layer listed
// before its own, never from one listed after it. So no import runs upwards and no two folders import
// each other. dependency-cruiser reads the imports (type-only ones too); `npm run check:layers` prints
// every violation, and test/unit/layers.test.ts fails on one.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** Lowest first. Each entry is a folder under src/ or a single file there. */
export const LAYERS = [
  'errors.ts', // typed errors and exit codes: imports nothing of kindling
  'labels.ts', // Docker label keys
  'logger.ts', // the injectable logger
  'runtime', // process runner, Docker client, Kubernetes API client, atomic write, file lock
  'addons', // the add-on catalogue and manifest fetching
  'presets', // preset schema, loading, validation
  'model', // shared nouns: ClusterSpec, ClusterStatus, engine naming
  'kubeconfig', // kubeconfig parsing, renaming, merging
  'engines', // the Engine interface, kind/ and k3d/
  'state', // the state store
  'context.ts', // Context and CommonOptions (types only)
  'configure', // in-cluster objects kindling adds (storage class, ingress classes, registry hosting)
  'readiness', // readiness stages and waits
  'registry', // the local registry
  'status', // observing clusters in Docker
  'logs', // the logs archive: redaction, the collectors, the .tar.gz writer
  'doctor', // `kindling doctor`: one file per check of the machine, the runner, the capacity estimate
  'plan', // the pure plan step
  'workshop', // workshops, pure: the file's schema, attendees as DNS labels, capacity, concurrency, spreading over hosts
  'export', // promotion: bundle, targets, dump, restore (snapshots reuse its dump and restore)
  'apply', // the operations (one folder each) and their steps
  'api', // the library verbs and the composition root
  'cli', // commander, one file per command
  'index.ts', // the public API: re-exports
];

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const pathOf = (layer) => (layer.endsWith('.ts') ? `^src/${layer.replace('.', '\\.')}$` : `^src/${layer}/`);

/** The dependency-cruiser rules the order implies: one rule per layer, naming every layer above it. */
export function layerRules() {
  const upward = LAYERS.slice(0, -1).map((layer, i) => ({
    name: `no-upward-from-${layer}`,
    comment: `${layer} may import only from layers listed before it in scripts/check-layers.mjs`,
    severity: 'error',
    from: { path: pathOf(layer) },
    to: { path: LAYERS.slice(i + 1).map(pathOf) },
  }));
  const cycle = { name: 'no-circular', severity: 'error', from: { path: '^src/' }, to: { circular: true } };
  const unlisted = {
    name: 'in-a-layer',
    comment: 'every src/ module belongs to a listed layer',
    severity: 'error',
    from: { path: '^src/', pathNot: LAYERS.map(pathOf) },
    to: {},
  };
  return [...upward, cycle, unlisted];
}

/** Every violation as `from -> to (rule)`; empty when the layers hold. */
export async function layerViolations() {
  const tsConfig = extractTSConfig(resolve(repo, 'tsconfig.json'));
  const options = {
    validate: true,
    ruleSet: { forbidden: layerRules() },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: resolve(repo, 'tsconfig.json') },
    baseDir: repo,
  };
  const result = await cruise(['src'], options, undefined, { tsConfig });
  return result.output.summary.violations.map((v) => `${v.from} -> ${v.to} (${v.rule.name})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = await layerViolations();
  for (const v of violations) console.error(v);
  console.log(
    violations.length === 0
      ? `layers hold: ${LAYERS.length} layers, no upward import, no cycle`
      : `${violations.length} layer violation(s)`,
  );
  process.exitCode = violations.length === 0 ? 0 : 1;
}
