// A fast reading of manifest streams with js-yaml, for the common case, giving exactly what the `yaml` package
// gives under kindling's YAML 1.1 dialect (yaml-dialect.ts): the same null, bool, int and float rules, written
// here from the `yaml` package's 1.1 tags (timestamps and base-60 numbers stay strings, as go-yaml v2 leaves
// them), and merge keys. On the `yaml` package, 12 MB of manifests take about 8 s; on js-yaml, about 1 s.
// Anything unusual (an explicit tag it does not know, a duplicate key, a syntax error; an alias, seen by the caller)
// is left to the
// `yaml` package, which reads it as before and says exactly where a problem is: this returns undefined then.
import { FAILSAFE_SCHEMA, defineScalarTag, loadAll, mergeTag, NOT_RESOLVED, Schema } from 'js-yaml';

const DIGITS = [...'0123456789'];

const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (s) => (/^(?:~|[Nn]ull|NULL)?$/.test(s) ? null : NOT_RESOLVED),
  identify: (o) => o === null,
  represent: () => 'null',
});

const boolTag = defineScalarTag('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: [...'yYnNtTfFoO'],
  resolve: (s) =>
    /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/.test(s)
      ? true
      : /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/.test(s)
        ? false
        : NOT_RESOLVED,
  identify: (o) => typeof o === 'boolean',
  represent: (o) => String(o),
});

// The `yaml` package's 1.1 integers, tried in its order: binary, octal (a leading 0), decimal, hexadecimal.
const INTS: ReadonlyArray<{ test: RegExp; skip: number; radix: number }> = [
  { test: /^[-+]?0b[0-1_]+$/, skip: 2, radix: 2 },
  { test: /^[-+]?0[0-7_]+$/, skip: 1, radix: 8 },
  { test: /^[-+]?[0-9][0-9_]*$/, skip: 0, radix: 10 },
  { test: /^[-+]?0x[0-9a-fA-F_]+$/, skip: 2, radix: 16 },
];

function int(s: string): number | typeof NOT_RESOLVED {
  const form = INTS.find((f) => f.test.test(s));
  if (form === undefined) return NOT_RESOLVED;
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  const n = Number.parseInt(s.slice(sign.length + form.skip).replace(/_/g, ''), form.radix);
  return sign === '-' ? -1 * n : n;
}

const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...DIGITS],
  resolve: int,
  identify: (o) => typeof o === 'number' && Number.isInteger(o),
  represent: (o) => String(o),
});

function float(s: string): number | typeof NOT_RESOLVED {
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.endsWith('n') || s.endsWith('N') ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/.test(s)) {
    return Number.parseFloat(s.replace(/_/g, ''));
  }
  return NOT_RESOLVED;
}

const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', 'e', 'E', ...DIGITS],
  resolve: float,
  identify: (o) => typeof o === 'number',
  represent: (o) => String(o),
});

const SCHEMA = new Schema([...FAILSAFE_SCHEMA.tags, nullTag, boolTag, intTag, floatTag, mergeTag]);

// A null key (`~: v`, `null: v`, `: v`): the `yaml` package names it "", js-yaml "null". Never in a real manifest.
const MAY_HAVE_NULL_KEY = /(?:^|[[{,\s])(?:~|null|Null|NULL)?[ \t]*:(?:\s|$)/m;

/** Every document's plain value, in order (null for an empty one), or undefined to take the careful path. */
export function fastDocuments(text: string): unknown[] | undefined {
  if (MAY_HAVE_NULL_KEY.test(text)) return undefined;
  try {
    return loadAll(text, { schema: SCHEMA });
  } catch {
    return undefined;
  }
}
