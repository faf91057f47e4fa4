// The default name of a logs archive: kindling-logs-<cluster>-<yyyymmdd-hhmmss> (UTC), also its top folder.

/** `kindling-logs-<name>-<yyyymmdd-hhmmss>`, the time in UTC. */
export function archiveBaseName(name: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `kindling-logs-${name}-${stamp}`;
}
