// Whether a Docker endpoint is another machine, and which: the host of tcp://H:p, ssh://[user@]H[:p] or
// http(s)://H:p when H is not this machine (localhost, 127.0.0.0/8, ::1, or a wildcard address, which a
// client connecting to it reaches this machine by). Ports an engine publishes listen on that host, not on this
// machine's loopback. An ssh:// host is returned as written: a Host alias of ~/.ssh/config is not resolved.
import { isIPv4, isIPv6 } from 'node:net';

const NETWORK_SCHEMES = new Set(['tcp:', 'ssh:', 'http:', 'https:']);

/** A loopback address or name: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIPv4(h)) return h.startsWith('127.');
  if (isIPv6(h)) {
    if (h === '::1') return true;
    // An IPv4-mapped loopback, as the URL parser writes it (::ffff:7f00:1) or as typed (::ffff:127.0.0.1).
    return /^::ffff:(?:127\.[\d.]+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(h);
  }
  return false;
}

/** The host of a Docker endpoint URL on another machine; undefined for a socket (unix://, npipe://), this machine, or a URL that does not parse. */
export function remoteDockerHost(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (!NETWORK_SCHEMES.has(parsed.protocol.toLowerCase())) return undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (!host || isLoopbackHost(host) || host === '0.0.0.0' || host === '::') return undefined;
  return host;
}

/** `host` as it goes in a URL's authority: an IPv6 address in brackets. */
export function urlHost(host: string): string {
  return isIPv6(host) ? `[${host}]` : host;
}
