// Parses command-line overrides (--port, --k8s-version, --workers) into typed values, with errors that
// quote what the user typed.
import { isIPv4 } from 'node:net';
import { InvalidInputError } from '../errors.js';
import type { PortMapping } from '../presets/schema.js';
import type { Mount } from '../model/cluster-spec.js';

/** What the user may override on top of a preset. */
export interface Overrides {
  name?: string;
  workers?: number;
  kubernetesVersion?: string;
  image?: string;
  /** `HOST:CONTAINER[/PROTO]` or `ADDRESS:HOST:CONTAINER[/PROTO]`. */
  ports?: readonly string[];
  /** `HOST_PATH:CONTAINER_PATH[:ro]`; HOST_PATH must be absolute (the API resolves relative ones). */
  mounts?: readonly string[];
  /** --registry: create or reuse the preset's local registry. */
  registry?: boolean;
  /** Images that will be preloaded into the local registry under their own names (a workshop's images): turns
   * the registry on, and its nodes ask it for those images' registry hosts first. */
  preload?: readonly string[];
  /** --image-cache [UPSTREAM]: pull through the shared image cache (true: the preset's upstream, else
   * Docker Hub; a URL: that upstream). false: none, whatever the preset says. */
  imageCache?: boolean | string;
}

function port(text: string, whole: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 65535) {
    throw new InvalidInputError(
      `--port "${whole}": "${text}" is not a port number (1-65535)`,
      'use --port HOST:CONTAINER, e.g. --port 8080:80',
    );
  }
  return n;
}

/** Parses one --port value. The listen address defaults to 127.0.0.1. */
export function parsePortFlag(value: string): PortMapping {
  const [body = '', proto = 'tcp', ...extra] = value.split('/');
  const protocol = proto.toUpperCase();
  if (extra.length > 0 || (protocol !== 'TCP' && protocol !== 'UDP')) {
    throw new InvalidInputError(`--port "${value}": protocol must be tcp or udp`, 'use --port 8080:80 or --port 5353:53/udp');
  }
  const parts = body.split(':');
  if (parts.length !== 2 && parts.length !== 3) {
    throw new InvalidInputError(`--port "${value}" must be HOST:CONTAINER or ADDRESS:HOST:CONTAINER`, 'for example --port 8080:80');
  }
  const listenAddress = parts.length === 3 ? parts[0]! : '127.0.0.1';
  if (!isIPv4(listenAddress)) {
    throw new InvalidInputError(`--port "${value}": "${listenAddress}" is not an IPv4 address`, 'for example --port 127.0.0.1:8080:80');
  }
  const [host = '', container = ''] = parts.slice(-2);
  return { listenAddress, hostPort: port(host, value), containerPort: port(container, value), protocol: protocol as 'TCP' | 'UDP' };
}

/** Accepts `v1.35.2` or `1.35.2`; returns the v-prefixed form. */
export function parseKubernetesVersion(value: string): string {
  const v = value.startsWith('v') ? value : `v${value}`;
  if (!/^v\d+\.\d+\.\d+$/.test(v)) {
    throw new InvalidInputError(`--k8s-version "${value}" is not a Kubernetes version`, 'for example --k8s-version v1.36.1');
  }
  return v;
}

/** Validates a worker count. */
export function parseWorkers(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 50) {
    throw new InvalidInputError(`--workers ${value} must be a whole number from 0 to 50`);
  }
  return value;
}

/** Parses one --mount value: `HOST_PATH:CONTAINER_PATH[:ro|rw]`, both absolute. */
export function parseMountFlag(value: string): Mount {
  const parts = value.split(':');
  const mode = parts.length === 3 ? parts[2] : 'rw';
  const [hostPath = '', containerPath = ''] = parts;
  if (parts.length < 2 || parts.length > 3 || (mode !== 'ro' && mode !== 'rw')) {
    throw new InvalidInputError(`--mount "${value}" must be HOST_PATH:CONTAINER_PATH[:ro]`, 'for example --mount /home/me/data:/data');
  }
  if (!hostPath.startsWith('/') || !containerPath.startsWith('/')) {
    throw new InvalidInputError(`--mount "${value}": both paths must be absolute`, 'for example --mount /home/me/data:/data');
  }
  return { hostPath, containerPath, readOnly: mode === 'ro' };
}
