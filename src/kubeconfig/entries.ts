// Pure edits of kubeconfig text: add a cluster's entries, remove exactly the entries named, read names.
// Works on the YAML document (not a re-serialised object), so the user's other entries, comments and
// quoting stay as they were written.
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import { KubeconfigInvalidError } from '../errors.js';

/** The three named lists of a kubeconfig. */
export const SECTIONS = ['clusters', 'users', 'contexts'] as const;
/** One of clusters, users, contexts. */
export type Section = (typeof SECTIONS)[number];

/** Entry names per section. */
export type KubeconfigNames = Record<Section, string[]>;

/** What a merge did: the names it wrote, those that replaced an entry already there, the old context. */
export interface MergeResult {
  text: string;
  added: KubeconfigNames;
  replaced: string[];
  previousContext: string | undefined;
}

const EMPTY = 'apiVersion: v1\nkind: Config\npreferences: {}\nclusters: []\nusers: []\ncontexts: []\ncurrent-context: ""\n';

/** Parses kubeconfig text; a YAML error or a top level that is not a map is KubeconfigInvalidError (line, column). */
function load(text: string): Document {
  const doc = parseDocument(text.trim() === '' ? EMPTY : text);
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0] ?? { line: 1, col: 1 };
    throw new KubeconfigInvalidError(`not valid YAML: ${error.message.split('\n')[0]}`, { line: at.line, column: at.col });
  }
  if (!isMap(doc.contents)) {
    const offset = doc.contents?.range?.[0] ?? 0;
    const before = text.slice(0, offset).split('\n');
    throw new KubeconfigInvalidError('not a kubeconfig: the top level is not a map', {
      line: before.length,
      column: before.at(-1)!.length + 1,
    });
  }
  return doc;
}

/** kubectl writes `clusters:\n- name`; some tools indent the dash. Keep whichever the file uses. */
function render(doc: Document, original: string): string {
  const indentSeq = /^(clusters|users|contexts):\n {2}- /m.test(original);
  return doc.toString({ indentSeq, lineWidth: 0 });
}

function section(doc: Document, key: Section): YAMLSeq {
  const node = doc.get(key, true);
  if (isSeq(node)) {
    node.flow = false;
    return node;
  }
  const seq = new YAMLSeq();
  doc.set(key, seq); // absent, null (k3d leaves `clusters: null`) or malformed: start a list
  return seq;
}

function nameOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const n = item.get('name', true);
  return isScalar(n) ? String(n.value) : undefined;
}

/** The entry names in a kubeconfig's text. */
export function namesIn(text: string): KubeconfigNames {
  const doc = load(text);
  const out = { clusters: [], users: [], contexts: [] } as KubeconfigNames;
  for (const key of SECTIONS) {
    const node = doc.get(key, true);
    if (isSeq(node)) out[key] = node.items.map(nameOf).filter((n): n is string => n !== undefined);
  }
  return out;
}

/** Adds (or replaces, by name) every entry of `addition` to `target`; optionally switches current-context. */
export function mergeKubeconfig(target: string, addition: string, opts: { switchContext: boolean }): MergeResult {
  const doc = load(target);
  const add = load(addition);
  const added = { clusters: [], users: [], contexts: [] } as KubeconfigNames;
  const replaced: string[] = [];
  for (const key of SECTIONS) {
    const into = section(doc, key);
    const from = add.get(key, true);
    for (const item of isSeq(from) ? from.items : []) {
      const name = nameOf(item);
      if (name === undefined) continue;
      const at = into.items.findIndex((i) => nameOf(i) === name);
      const node = doc.createNode(add.createNode(item).toJSON());
      if (at >= 0) {
        into.items[at] = node;
        replaced.push(`${key}/${name}`);
      } else {
        into.items.push(node);
      }
      added[key].push(name);
    }
  }
  const previous = doc.get('current-context');
  const previousContext = typeof previous === 'string' && previous !== '' ? previous : undefined;
  if (opts.switchContext) {
    const ctx = add.get('current-context');
    if (typeof ctx === 'string' && ctx !== '') doc.set('current-context', doc.createNode(ctx));
  }
  return { text: render(doc, target), added, replaced, previousContext };
}

/** Removes exactly the named entries. If current-context pointed at a removed context, it becomes
 * `restoreContext` when that context still exists, else empty (as kind does). */
export function removeFromKubeconfig(target: string, names: KubeconfigNames, restoreContext?: string): string {
  const doc = load(target);
  for (const key of SECTIONS) {
    const node = doc.get(key, true);
    if (!isSeq(node)) continue;
    node.items = node.items.filter((i) => !names[key].includes(nameOf(i) ?? ''));
  }
  const current = doc.get('current-context');
  if (typeof current === 'string' && names.contexts.includes(current)) {
    const stillThere = restoreContext !== undefined && namesIn(render(doc, target)).contexts.includes(restoreContext);
    doc.set('current-context', stillThere ? restoreContext : '');
  }
  return render(doc, target);
}
