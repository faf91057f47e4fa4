// Parses durations like kubectl's and Go's: 90s, 5m, 1h30m, 500ms.
import { InvalidInputError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A --wait value: a duration, or 0 for no wait. */
export function parseWait(text: string, flag = '--wait'): number {
  return text === '0' ? 0 : parseDuration(text, flag);
}

/** Milliseconds in a duration string; throws InvalidInputError on anything else. */
export function parseDuration(text: string, flag: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new InvalidInputError(`${flag} "${text}" is not a duration`, `for example ${flag} 90s or ${flag} 5m`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
}

/** A --timeout value: a duration longer than zero (nothing can finish in no time). */
export function parseTimeout(text: string, flag = '--timeout'): number {
  const ms = parseDuration(text, flag);
  if (ms <= 0) throw new InvalidInputError(`${flag} ${text} leaves no time`, `give a duration longer than zero, for example ${flag} 5m`);
  return ms;
}
