// Kubernetes versions as `vMAJOR.MINOR.PATCH`, compared by their numbers (v1.10.0 after v1.9.0).
const VERSION = /^v(\d+)\.(\d+)\.(\d+)$/;

/** A Kubernetes version's numbers, or undefined when it is not `vMAJOR.MINOR.PATCH`. */
export function versionNumbers(version: string): [number, number, number] | undefined {
  const m = VERSION.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [versionNumbers(a), versionNumbers(b)];
  if (!x || !y) return a.localeCompare(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}
