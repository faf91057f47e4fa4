// Parsers for the Linux files doctor reads: /proc/net/route (the kernel's IPv4 routing table, addresses in
// little-endian hex) and /proc/meminfo (sizes in kB). Pure, so fixtures test them.

/** One IPv4 route of the host: where it leads and through which interface. */
export interface HostRoute {
  iface: string;
  /** a.b.c.d/n */
  cidr: string;
}

/** Little-endian hex (as the kernel prints it) to a.b.c.d. */
function quad(hex: string): string {
  const n = Number.parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

/** The number of leading one bits of a little-endian hex netmask. */
function prefixOf(hex: string): number {
  const n = Number.parseInt(hex, 16);
  let bits = 0;
  for (let i = 0; i < 32; i++) if ((n >>> i) & 1) bits++;
  return bits;
}

/** The routes that are up (flag RTF_UP), header skipped. */
export function parseRoutes(text: string): HostRoute[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && (Number.parseInt(f[3]!, 16) & 1) === 1)
    .map((f) => ({ iface: f[0]!, cidr: `${quad(f[1]!)}/${prefixOf(f[7]!)}` }));
}

/** MemAvailable and MemTotal in bytes; undefined where the file lacks them (kernels before 3.14 lack MemAvailable). */
export function parseMeminfo(text: string): { available: number; total: number } | undefined {
  const kb = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const available = kb('MemAvailable');
  const total = kb('MemTotal');
  return available !== undefined && total !== undefined ? { available, total } : undefined;
}
