// kubectl reads manifests with YAML 1.1 rules (sigs.k8s.io/yaml on go-yaml v2): `0755` is octal, `yes` and `on`
// are booleans, `<<` merges. Parsing with the YAML 1.2 default would turn `defaultMode: 0755` into 755. The one
// difference kept from the yaml package's 1.1 schema: timestamps and base-60 numbers stay strings, as go-yaml v2
// leaves them when decoding into untyped maps.
import type { CreateNodeOptions, DocumentOptions, ParseOptions, SchemaOptions, ToStringOptions } from 'yaml';

type Tags = Exclude<SchemaOptions['customTags'], ((tags: never) => unknown) | null | undefined>;

function withoutTimeTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp'));
}

/** Options for parsing manifests the way kubectl does. */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: withoutTimeTags,
  uniqueKeys: true,
};

/**
 * Options for writing manifests any YAML reader gets back unchanged: the full 1.1 schema, so every string a 1.1
 * reader could take for a number, boolean, time or null is quoted; no line folding and no aliases, for clean diffs.
 */
export const RENDER_OPTIONS: DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions = {
  version: '1.1',
  lineWidth: 0,
  aliasDuplicateObjects: false,
};
