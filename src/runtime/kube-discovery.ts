// What API discovery returns and how its failures read: the resources a server serves, the error that carries a
// partial answer when some group versions do not reply (an aggregated API that is down), and a failed request's
// HTTP status. Plain data and functions; kube-api.ts makes the requests.
import { EnvironmentError, KindlingError } from '../errors.js';

/** A kind the server serves, as API discovery names it, in the preferred version of its group. */
export interface ApiResource {
  /** e.g. `apps/v1`; `v1` for the core group. */
  apiVersion: string;
  kind: string;
  /** The plural name in URLs, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  /** What the server allows on it: get, list, create, ... */
  verbs: string[];
}

/** A group version whose discovery request failed, so its kinds are unknown. */
export interface DiscoveryFailure {
  groupVersion: string;
  reason: string;
}

const DISCOVERY_INCOMPLETE = 'api-discovery-incomplete';

/** The error resources() rejects with when some group versions did not answer; it carries the ones that did. */
export function discoveryIncompleteError(resources: ApiResource[], failures: DiscoveryFailure[]): EnvironmentError {
  const what = failures.map((f) => `${f.groupVersion} (${f.reason})`).join(', ');
  return new EnvironmentError(
    DISCOVERY_INCOMPLETE,
    `the API server could not list the resources of ${what}`,
    'an aggregated API is registered but not answering: see `kubectl get apiservices`, then fix or delete it',
    { resources, failures },
  );
}

/** The partial discovery a discoveryIncompleteError carries; undefined for any other error. */
export function incompleteDiscovery(err: unknown): { resources: ApiResource[]; failures: DiscoveryFailure[] } | undefined {
  if (!(err instanceof KindlingError) || err.code !== DISCOVERY_INCOMPLETE) return undefined;
  return { resources: err.details.resources as ApiResource[], failures: err.details.failures as DiscoveryFailure[] };
}

/** The HTTP status and server message of a failed request (client-node's ApiException); undefined for other errors. */
export function apiFailure(err: unknown): { status: number; message: string } | undefined {
  const { code, body } = (err ?? {}) as { code?: unknown; body?: unknown };
  if (typeof code !== 'number') return undefined;
  const said = statusMessage(body);
  return { status: code, message: said ?? (typeof body === 'string' && body !== '' ? body : `HTTP ${code}`) };
}

// The message of a Status body, whether client-node parsed it or left it as JSON text.
function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (value as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Why a request failed, in one line: the status and the server's words, or the error's message. */
export function failureReason(err: unknown): string {
  const failure = apiFailure(err);
  return failure ? `HTTP ${failure.status}: ${failure.message}` : String((err as Error).message ?? err);
}

/** The URL path of a group version: `/api/v1` for the core group, `/apis/GROUP/VERSION` for the others. */
export const groupVersionPath = (apiVersion: string) => (apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);

export type ResourceList = { resources?: Array<{ name: string; kind: string; namespaced?: boolean; verbs?: string[] }> };
export type GroupList = { groups?: Array<{ preferredVersion?: { groupVersion: string }; versions?: Array<{ groupVersion: string }> }> };
/** The resources of one discovery document, without subresources (`deployments/scale`). */
export function discovered(apiVersion: string, list: ResourceList): ApiResource[] {
  return (list.resources ?? [])
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({ apiVersion, kind: r.kind, resource: r.name, namespaced: r.namespaced === true, verbs: [...(r.verbs ?? [])] }));
}
