// Picks one context out of a kubeconfig, for verbs that act on any cluster the user names (`restore --context`):
// the same text with current-context set, so a client built from it talks to that cluster.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** The kubeconfig text with current-context set to `context`, or undefined when it has no such context (or is not a kubeconfig). */
export function selectContext(text: string, context: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const contexts = doc.get('contexts', true);
  if (!isSeq(contexts)) return undefined;
  const found = contexts.items.some((item) => {
    if (!isMap(item)) return false;
    const name = item.get('name', true);
    return isScalar(name) && String(name.value) === context;
  });
  if (!found) return undefined;
  doc.set('current-context', context);
  return doc.toString({ lineWidth: 0 });
}
