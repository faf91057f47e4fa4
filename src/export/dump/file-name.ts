// Object names as file and folder names of the object dump. Most names (DNS labels and subdomains) are kept as
// they are; anything else is percent-encoded (UTF-8 bytes, `%XX`), so that an RBAC name like
// `system:controller:job-controller` or a name with `/` stays one portable path segment and decodes back exactly.
import { InvalidInputError } from '../../errors.js';

// Lower case only: macOS and Windows file systems ignore case, and two RBAC names may differ only in case.
const KEPT = /^[a-z0-9._-]$/;
// Windows reserves these device names, with or without an extension (`nul.json` is NUL).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/;

function percent(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** `name` as one file-name-safe path segment; decodeFileName gives it back. */
export function encodeFileName(name: string): string {
  const chars = [...name];
  const dotsOnly = chars.every((c) => c === '.');
  const encoded = chars.map((c, i) => {
    // `.`, `..` and a trailing dot (which Windows drops) are encoded too.
    const unsafe = !KEPT.test(c) || (c === '.' && (dotsOnly || i === chars.length - 1));
    return unsafe ? percent(c) : c;
  });
  if (WINDOWS_DEVICE.test(name)) encoded[0] = percent(chars[0]!);
  return encoded.join('');
}

/** The name an encodeFileName segment stands for; raw names (a Velero dump's `system:x`) pass through. */
export function decodeFileName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidInputError(`"${segment}" is not a valid encoded file name (a stray % or a broken UTF-8 sequence)`);
  }
}
