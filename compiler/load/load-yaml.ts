// Pass 1, load: read a YAML file into data plus a source map. YAML problems (syntax, duplicate
// keys, tabs, alias bombs, unknown tags) and unreadable files (read-document.ts) become diagnostics;
// nothing here throws for bad input.
import { resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type YAMLError, type YAMLWarning } from 'yaml';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { displayPath } from '../source/display-path.js';
import { SourceFile, type Location, type ParsedYaml } from '../source/source-file.js';
import { checkExactIntegers, exactParseOptions } from './document-values.js';
import { readSimpleYaml } from './simple-yaml.js';
import type { SourceText } from '../source/text-source.js';
import { readDocumentText } from './read-document.js';

export interface LoadedDocument {
  source: SourceFile;
  data: unknown;
}

/** Bounds the work aliases can cause (billion-laughs style documents). */
const maxAliasCount = 100;


/** What one compilation shares across passes: where it runs, what it found, what it read. */
export interface Session {
  cwd: string;
  bag: DiagnosticBag;
  /** Every file read, by display path, so renderers can quote source lines. */
  sources: Map<string, SourceText>;
}

/** The syntax tree of a YAML text, parsed the one way plc reads every file. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // merge: `<<` keys are YAML 1.1, but people write them in YAML 1.2 files too and expect them to work.
  // uniqueKeys off: yaml compares each key with every earlier one (quadratic on large maps);
  // duplicateKeyErrors finds the same keys in one pass.
  // resolveKnownTags off: !!binary, !!set, !!timestamp … would make values JSON has no form for.
  const options = { lineCounter, prettyErrors: false, version: '1.2', merge: true, resolveKnownTags: false, ...exactParseOptions } as const;
  // The common case without yaml's general parser; the same tree, or undefined and yaml reads it (simple-yaml.ts).
  const document = readSimpleYaml(text, options) ?? parseDocument(text, options);
  document.errors.push(...duplicateKeyErrors(document));
  return { lineCounter, document };
}

/**
 * yaml's DUPLICATE_KEY errors (a later key equal to an earlier scalar key of the same map, as
 * yaml's uniqueKeys: true compares them), found with one set per map.
 */
function duplicateKeyErrors(document: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  // An explicit stack rather than recursion: nesting depth is the document's to choose.
  const pending: unknown[] = [document.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const { key, value } of node.items) {
        pending.push(key, value);
        if (!isScalar(key) || Number.isNaN(key.value)) continue; // NaN equals nothing, as with ===
        // Integers are read as bigint (exactParseOptions); 1 and 1.0 are still one key, but two integers
        // past 2^53 that one number would round together are not.
        const keyValue = typeof key.value === 'bigint' && Number.isSafeInteger(Number(key.value)) ? Number(key.value) : key.value;
        if (seen.has(keyValue) && key.range) errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(keyValue);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item); // not push(...items): a long list would overflow the stack
    } else if (isPair(node)) {
      pending.push(node.key, node.value); // a single-pair mapping inside a flow sequence
    }
  }
  return errors;
}

export function loadYaml(path: string, session: Session, requestedAt?: Location): LoadedDocument | undefined {
  const { cwd, bag } = session;
  const absolutePath = resolve(cwd, path);
  const shown = displayPath(absolutePath, cwd);
  const where: Location = requestedAt ?? { file: shown, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } };
  const text = readDocumentText({ absolutePath, shown, where }, bag, session.sources);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text);
  const { document } = parsed;
  const source = new SourceFile(shown, absolutePath, text, parsed);
  session.sources.set(shown, source);
  const tagProblems = document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED' || warning.code === 'BAD_COLLECTION_TYPE');
  if (document.errors.length > 0 || tagProblems.length > 0) {
    for (const error of document.errors) reportYamlError(error, source, bag);
    for (const warning of tagProblems) reportUnknownTag(warning, source, bag);
    return undefined;
  }
  checkExactIntegers(document, source, bag);
  try {
    return { source, data: document.toJS({ maxAliasCount }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
    if (unresolved !== undefined) {
      const at = unresolvedAliasRange(document, unresolved);
      bag.report('PLC0006', at === undefined ? source.start : source.location(at[0], at[1]), { name: unresolved });
    } else {
      bag.report('PLC0005', source.start, { detail: message });
    }
    return undefined;
  }
}

/** Where the first alias `*name` with no anchor before it is (not the first text "*name", which may be in a comment). */
function unresolvedAliasRange(document: Document, name: string): [number, number] | undefined {
  let range: [number, number] | undefined;
  visit(document, {
    Alias(_, alias) {
      if (alias.source !== name || alias.range === undefined || alias.range === null || alias.resolve(document) !== undefined) return undefined;
      range = [alias.range[0], alias.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

function reportYamlError(error: YAMLError, source: SourceFile, bag: DiagnosticBag): void {
  if (error.code === 'DUPLICATE_KEY') {
    // duplicateKeyErrors points at the key's first character; underline the whole key.
    const token = /^("[^"\n]*"|'[^'\n]*'|[^:\s,{}[\]]+)/.exec(source.text.slice(error.pos[0]))?.[0] ?? '';
    bag.report('PLC0002', source.location(error.pos[0], error.pos[0] + Math.max(1, token.length)), { key: token.replace(/^["']|["']$/g, '') });
    return;
  }
  const location = source.location(error.pos[0], error.pos[1]);
  if (error.code === 'MULTIPLE_DOCS') {
    bag.report('PLC0007', location);
    return;
  }
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const detail = /call stack/i.test(message) ? 'the document is nested too deeply' : message;
  bag.report('PLC0001', location, { detail });
}

/** CloudFormation's short-form intrinsic functions, which people carry over from templates. */
const cloudFormationTags = new Set(['!Ref', '!Sub', '!GetAtt', '!Join', '!Select', '!Split', '!If', '!Equals', '!Not', '!And', '!Or', '!Condition', '!FindInMap', '!ImportValue', '!GetAZs', '!Base64', '!Cidr', '!Transform', '!Length', '!ToJsonString']);

/** yaml keeps the value of a tag it cannot resolve, dropping the tag; plc does not guess. */
function reportUnknownTag(warning: YAMLWarning, source: SourceFile, bag: DiagnosticBag): void {
  const tag = source.text.slice(warning.pos[0], warning.pos[1]);
  bag.report(cloudFormationTags.has(tag) ? 'PLC0017' : 'PLC0016', source.location(warning.pos[0], warning.pos[1]), { tag });
}
