// IPv4 CIDR arithmetic the targets need: the cluster DNS address inside a service range.
import { InvalidInputError } from '../../errors.js';

function parseCidr(cidr: string): { base: number; prefix: number } {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const prefix = Number(match?.[5]);
  if (!match || octets.some((o) => o > 255) || prefix > 32) throw new InvalidInputError(`"${cidr}" is not an IPv4 CIDR like 10.96.0.0/16`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { base: address - (address % size), prefix };
}

/** The `n`th address of `cidr`, e.g. 10 → 10.96.0.10 for 10.96.0.0/16. */
export function nthAddress(cidr: string, n: number): string {
  const { base, prefix } = parseCidr(cidr);
  if (n >= 2 ** (32 - prefix)) throw new InvalidInputError(`${cidr} has fewer than ${n + 1} addresses`);
  const address = base + n;
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** The cluster DNS Service address: kubeadm (and so kind) and K3s put it at the 10th address of the
 * service range (kubeadm constants.GetDNSIP). */
export function clusterDnsAddress(serviceSubnet: string): string {
  return nthAddress(serviceSubnet, 10);
}
