#!/usr/bin/env node
// CI gate: fails when the last vitest run skipped any test or ran no integration test. Reads the JSON report
// that vitest.config.ts writes to .cache/vitest-report.json.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.cache/vitest-report.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const tests = report.testResults.flatMap((f) => f.assertionResults.map((t) => ({ file: f.name, ...t })));
const skipped = tests.filter((t) => t.status !== 'passed' && t.status !== 'failed');
const integration = tests.filter((t) => t.file.includes('/test/integration/'));
const passed = tests.filter((t) => t.status === 'passed').length;
const failed = tests.filter((t) => t.status === 'failed').length;
console.log(`check-no-skipped: ${tests.length} tests (${integration.length} integration), ${skipped.length} skipped`);
if (skipped.length > 0) {
  for (const t of skipped) console.log(`  skipped: ${t.file.replace(`${process.cwd()}/`, '')} > ${t.fullName}`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
if (skipped.length > 0 || integration.length === 0 || failed > 0 || !report.success) process.exit(1);
