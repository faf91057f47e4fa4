#!/usr/bin/env node
// Writes presets/preset.schema.json, the JSON Schema editors use for preset files, from the zod schema as built
// in dist/ (run `npm run build` first). `--check` only compares and exits 1 when the committed file differs; the
// unit test test/unit/presets/json-schema.test.ts makes the same comparison from the sources.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const built = resolve(repo, 'dist/presets/json-schema.js');
const target = resolve(repo, 'presets/preset.schema.json');

if (!existsSync(built)) {
  console.error(`gen-preset-schema: ${built} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const { presetJsonSchemaText } = await import(pathToFileURL(built).href);
const text = presetJsonSchemaText();
const committed = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (committed !== text) {
    console.error('gen-preset-schema: presets/preset.schema.json is out of date; run `node scripts/gen-preset-schema.mjs`');
    process.exit(1);
  }
  console.log('gen-preset-schema: presets/preset.schema.json is up to date');
} else if (committed === text) {
  console.log('gen-preset-schema: presets/preset.schema.json unchanged');
} else {
  writeFileSync(target, text);
  console.log('gen-preset-schema: wrote presets/preset.schema.json');
}
