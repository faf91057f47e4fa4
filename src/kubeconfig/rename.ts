// Renames the single cluster, user and context an engine writes (kind-NAME, k3d-NAME, admin@k3d-NAME) to the
// names a preset's users expect (minikube, default, microk8s/microk8s-cluster/admin). Neither engine can name
// them itself.
import { parseDocument, isMap, isSeq, type YAMLMap } from 'yaml';
import { InvalidInputError } from '../errors.js';
import type { KubeconfigNames } from '../presets/schema.js';

function entries(doc: ReturnType<typeof parseDocument>, section: string): YAMLMap[] {
  const seq = doc.get(section);
  return isSeq(seq) ? seq.items.filter(isMap) : [];
}

function only(doc: ReturnType<typeof parseDocument>, section: string): YAMLMap {
  const list = entries(doc, section);
  if (list.length !== 1)
    throw new InvalidInputError(`the engine's kubeconfig has ${list.length} ${section}; kindling can rename exactly one`);
  return list[0]!;
}

/** The kubeconfig with its one cluster, user and context renamed (references and current-context follow). */
export function renameKubeconfigEntries(text: string, names: KubeconfigNames): string {
  const doc = parseDocument(text);
  const cluster = only(doc, 'clusters');
  const user = only(doc, 'users');
  const context = only(doc, 'contexts');
  cluster.set('name', names.cluster);
  user.set('name', names.user);
  context.set('name', names.context);
  const body = context.get('context');
  if (isMap(body)) {
    body.set('cluster', names.cluster);
    body.set('user', names.user);
  }
  if (doc.has('current-context') && doc.get('current-context')) doc.set('current-context', names.context);
  return doc.toString();
}
