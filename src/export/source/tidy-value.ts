// Makes a parsed document safe for every reader: `null` is treated as absent (a map key holding null is dropped,
// as is a null list item, as the API server does with an applied null), and a document whose YAML aliases make it
// refer to itself (`metadata: &m {labels: {self: *m}}`) is refused, since no reader could walk it to the end.
// Changes the value in place (it is a fresh parse); one pass over the document.

/** The document with nulls removed; throws CyclicDocument for a document that contains itself, and with
 * `refuseShared`, SharedNode for one that holds a node twice (an alias, however used). */
export function tidyValue(value: unknown, opts: { refuseShared?: boolean } = {}): unknown {
  const ancestors = new Set<object>();
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (ancestors.has(v)) throw new CyclicDocument(path);
    if (opts.refuseShared) {
      if (seen.has(v)) throw new SharedNode(path);
      seen.add(v);
    }
    ancestors.add(v);
    if (Array.isArray(v)) {
      let w = 0;
      for (let r = 0; r < v.length; r++) {
        if (v[r] === null || v[r] === undefined) continue;
        walk(v[r], `${path}[${r}]`);
        v[w++] = v[r];
      }
      v.length = w;
    } else {
      const map = v as Record<string, unknown>;
      for (const key of Object.keys(map)) {
        if (map[key] === null || map[key] === undefined) delete map[key];
        else walk(map[key], path === '' ? key : `${path}.${key}`);
      }
    }
    ancestors.delete(v);
  };
  walk(value, '');
  return value;
}

/** A document that contains itself through YAML aliases. */
export class CyclicDocument extends Error {
  constructor(readonly path: string) {
    super(`a YAML alias makes ${path || 'the document'} contain itself`);
  }
}

/** A node held twice in a document (an alias). */
export class SharedNode extends Error {
  constructor(readonly path: string) {
    super(`${path || 'the document'} is an alias of another node`);
  }
}
