// Pass 1, load: read a YAML file into data plus a source map. YAML problems (syntax, duplicate
// keys, tabs, alias bombs, oversized files) become diagnostics; nothing here throws for bad input.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { SourceFile, type Location } from '../source/source-file.js';
import { checkDocumentValues, exactParseOptions } from './document-values.js';
import type { SourceText } from '../source/text-source.js';

export interface LoadedDocument {
  source: SourceFile;
  data: unknown;
}

const maxFileBytes = 1024 * 1024;
/** Bounds the work aliases can cause (billion-laughs style documents). */
const maxAliasCount = 100;

/** How a path is shown to the user: relative to the working folder when that is shorter. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** What one compilation shares across passes: where it runs, what it found, what it read. */
export interface Session {
  cwd: string;
  bag: DiagnosticBag;
  /** Every file read, by display path, so renderers can quote source lines. */
  sources: Map<string, SourceText>;
}

export function loadYaml(path: string, session: Session, requestedAt?: Location): LoadedDocument | undefined {
  const { cwd, bag } = session;
  const absolutePath = resolve(cwd, path);
  const shown = displayPath(absolutePath, cwd);
  const where: Location = requestedAt ?? { file: shown, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  let text: string;
  try {
    const size = statSync(absolutePath).size;
    if (size > maxFileBytes) {
      bag.report('PLC0004', where, { path: shown, size, limit: maxFileBytes });
      return undefined;
    }
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    bag.report('PLC0003', where, { path: shown, detail: describeFsError(error) });
    return undefined;
  }
  const lineCounter = new LineCounter();
  // merge: `<<` keys are YAML 1.1, but people write them in YAML 1.2 files too and expect them to work.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2', merge: true, ...exactParseOptions });
  const source = new SourceFile(shown, absolutePath, text, lineCounter, document);
  session.sources.set(shown, source);
  if (document.errors.length > 0) {
    for (const error of document.errors) reportYamlError(error, source, bag);
    return undefined;
  }
  if (!checkDocumentValues(document, source, bag)) return undefined;
  try {
    return { source, data: document.toJS({ maxAliasCount }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
    if (unresolved !== undefined) {
      const at = text.indexOf(`*${unresolved}`);
      bag.report('PLC0006', at < 0 ? source.start : source.location(at, at + unresolved.length + 1), { name: unresolved });
    } else {
      bag.report('PLC0005', source.start, { detail: message });
    }
    return undefined;
  }
}

function reportYamlError(error: YAMLError, source: SourceFile, bag: DiagnosticBag): void {
  const location = source.location(error.pos[0], error.pos[1]);
  if (error.code === 'MULTIPLE_DOCS') {
    bag.report('PLC0007', location);
    return;
  }
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const detail = /call stack/i.test(message) ? 'the document is nested too deeply' : message;
  bag.report('PLC0001', location, { detail });
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
