// The nouns of finding Docker: an endpoint (where a Docker engine listens and how we learnt it), its TLS
// material, and a strategy (one place to look). The strategies live one per file beside this one.
import { isAbsolute, relative } from 'node:path';

/** Client TLS for a tcp:// endpoint: the folder Docker would read, the files found in it, and whether to verify the server. */
export interface DockerTls {
  /** The folder holding ca.pem, cert.pem and key.pem (DOCKER_CERT_PATH, or a context's TLS folder); absent when there is none. */
  certDir?: string;
  ca?: string;
  cert?: string;
  key?: string;
  /** false when the user asked to skip verification (DOCKER_TLS without DOCKER_TLS_VERIFY, a context's SkipTLSVerify). */
  verify: boolean;
}

/** One place a Docker engine may listen, and how it was found. */
export interface DockerEndpoint {
  /** As Docker writes it: unix:///path, tcp://host:port, ssh://user@host, npipe:////./pipe/name. */
  url: string;
  /** How it was found, for --verbose and errors, e.g. `DOCKER_CONTEXT=colima (~/.docker/contexts/meta/…/meta.json)`. */
  source: string;
  tls?: DockerTls;
  /** The engine is podman (kind then needs KIND_EXPERIMENTAL_PROVIDER=podman). */
  podman: boolean;
  /** The user chose it (DOCKER_HOST, a context): when it does not answer, no other engine is tried. */
  explicit: boolean;
}

/** One place to look for Docker. Reads only what it was given, so tests can hand it a fake home. */
export interface EndpointStrategy {
  /** What it looks at, for the debug log. */
  readonly name: string;
  /** Its candidates in order; [] when it has nothing to say. Throws a typed error on malformed input. */
  candidates(): DockerEndpoint[];
}

/** What every strategy may read: the environment, the home folder, and the --docker-context flag. */
export interface EndpointInputs {
  env: Record<string, string | undefined>;
  home: string;
  /** --docker-context NAME; wins over DOCKER_HOST, DOCKER_CONTEXT and currentContext, as `docker --context` does. */
  dockerContext?: string;
  /** Where the system sockets (/var/run/docker.sock, /run/podman/podman.sock) are looked for; '/' unless testing. */
  systemRoot?: string;
}

/** A socket or URL whose path says podman is podman. */
export function looksLikePodman(url: string): boolean {
  return url.toLowerCase().includes('podman');
}

/** A path under home written as ~/…, so messages stay short and readable. */
export function tildePath(path: string, home: string): string {
  const rel = relative(home, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `~/${rel}` : path;
}
