// IPv4 subnets as number ranges, to tell whether a Docker network and a host route cover the same addresses.

/** A subnet as its first and last address (unsigned 32-bit numbers) and its text. */
export interface Ipv4Range {
  cidr: string;
  first: number;
  last: number;
}

/** a.b.c.d as a number; undefined when it is not a dotted quad. */
function addressOf(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** a.b.c.d/n as a range; undefined when it does not parse. */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const [address, bits] = cidr.split('/');
  const start = addressOf(address ?? '');
  const prefix = Number(bits);
  if (start === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = start - (start % size);
  return { cidr, first, last: first + size - 1 };
}

/** True when the two ranges share an address. */
export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}
