// REPORT.md: the target report for people. A summary table per target, then findings grouped by object, with a
// finding that reads the same on several targets written once with the list of targets.
import { SEVERITIES, type Finding } from './finding.js';
import { compareText, type TargetReport } from './target-report.js';

interface Entry {
  finding: Finding;
  targets: string[];
}

/** REPORT.md's text; deterministic for a given report. */
export function reportMarkdown(report: TargetReport): string {
  const targets = report.targets.map((t) => t.target);
  const lines = [
    '# Promotion readiness',
    '',
    `Targets: ${targets.join(', ')}. **error**: breaks on the target; **warning**: a production risk; **info**: worth a look.`,
    '',
    '## Summary',
    '',
    '| Target | Objects | Errors | Warnings | Info |',
    '|---|---:|---:|---:|---:|',
    ...report.targets.map((t) => `| ${t.target} | ${t.objects} | ${t.error} | ${t.warning} | ${t.info} |`),
    '',
    '## Findings by object',
    '',
    ...(report.findings.length === 0 ? ['No findings.', ''] : byObject(report.findings).flatMap((group) => objectSection(group, targets))),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function byObject(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.object, [...(groups.get(f.object) ?? []), f]);
  return [...groups.values()];
}

function objectSection(findings: Finding[], allTargets: readonly string[]): string[] {
  const first = findings[0];
  if (first === undefined) return [];
  const [, kind = '', namespace = '', name = ''] = first.object.split('/');
  const heading = `### ${kind} ${namespace === '' ? '' : `${namespace}/`}${name}`;
  return [
    heading,
    '',
    `\`${first.object}\` from \`${first.origin}\``,
    '',
    ...merge(findings).flatMap((e) => entryLines(e, allTargets)),
    '',
  ];
}

// Findings that differ only in their target become one entry listing the targets.
function merge(findings: readonly Finding[]): Entry[] {
  const entries = new Map<string, Entry>();
  for (const finding of findings) {
    // Lengths make the key unambiguous whatever the texts hold (JSON.stringify of each finding cost a tenth of a run).
    const { severity, rule, container, message, fix } = finding;
    const key = `${severity} ${rule} ${container === undefined ? '-' : `${container.length}:${container}`} ${message.length}:${message}${fix}`;
    const entry = entries.get(key);
    if (entry === undefined) entries.set(key, { finding, targets: [finding.target] });
    else entry.targets.push(finding.target);
  }
  return [...entries.values()].sort((a, b) => compareEntries(a.finding, b.finding));
}

function entryLines({ finding, targets }: Entry, allTargets: readonly string[]): string[] {
  const where = targets.length === allTargets.length ? 'all targets' : targets.join(', ');
  const container = finding.container === undefined ? '' : ` · container \`${finding.container}\``;
  return [
    `- **${finding.severity}** \`${finding.rule}\`${container} · ${where}`,
    `  ${escapeTags(finding.message)}.`,
    `  Fix: ${escapeTags(finding.fix)}.`,
  ];
}

/** Markdown would take `<word>` in a message for an HTML tag and hide it: escaped. */
export function escapeTags(text: string): string {
  return text.replace(/[<>]/g, '\\$&');
}

function compareEntries(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.rule, b.rule) ||
    compareText(a.container ?? '', b.container ?? '') ||
    compareText(a.message, b.message)
  );
}
