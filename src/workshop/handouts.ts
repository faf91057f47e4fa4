// What each attendee gets besides the kubeconfig: a short README (the context, the first commands), and the
// index of everyone's for the trainer. Pure text.
import type { WorkshopMember } from './member.js';

/** The file names in an attendee's folder. */
export const KUBECONFIG_FILE = 'kubeconfig';
export const README_FILE = 'README.md';
/** The index in the out folder. */
export const INDEX_FILE = 'INDEX.md';

/** The attendee's README. */
export function attendeeReadme(m: Pick<WorkshopMember, 'workshop' | 'attendee' | 'label' | 'cluster' | 'context'>): string {
  return [
    `# ${m.workshop}: ${m.attendee}`,
    '',
    `Your cluster is \`${m.cluster}\`; the file \`${KUBECONFIG_FILE}\` beside this one reaches it as context \`${m.context}\`.`,
    '',
    '```',
    `export KUBECONFIG=$PWD/${KUBECONFIG_FILE}`,
    `kubectl --context ${m.context} version`,
    'kubectl get nodes',
    'kubectl get pods -A',
    '```',
    '',
    `Broke something? Ask for \`kindling workshop reset ${m.label} --workshop ${m.workshop}\`: the cluster comes back as it started.`,
    '',
  ].join('\n');
}

/** The trainer's index: one row per attendee. */
export function workshopIndex(
  workshop: string,
  members: readonly Pick<WorkshopMember, 'attendee' | 'label' | 'cluster' | 'context' | 'dockerContext'>[],
): string {
  const rows = members.map(
    (m) =>
      `| ${m.attendee.replace(/\|/g, '\\|')} | \`${m.cluster}\` | \`${m.context}\` | ${m.dockerContext ?? 'default'} | [${m.label}/${KUBECONFIG_FILE}](${m.label}/${KUBECONFIG_FILE}) |`,
  );
  return [
    `# Workshop ${workshop}`,
    '',
    `${members.length} cluster${members.length === 1 ? '' : 's'}. Each attendee's folder holds a kubeconfig (0600) and a README.`,
    '',
    '| attendee | cluster | context | Docker | kubeconfig |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `\`kindling workshop status --workshop ${workshop}\` shows them; \`kindling workshop down --workshop ${workshop} --yes\` removes them all.`,
    '',
  ].join('\n');
}
