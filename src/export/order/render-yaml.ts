// Writes objects as one multi-document YAML stream, byte for byte the same for the same objects: keys in the
// export order, strings quoted wherever a YAML 1.1 reader (kubectl) could take them for something else, no line
// folding, no anchors.
import { stringify } from 'yaml';
import type { KubeObject } from '../kube-object.js';
import { RENDER_OPTIONS } from '../source/yaml-dialect.js';
import { orderKeys } from './order-keys.js';
import { plainYaml } from './plain-yaml.js';

/** The objects, in the order given (see orderObjects), as `---`-separated YAML documents; '' for none. */
export function toYamlDocuments(objects: readonly KubeObject[]): string {
  return objects.map((o) => renderObject(orderKeys(o))).join('---\n');
}

function renderObject(ordered: KubeObject): string {
  return plainYaml(ordered, '1.1') ?? stringify(ordered, RENDER_OPTIONS);
}
