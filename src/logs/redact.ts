// The one function every text passes through before it goes into a logs archive: it takes out credentials
// (kubeconfig keys and certificates, tokens, passwords, bearer and basic auth, private key blocks, JWTs,
// credentials in URLs, sensitive environment variables, and the data of Secret objects) and keeps the rest.
// It errs on the side of removing too much: a harmless value removed costs less than a credential kept.

/** What a removed value is replaced with. */
export const REDACTED = 'REDACTED';

/** A key whose value is a credential: kubeconfig user fields, tokens, passwords, secrets, keys. */
const SECRET_KEY =
  /^(?:[\w.-]*[-_.])?(?:token|password|passwd|secret|auth|client-key-data|client-certificate-data|private[-_]?key|api[-_]?key)$|[a-z0-9](?:Token|Password|Passwd|Secret|PrivateKey|ApiKey)$/i;
/** An environment variable's name that says it holds a credential. */
const SECRET_NAME = /token|password|passwd|secret|api_?key|access_?key|private_?key|credential/i;
/** Values that are never credentials: booleans, null, empty, the start of a nested object or list. */
const HARMLESS_VALUE = /^(?:true|false|null|~|''|""|[{[].*)?$/;
/** A YAML or JSON line saying the object it is in is a Secret. */
const SECRET_KIND = /^\s*(?:-\s+)?["']?kind["']?\s*:\s*["']?Secret["']?\s*,?\s*$/;
/** `key: value` (YAML, or a pretty-printed JSON line): the prefix up to the key (indent, list dash), quote, key, value. */
const KEY_LINE = /^(\s*(?:-\s+)?)(["']?)([\w.-]+)\2\s*:(?:\s+(.*?))?\s*$/;

/** A scalar's replacement, keeping its quotes and a JSON line's trailing comma. */
function redactScalar(value: string): string {
  const quoted = /^(["'])(.*)\1(,?)$/.exec(value);
  return quoted ? `${quoted[1]}${REDACTED}${quoted[1]}${quoted[3]}` : REDACTED;
}

/** Lines under a key that are removed: a block scalar's, or a Secret's data (whose keys are kept). */
interface Block {
  column: number;
  keepKeys: boolean;
  childColumn?: number;
}

/** One YAML document (or JSON text) line by line: credential keys, sensitive env entries, Secret data. */
function redactDocument(lines: string[]): string[] {
  const isSecret = lines.some((l) => SECRET_KIND.test(l));
  const out: string[] = [];
  let block: Block | undefined;
  let envColumn: number | undefined;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (block && (line.trim() === '' || indent > block.column)) {
      if (line.trim() === '') out.push(line);
      else if (block.keepKeys && indent === (block.childColumn ??= indent)) {
        const m = KEY_LINE.exec(line);
        out.push(m ? `${m[1]}${m[2]}${m[3]}${m[2]}: ${redactScalar(m[4] ?? '')}` : `${' '.repeat(indent)}${REDACTED}`);
      }
      continue;
    }
    block = undefined;
    const m = KEY_LINE.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const [, prefix = '', quote = '', key = '', value = ''] = m;
    const column = prefix.length;
    if (envColumn !== undefined && (column < envColumn || (column === envColumn && prefix.includes('-')))) envColumn = undefined;
    if (isSecret && (key === 'data' || key === 'stringData') && (value === '' || /^\{.+\}$/.test(value))) {
      out.push(value === '' ? line : `${prefix}${quote}${key}${quote}: {${REDACTED}}`);
      if (value === '') block = { column, keepKeys: true };
    } else if (key === 'name' && SECRET_NAME.test(value)) {
      envColumn = column;
      out.push(line);
    } else if ((key === 'value' && column === envColumn) || (SECRET_KEY.test(key) && !HARMLESS_VALUE.test(value))) {
      out.push(`${prefix}${quote}${key}${quote}: ${redactScalar(value)}`);
      if (/^[|>]/.test(value)) block = { column, keepKeys: false };
    } else out.push(line);
  }
  return out;
}

/** Every YAML document of the text (split at `---`) through redactDocument. */
function redactLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || /^(?:---|\.\.\.)(?:\s|$)/.test(lines[i]!)) {
      out.push(...redactDocument(lines.slice(start, i)));
      start = i;
    }
  }
  return out.join('\n');
}

/** JSON as it is, and JSON inside a JSON string (an annotation holding the last applied object): a quote, a string. */
const JSON_FORMS = [
  { q: '"', str: String.raw`"(?:[^"\\]|\\.)*"` },
  { q: String.raw`\\"`, str: String.raw`\\"(?:[^"\\]|\\\\\\"|\\\\\\\\|\\\\[^"\\]|\\[^"\\])*?\\"` },
];

/** JSON on one line or many (logs, -o json, escaped annotations): credential keys, env entries, Secret data. */
function redactJson(text: string): string {
  let out = text;
  for (const { q, str } of JSON_FORMS) {
    const lit = q === '"' ? '"' : '\\"';
    const value = `${lit}${REDACTED}${lit}`;
    const pair = new RegExp(`(${q}([\\w.-]+)${q}\\s*:\\s*)${str}`, 'g');
    out = out.replace(pair, (all, head: string, key: string) => (SECRET_KEY.test(key) ? head + value : all));
    const env = new RegExp(`(${q}name${q}\\s*:\\s*(${str})\\s*,\\s*${q}value${q}\\s*:\\s*)${str}`, 'g');
    out = out.replace(env, (all, head: string, name: string) => (SECRET_NAME.test(name) ? head + value : all));
    if (new RegExp(`${q}kind${q}\\s*:\\s*${q}Secret${q}`).test(out)) {
      const data = new RegExp(`(${q}(?:data|stringData)${q}\\s*:\\s*)(\\{(?:[^{}])*\\})`, 'g');
      out = out.replace(data, (_all, head: string, body: string) => head + body.replace(pair, `$1${value}`));
    }
  }
  return out;
}

/** Credentials wherever they stand, whatever the format. */
const ANYWHERE: [RegExp, string | ((...groups: string[]) => string)][] = [
  [/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----)/g, `$1${REDACTED}$2`],
  // A block cut off before its END line (a truncated log).
  [/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)(?!REDACTED)(?:[A-Za-z0-9+/=\s]|\\n)+/g, `$1${REDACTED}`],
  [
    /(authorization["']?\s*[:=]\s*["']?)(?!(?:(?:bearer|basic|token|digest)\s+)?REDACTED)((?:bearer|basic|token|digest)\s+)?[^\s"',]+/gi,
    (_, head, scheme) => `${head}${scheme ?? ''}${REDACTED}`,
  ],
  [/\b(bearer\s+)(?!REDACTED)[\w\-.~+/]{8,}=*/gi, `$1${REDACTED}`],
  [/\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/g, REDACTED],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']+:)[^\s@/"']+@/gi, `$1${REDACTED}@`],
  [/(\b\w*(?:token|password|passwd|secret|api_?key|access_?key|private_?key|credentials?)\w*=)(?!REDACTED)[^\s"',;&]+/gi, `$1${REDACTED}`],
  [/(--[\w-]*(?:token|password|secret)\s+)(?![-"']|REDACTED)\S+/gi, `$1${REDACTED}`],
  [/(\b(?:token|password|passwd)["']?\s*:\s+)(?!REDACTED|true\b|false\b|null\b|[|>"'{[])[^\s"',}]+/gi, `$1${REDACTED}`],
];

/** `text` without credentials. Idempotent: redacting twice gives what redacting once gave. */
export function redact(text: string): string {
  let out = redactJson(redactLines(text));
  for (const [pattern, replacement] of ANYWHERE) out = out.replace(pattern, replacement as string);
  return out;
}
