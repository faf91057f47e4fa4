// The facts of the machine kindling runs on that doctor checks: inotify limits, IPv4 routes, memory and disk.
// Behind one small interface, so tests hand in fixtures; the real reader takes a root folder for /proc (tests
// point it at a fixture tree) and falls back to Node's os module where there is no /proc.
import { readFile, statfs } from 'node:fs/promises';
import { freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseMeminfo, parseRoutes, type HostRoute } from './proc-files.js';

/** fs.inotify.max_user_watches and max_user_instances. */
export interface InotifyLimits {
  maxUserWatches: number;
  maxUserInstances: number;
}

/** Free and total bytes of the file system holding `path`. */
export interface DiskSpace {
  path: string;
  free: number;
  total: number;
}

/** What doctor reads about the host. */
export interface HostFacts {
  /** undefined where there is no /proc/sys/fs/inotify (macOS, Windows). */
  inotify(): Promise<InotifyLimits | undefined>;
  /** The IPv4 routes that are up; undefined where there is no /proc/net/route. */
  routes(): Promise<HostRoute[] | undefined>;
  /** Memory available to new processes (MemAvailable, else os.freemem) and the total, in bytes. */
  memory(): Promise<{ available: number; total: number }>;
  /** Space on the file system of `path`; undefined when `path` does not exist or cannot be read. */
  disk(path: string): Promise<DiskSpace | undefined>;
}

const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

/** The real host, its /proc under `root` ('/' unless testing). */
export function procHostFacts(root = '/'): HostFacts {
  const proc = (...parts: string[]) => join(root, 'proc', ...parts);
  return {
    async inotify() {
      const [watches, instances] = await Promise.all([
        readText(proc('sys', 'fs', 'inotify', 'max_user_watches')),
        readText(proc('sys', 'fs', 'inotify', 'max_user_instances')),
      ]);
      if (watches === undefined || instances === undefined) return undefined;
      return { maxUserWatches: Number(watches.trim()), maxUserInstances: Number(instances.trim()) };
    },
    async routes() {
      const text = await readText(proc('net', 'route'));
      return text === undefined ? undefined : parseRoutes(text);
    },
    async memory() {
      const text = await readText(proc('meminfo'));
      return (text && parseMeminfo(text)) || { available: freemem(), total: totalmem() };
    },
    async disk(path) {
      try {
        const s = await statfs(path);
        return { path, free: s.bavail * s.bsize, total: s.blocks * s.bsize };
      } catch {
        return undefined;
      }
    },
  };
}
