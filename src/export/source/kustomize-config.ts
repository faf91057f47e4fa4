// kustomize's own files (Kustomization, Component, builtin transformer configs such as LabelTransformer) sit next
// to the manifests they build but are not Kubernetes objects: no API server accepts them. They are reported as
// skipped, never exported.
import { basename } from 'node:path';

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** Why a file is kustomize configuration by its name alone (kustomize only reads these names); undefined if not. */
export function kustomizeFileReason(file: string): string | undefined {
  return KUSTOMIZATION_FILES.has(basename(file))
    ? 'kustomize configuration file (build it with `kustomize build` to export its output)'
    : undefined;
}

/**
 * Why one parsed document is kustomize configuration rather than an object; undefined if it is not. Matched by
 * kustomize's own apiVersions, so Flux's `kustomize.toolkit.fluxcd.io` Kustomization (a real resource) is kept.
 */
export function kustomizeDocumentReason(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { apiVersion, kind } = value as Record<string, unknown>;
  const kustomize = typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.config.k8s.io/');
  if (kustomize || (apiVersion === undefined && kind === 'Kustomization')) return `kustomize ${String(kind)}, not a Kubernetes object`;
  if (apiVersion === 'builtin') return `kustomize builtin ${String(kind)} configuration, not a Kubernetes object`;
  return undefined;
}
