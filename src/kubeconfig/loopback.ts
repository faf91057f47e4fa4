// Kubeconfigs kindling stores must point at 127.0.0.1: k3d writes https://0.0.0.0:PORT by default.

const WILDCARD_SERVER = /^(\s*(?:-\s+)?server:\s*["']?https:\/\/)(?:0\.0\.0\.0|\[::\])(?=[:/"'\s]|$)/gm;

/** Rewrites every `server: https://0.0.0.0...` (or [::]) to 127.0.0.1; every other byte stays as written. */
export function pinServersToLoopback(kubeconfig: string): string {
  return kubeconfig.replace(WILDCARD_SERVER, '$1127.0.0.1');
}
