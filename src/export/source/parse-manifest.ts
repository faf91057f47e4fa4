// Turns the text of one manifest file (multi-document YAML or JSON: kubectl output, kustomize output, Helm-rendered
// templates) into objects that remember their file and document. Empty, comment-only and null documents are ignored;
// anything else that is not an object fails with the file, the 0-based document index and the line.
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import { InvalidInputError } from '../../errors.js';
import type { SourcedObject } from '../kube-object.js';
import { checkDocument } from './check-object.js';
import { fastDocuments } from './fast-yaml.js';
import { tidyValue } from './tidy-value.js';
import { kustomizeDocumentReason } from './kustomize-config.js';
import { PARSE_OPTIONS } from './yaml-dialect.js';

/** A document left out on purpose, with the reason shown in the report. */
export interface SkippedDocument {
  file: string;
  /** 0-based index in the file's YAML stream; absent when the whole file was skipped. */
  document?: number;
  reason: string;
}

/** What one file holds: objects to export and documents skipped on purpose. */
export interface ParsedManifest {
  objects: SourcedObject[];
  skipped: SkippedDocument[];
}

function invalid(file: string, document: number, line: number, problem: string): InvalidInputError {
  return new InvalidInputError(
    `${file}: document ${document} (line ${line}): ${problem}`,
    'fix or remove that document; every document must be a Kubernetes object with apiVersion, kind and metadata.name',
    { file, document, line },
  );
}

function syntaxError(file: string, document: number, doc: Document, lc: LineCounter): InvalidInputError {
  const error = doc.errors[0]!;
  const line = error.linePos?.[0].line ?? lc.linePos(error.pos?.[0] ?? doc.range?.[0] ?? 0).line;
  const text = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return invalid(file, document, line, `YAML: ${text}`);
}

/** The document as plain data, nulls read as absent; alias bombs, self-containing aliases and bad merge keys fail
 * like syntax errors. */
function toValue(file: string, document: number, doc: Document, lc: LineCounter): unknown {
  try {
    return tidyValue(doc.toJS());
  } catch (err) {
    throw invalid(file, document, lc.linePos(doc.range?.[0] ?? 0).line, `YAML: ${(err as Error).message}`);
  }
}

/** What the fast reading found: the parsed manifest, or undefined when a document needs the careful path. */
export function fastManifest(text: string, file: string): ParsedManifest | undefined {
  const values = fastDocuments(text);
  if (values === undefined) return undefined;
  const result: ParsedManifest = { objects: [], skipped: [] };
  for (const [document, raw] of values.entries()) {
    if (raw === null || raw === undefined) continue;
    let value: unknown;
    try {
      // An alias (a node held twice) goes to the careful path, which bounds alias expansion; refusing at the
      // second visit also keeps this walk linear whatever the aliases.
      value = tidyValue(raw, { refuseShared: true });
    } catch {
      return undefined;
    }
    const reason = kustomizeDocumentReason(value);
    if (reason !== undefined) {
      result.skipped.push({ file, document, reason });
      continue;
    }
    const checked = checkDocument(value);
    // A document that is not an object is refused with its line: the careful path knows lines.
    if ('problem' in checked) return undefined;
    result.objects.push(...checked.objects.map((object) => ({ object, origin: { file, document } })));
    for (const finding of checked.findings) result.skipped.push({ file, document, reason: finding });
  }
  return result;
}

/** Parses one file's text. Throws InvalidInputError naming file, document and line for the first bad document. */
export function parseManifest(text: string, file: string): ParsedManifest {
  return fastManifest(text, file) ?? carefulManifest(text, file);
}

/** The `yaml` package's reading: slower, exact about lines, bounded on aliases. */
export function carefulManifest(text: string, file: string): ParsedManifest {
  const lc = new LineCounter();
  const result: ParsedManifest = { objects: [], skipped: [] };
  // One document at a time: each is made plain data and its syntax tree dropped before the next is parsed, so a
  // 50 MB stream never holds every tree at once (parseAllDocuments did, and its memory grew faster than the input).
  const composer = new Composer(PARSE_OPTIONS);
  let document = -1;
  for (const doc of composer.compose(new Parser(lc.addNewLine).parse(text))) {
    document++;
    if (doc.errors.length > 0) throw syntaxError(file, document, doc, lc);
    const value = toValue(file, document, doc, lc);
    if (value === null || doc.contents === null) continue;
    const reason = kustomizeDocumentReason(value);
    if (reason !== undefined) {
      result.skipped.push({ file, document, reason });
      continue;
    }
    const checked = checkDocument(value);
    if ('problem' in checked) throw invalid(file, document, lc.linePos(doc.contents.range[0]).line, checked.problem);
    result.objects.push(...checked.objects.map((object) => ({ object, origin: { file, document } })));
    for (const finding of checked.findings) result.skipped.push({ file, document, reason: finding });
  }
  return result;
}
