// REPORT.md and report.json of a bundle: the target report (per object and target), then what only the bundle
// knows: each target's cluster definition (files, placeholders still to fill, findings), the object dump, and
// everything left out with its reason.
import type { TargetReport } from '../report/target-report.js';
import { reportJsonValue } from '../report/report-json.js';
import { escapeTags, reportMarkdown } from '../report/report-markdown.js';
import type { ClusterDefinition, TargetName } from '../targets/index.js';
import type { SkippedEntry } from './skipped-entry.js';

/** One target's cluster definition as the report lists it. */
export interface DefinitionEntry {
  target: TargetName;
  definition: ClusterDefinition;
}

/** What --with-state wrote, for the report. */
export interface DumpSummary {
  objects: number;
  volumes: Array<{ namespace: string; claim: string; file: string }>;
  skippedClaims: Array<{ namespace: string; claim: string; reason: string }>;
}

/** Everything the report is made from. */
export interface BundleReportInput {
  report: TargetReport;
  definitions: readonly DefinitionEntry[];
  skipped: readonly SkippedEntry[];
  dump?: DumpSummary;
}

/** REPORT.md: the target report, then cluster definitions, state and what was left out. Deterministic. */
export function bundleReportMarkdown(input: BundleReportInput): string {
  const lines = [
    reportMarkdown(input.report).trimEnd(),
    '',
    '## Cluster definitions',
    '',
    ...input.definitions.flatMap(definitionSection),
    ...(input.dump === undefined ? [] : dumpSection(input.dump)),
    '## Left out',
    '',
    ...(input.skipped.length === 0
      ? ['Nothing.', '']
      : [
          `${input.skipped.length} left out of the bundle:`,
          '',
          '| What | From | Why |',
          '|---|---|---|',
          ...input.skipped.map((s) => `| ${code(s.what)} | ${code(s.origin)} | ${cell(s.reason)} |`),
          '',
        ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function definitionSection({ target, definition }: DefinitionEntry): string[] {
  const files = definition.files.map((f) => `\`clusters/${target}/${f.path}\``).join(', ');
  const placeholders =
    definition.placeholders.length === 0
      ? ['No placeholders: every value was given or derived.']
      : [
          `${definition.placeholders.length} placeholder(s) to fill: \`kindling promote ... --set KEY=VALUE\` (or \`${target}.KEY=VALUE\`), or edit the file.`,
          '',
          '| Setting | File | Field | Why |',
          '|---|---|---|---|',
          ...definition.placeholders.map(
            (p) => `| ${code(p.setKey)} | ${code(`clusters/${target}/${p.file}`)} | ${code(p.field)} | ${cell(p.why)} |`,
          ),
        ];
  const findings = definition.findings.map((f) => `- **${f.severity}** \`${f.code}\`: ${escapeTags(f.message)}`);
  return [`### ${target}`, '', `Files: ${files}.`, '', ...placeholders, '', ...(findings.length === 0 ? [] : [...findings, ''])];
}

function dumpSection(dump: DumpSummary): string[] {
  return [
    '## State',
    '',
    `${dump.objects} object(s) in Velero's backup layout under \`state/resources/\`; \`kindling restore --bundle DIR --context C\` applies them in Velero's restore order.`,
    '',
    ...(dump.volumes.length === 0
      ? ['No volume data.']
      : [
          'Volume data (written 0600), restored on the target by `state/restore-data.sh` with the Jobs in `state/restore-jobs/`:',
          '',
          ...dump.volumes.map((v) => `- \`${v.namespace}/${v.claim}\`: \`${v.file}\``),
        ]),
    '',
    ...(dump.skippedClaims.length === 0
      ? []
      : [
          'Claims whose data was not exported:',
          '',
          ...dump.skippedClaims.map((c) => `- \`${c.namespace}/${c.claim}\`: ${escapeTags(c.reason)}`),
          '',
        ]),
  ];
}

/** report.json: the target report's fields, then clusterDefinitions, state and skipped (added fields only). */
export function bundleReportJson(input: BundleReportInput): string {
  const json = {
    ...reportJsonValue(input.report),
    clusterDefinitions: input.definitions.map(({ target, definition }) => ({
      target,
      files: definition.files.map((f) => `clusters/${target}/${f.path}`),
      placeholders: definition.placeholders,
      findings: definition.findings,
    })),
    ...(input.dump === undefined ? {} : { state: input.dump }),
    skipped: input.skipped,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// A table cell: pipes escaped so the row keeps its columns, tags escaped so Markdown shows them.
function cell(text: string): string {
  return escapeTags(text.replace(/\|/g, '\\|'));
}

// A table cell holding a name or a path, as code.
function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}
