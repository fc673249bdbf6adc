// A fast path for pass 1: the YAML plc's files are written in — block mappings and sequences;
// scalars and flow collections that fit on their line; comments placed where yaml attaches them
// to no node's range — read straight into the tree yaml's parseDocument builds from the same text:
// the same node classes, values (resolved by the document's own schema tags), scalar types and
// ranges. Comments are not attached to nodes (plc reads none from the tree). Anything else —
// anchors, aliases, tags, block scalars, escapes, multi-line scalars or flow collections, tabs,
// CRLF, directives, several documents, a comment yaml would fold into a range — makes it give up,
// and yaml reads the file, so yaml's errors and locations stay the only ones. Giving up is always
// safe; test/simple-yaml.test.ts holds the tree to yaml's on every YAML text in the repository
// and on generated documents. docs/performance.md has what it buys.
import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type LineCounter, type ParseOptions, type ScalarTag, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter };
type Node = Scalar | YAMLMap | YAMLSeq;
type Range = [number, number, number];

/** yaml's Directives class, which it does not export; every Document holds an instance. */
const Directives = new Document().directives!.constructor as new (init: { version: string }) => Document['directives'];

/** Deeper nesting than plc's documents have is left to yaml, which reports what recursion cannot handle. */
const maxDepth = 64;

/** Thrown (and caught below) where the text leaves the subset. */
const giveUp = Symbol('not simple YAML');

/**
 * Printable characters, line feeds and spaces only: no tab, CR, BOM, C1 control or lone surrogate,
 * so that every character below is either one yaml treats as text or one of the subset's indicators.
 */
const simpleCharacters = /^[\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Characters a plain scalar may not start with in the subset: yaml's indicators ('-' only before a space or a flow indicator). */
const indicators = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/** The document yaml's parseDocument(text, options) would build, or undefined where the text leaves the subset. */
export function readSimpleYaml(text: string, options: Options): Document | undefined {
  if (!simpleCharacters.test(text)) return undefined;
  // As yaml's composer makes each document: with the stream's directives (a YAML 1.2 stream has none).
  const document = new Document(undefined, { _directives: new Directives({ version: options.version ?? '1.2' }), ...options } as Options);
  try {
    return new Reader(text, document).read(options.lineCounter);
  } catch (error) {
    if (error === giveUp) return undefined;
    throw error;
  }
}

class Reader {
  /** Start offset of every line. */
  private readonly starts: number[] = [];
  /** Offset of every line's end (its '\n', or the text's end). */
  private readonly ends: number[] = [];
  /** Leading spaces of every line. */
  private readonly indents: number[] = [];
  /** 'c' content, '#' comment, ' ' blank. */
  private readonly kinds: string[] = [];
  /** The greatest indentation of the comment lines the last nextContent skipped (-1: none). */
  private skippedComment = -1;
  /** Collections open around the one being read: deep nesting is yaml's to handle (and to report). */
  private depth = 0;
  /** Whether the last value read was empty: yaml then keeps the line breaks after it out of the document's end. */
  private lastEmpty = false;
  private readonly stringTag: ScalarTag;
  private readonly plainTags: ScalarTag[];
  private readonly keyTags: ScalarTag[];

  constructor(
    private readonly text: string,
    private readonly document: Document,
  ) {
    const tags = document.schema.tags.filter((tag): tag is ScalarTag => !tag.collection);
    const stringTag = tags.find((tag) => tag.tag === 'tag:yaml.org,2002:str');
    if (!stringTag) throw giveUp;
    this.stringTag = stringTag;
    this.plainTags = tags.filter((tag) => tag.default === true && tag.test);
    this.keyTags = tags.filter((tag) => tag.default === 'key' && tag.test);
  }

  read(lineCounter: LineCounter): Document {
    const { text } = this;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      let indent = start;
      while (text.charCodeAt(indent) === 32) indent++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(indent - start);
      this.kinds.push(indent === end ? ' ' : text[indent] === '#' ? '#' : 'c');
      if (newline === -1) break;
      start = newline + 1;
    }
    const first = this.nextContent(0);
    if (first === this.kinds.length || this.indents[first] !== 0) throw giveUp;
    const { node, next } = this.blockMap(first, this.starts[first]!, 0);
    if (next !== this.kinds.length) throw giveUp;
    this.document.contents = node;
    this.document.range = [node.range![0], node.range![2], this.lastEmpty ? node.range![2] : text.length];
    for (const start of this.starts) lineCounter.addNewLine(start); // only now: a reader that gave up leaves it to yaml
    return this.document;
  }

  /**
   * The first content line from `line` on. The comment lines skipped must not be indented past it
   * (at the end: past column 0); yaml would fold those into the range of the node before them.
   */
  private nextContent(line: number): number {
    let comment = -1;
    while (line < this.kinds.length && this.kinds[line] !== 'c') {
      if (this.kinds[line] === '#') comment = Math.max(comment, this.indents[line]!);
      line++;
    }
    if (comment > (line < this.kinds.length ? this.indents[line]! : 0)) throw giveUp;
    this.skippedComment = comment;
    return line;
  }

  /** yaml keeps the comments after a closing collection's last item in its range when one reaches its column. */
  private close(indent: number): void {
    if (indent > 0 && this.skippedComment >= indent) throw giveUp;
  }

  /** A block mapping whose first key starts at `at` on `line`, at column `indent`. */
  private blockMap(line: number, at: number, indent: number): { node: YAMLMap; next: number } {
    this.enter();
    const map = new YAMLMap(this.document.schema);
    const start = at;
    let offset = at;
    for (;;) {
      if (indent === 0 && (this.text.startsWith('---', at) || this.text.startsWith('...', at))) throw giveUp; // document markers
      const { key, colon } = this.key(at, this.ends[line]!);
      const value = this.blockValue(line, colon + 1, indent);
      map.items.push(new Pair(key, value.node));
      offset = value.node.range![2];
      line = value.next;
      if (line === this.kinds.length || this.indents[line]! < indent) break;
      if (this.indents[line]! > indent) throw giveUp;
      at = this.starts[line]! + indent;
      if (this.isSequenceItem(at)) throw giveUp;
    }
    this.close(indent);
    map.range = [start, offset, offset];
    this.depth--;
    return { node: map, next: line };
  }

  /** A block sequence whose items start at column `indent`, the first on `line`. */
  private blockSequence(line: number, indent: number): { node: YAMLSeq; next: number } {
    this.enter();
    const seq = new YAMLSeq(this.document.schema);
    const start = this.starts[line]! + indent;
    let offset = start;
    for (;;) {
      const dash = this.starts[line]! + indent;
      let at = dash + 1;
      while (this.text.charCodeAt(at) === 32) at++;
      const end = this.ends[line]!;
      if (at === end || this.text[at] === '#' || this.text[at] === '-') throw giveUp; // an empty or nested item
      const item = this.isKeyAt(at, end) ? this.blockMap(line, at, at - this.starts[line]!) : this.inlineValue(line, at, indent);
      seq.items.push(item.node);
      offset = item.node.range![2];
      line = item.next;
      if (line === this.kinds.length || this.indents[line]! < indent) break;
      if (this.indents[line]! > indent) throw giveUp;
      if (!this.isSequenceItem(this.starts[line]! + indent)) break; // the next key of a mapping at the same column
    }
    this.close(indent);
    seq.range = [start, offset, offset];
    this.depth--;
    return { node: seq, next: line };
  }

  private enter(): void {
    if (++this.depth > maxDepth) throw giveUp;
  }

  private isSequenceItem(at: number): boolean {
    return this.text[at] === '-' && (this.text[at + 1] === ' ' || this.text[at + 1] === '\n' || at + 1 === this.text.length);
  }

  /** The value after a mapping key's ':' at `at`: on its line, or a block below it. */
  private blockValue(line: number, at: number, indent: number): { node: Node; next: number } {
    const end = this.ends[line]!;
    let from = at;
    while (this.text.charCodeAt(from) === 32) from++;
    if (from < end && this.text[from] !== '#') return this.inlineValue(line, from, indent);
    const commented = from < end; // `key:  # comment`, then the value below
    const next = this.nextContent(line + 1);
    const below = next < this.kinds.length ? this.indents[next]! : -1;
    if (below > indent) {
      const at = this.starts[next]! + below;
      return this.isSequenceItem(at) ? this.blockSequence(next, below) : this.blockMap(next, at, below);
    }
    if (below === indent && this.isSequenceItem(this.starts[next]! + below)) return this.blockSequence(next, below);
    if (commented || this.skippedComment >= 0) throw giveUp; // yaml moves comments around an empty value
    this.lastEmpty = true;
    return { node: this.scalar('', 'PLAIN', [from, from, from], false), next };
  }

  /** A scalar or flow collection starting at `at` that ends on its line, then an optional comment. */
  private inlineValue(line: number, at: number, indent: number): { node: Node; next: number } {
    const end = this.ends[line]!;
    let node: Node;
    let after: number;
    const first = this.text[at]!;
    if (first === '[' || first === '{') {
      ({ node, after } = this.flowCollection(at, end));
    } else if (first === '"' || first === "'") {
      ({ node, after } = this.quoted(at, end, false));
    } else {
      if (!this.plainStart(at)) throw giveUp;
      let stop = at;
      while (stop < end && !(this.text.charCodeAt(stop) === 35 && this.text.charCodeAt(stop - 1) === 32)) stop++; // up to ' #'
      let last = stop;
      while (this.text.charCodeAt(last - 1) === 32) last--;
      const source = this.text.slice(at, last);
      if (source.includes(': ') || source.endsWith(':')) throw giveUp;
      node = this.scalar(source, 'PLAIN', [at, last, last], false);
      after = last;
    }
    this.lastEmpty = false;
    const lineEnd = this.restOfLine(after, end);
    node.range![2] = lineEnd;
    const next = this.nextContent(line + 1);
    if (next < this.kinds.length && this.indents[next]! > indent) throw giveUp; // a continuation line
    return { node, next };
  }

  /** Where the line's node ends: after spaces, a comment and the line break. */
  private restOfLine(after: number, end: number): number {
    let at = after;
    while (this.text.charCodeAt(at) === 32) at++;
    if (at < end && (this.text[at] !== '#' || at === after)) throw giveUp;
    return end < this.text.length ? end + 1 : end;
  }

  private plainStart(at: number): boolean {
    const first = this.text[at]!;
    if (!indicators.has(first)) return true;
    const second = this.text[at + 1];
    return first === '-' && second !== undefined && !' \n,[]{}'.includes(second);
  }

  /** Whether a block mapping key starts at `at`: a plain or quoted scalar followed by ': ' or ':' at the line's end. */
  private isKeyAt(at: number, end: number): boolean {
    const first = this.text[at]!;
    if (first === '"' || first === "'") {
      const close = this.text.indexOf(first, at + 1);
      return close !== -1 && close < end && this.text[close + 1] === ':';
    }
    if (first === '[' || first === '{') return false;
    const colon = this.keyColon(at, end);
    return colon !== -1;
  }

  /** The ':' ending a plain key at `at`, or -1. */
  private keyColon(at: number, end: number): number {
    // Within the line: a search past it would make every item of a long sequence scan ahead.
    for (let colon = at; colon < end; colon++) {
      if (this.text.charCodeAt(colon) === 58 && (colon + 1 === end || this.text.charCodeAt(colon + 1) === 32)) return colon;
    }
    return -1;
  }

  /** A block mapping key at `at`: its scalar and the offset of its ':'. */
  private key(at: number, end: number): { key: Scalar; colon: number } {
    const first = this.text[at]!;
    if (first === '"' || first === "'") {
      const { node, after } = this.quoted(at, end, true);
      if (this.text[after] !== ':' || (after + 1 < end && this.text[after + 1] !== ' ') || after - at > 1000) throw giveUp;
      return { key: node, colon: after };
    }
    if (!this.plainStart(at)) throw giveUp;
    const colon = this.keyColon(at, end);
    // yaml (strict) refuses a ':' more than 1,024 characters after its key's start.
    if (colon === -1 || colon - at > 1000 || this.text[colon - 1] === ' ') throw giveUp;
    const source = this.text.slice(at, colon);
    if (source.includes(' #')) throw giveUp;
    return { key: this.scalar(source, 'PLAIN', [at, colon, colon], true), colon };
  }

  /** A single- or double-quoted scalar on one line (double-quoted without escapes). */
  private quoted(at: number, end: number, atKey: boolean): { node: Scalar; after: number } {
    const quote = this.text[at]!;
    let close = at + 1;
    for (;;) {
      close = this.text.indexOf(quote, close);
      if (close === -1 || close >= end) throw giveUp;
      if (quote === "'" && this.text[close + 1] === "'") {
        close += 2;
        continue;
      }
      break;
    }
    const inner = this.text.slice(at + 1, close);
    if (quote === '"' && inner.includes('\\')) throw giveUp;
    const value = quote === "'" ? inner.replaceAll("''", "'") : inner;
    const node = this.scalar(value, quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, close + 1, close + 1], atKey);
    return { node, after: close + 1 };
  }

  /** A flow mapping or sequence that closes on its line; ranges as yaml gives them. */
  private flowCollection(at: number, end: number): { node: YAMLMap | YAMLSeq; after: number } {
    this.enter();
    const isMap = this.text[at] === '{';
    const closing = isMap ? '}' : ']';
    const node = isMap ? new YAMLMap(this.document.schema) : new YAMLSeq(this.document.schema);
    node.flow = true;
    let pos = this.skipSpaces(at + 1, end);
    if (this.text[pos] === closing) {
      node.range = [at, pos + 1, pos + 1];
      this.depth--;
      return { node, after: pos + 1 };
    }
    for (;;) {
      if (isMap) {
        const key = this.flowItem(pos, end, true);
        if (this.text[key.after] !== ':' || this.text[key.after + 1] !== ' ') throw giveUp;
        const value = this.flowItem(this.skipSpaces(key.after + 1, end), end, false);
        (node as YAMLMap).items.push(new Pair(key.node, value.node));
        pos = value.next;
      } else {
        const item = this.flowItem(pos, end, false);
        if (this.text[item.next] === ':') throw giveUp; // a single-pair mapping
        (node as YAMLSeq).items.push(item.node);
        pos = item.next;
      }
      const separator = this.text[pos];
      if (separator === closing) break;
      if (separator !== ',') throw giveUp;
      pos = this.skipSpaces(pos + 1, end);
      if (this.text[pos] === closing || this.text[pos] === ',') throw giveUp;
    }
    node.range = [at, pos + 1, pos + 1];
    this.depth--;
    return { node, after: pos + 1 };
  }

  /**
   * One key, value or item inside a flow collection at `at`; `after` is where its text ends,
   * `next` the first character after the spaces that follow (its range ends there too, except a key's).
   */
  private flowItem(at: number, end: number, atKey: boolean): { node: Node; after: number; next: number } {
    const first = this.text[at];
    let node: Node;
    let after: number;
    if (first === '[' || first === '{') {
      if (atKey) throw giveUp;
      ({ node, after } = this.flowCollection(at, end));
    } else if (first === '"' || first === "'") {
      ({ node, after } = this.quoted(at, end, atKey));
    } else {
      if (first === undefined || !this.plainStart(at)) throw giveUp;
      after = at;
      while (after < end && !',[]{}'.includes(this.text[after]!) && !(this.text[after] === ':' && ' ,[]{}'.includes(this.text[after + 1] ?? ' '))) {
        if (this.text[after] === '#' && this.text[after - 1] === ' ') throw giveUp;
        after++;
      }
      while (this.text.charCodeAt(after - 1) === 32) after--;
      if (after === at) throw giveUp;
      node = this.scalar(this.text.slice(at, after), 'PLAIN', [at, after, after], atKey);
    }
    const next = this.skipSpaces(after, end);
    if (next >= end) throw giveUp; // the collection goes on past its line
    if (!atKey) node.range![2] = next;
    else if (next !== after) throw giveUp;
    return { node, after, next };
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === 32) at++;
    return at;
  }

  /** A scalar resolved the way yaml's composer does: the first default tag whose test matches, else a string. */
  private scalar(source: string, type: Scalar.Type, range: Range, atKey: boolean): Scalar {
    let tag = this.stringTag;
    if (type === 'PLAIN') {
      if (atKey && this.keyTags.some((candidate) => candidate.test!.test(source))) throw giveUp; // `<<` merge keys
      tag = this.plainTags.find((candidate) => candidate.test!.test(source)) ?? tag;
    }
    const resolved = tag.resolve(source, () => {
      throw giveUp;
    }, this.document.options);
    const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
    scalar.range = range;
    scalar.source = source;
    scalar.type = type;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }
}
