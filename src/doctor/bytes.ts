// Sizes as people read them in doctor's output: GiB with one decimal from 0.1 GiB up, MiB below.

/** 1 GiB in bytes. */
export const GiB = 2 ** 30;

/** e.g. 23.0 GiB, 0.6 GiB, 40 MiB. */
export function formatBytes(bytes: number): string {
  return bytes >= 0.1 * GiB ? `${(bytes / GiB).toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}
