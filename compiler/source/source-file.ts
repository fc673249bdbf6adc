// A loaded YAML file that keeps every node's source range (eemeli/yaml + LineCounter), so any
// value the compiler looks at can be traced back to file:line:col.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based line and column. */
export interface Position { line: number; column: number }
export interface Range { start: Position; end: Position }
export interface Location { file: string; range: Range }
/** A path into a document's data, as ajv and the passes address it. */
export type DataPath = readonly (string | number)[];

/** A file's YAML syntax tree and line table. */
export interface ParsedYaml { lineCounter: LineCounter; document: Document }

export class SourceFile {
  #parsed: ParsedYaml | (() => ParsedYaml);

  constructor(
    /** The path as the user should see it (relative to the working folder where possible). */
    readonly displayPath: string,
    readonly absolutePath: string,
    readonly text: string,
    /** The tree, or how to parse it when it is first needed (precompiled step files: link/builtin-library.ts). */
    parsed: ParsedYaml | (() => ParsedYaml),
    /** For a job-type variant: paths are looked up under this prefix first (see overlay). */
    private readonly overlayPrefix?: DataPath,
  ) {
    this.#parsed = parsed;
  }

  /** The syntax tree; a file whose data came precompiled is parsed only now. */
  get document(): Document {
    return this.parsedYaml().document;
  }

  private get lineCounter(): LineCounter {
    return this.parsedYaml().lineCounter;
  }

  private parsedYaml(): ParsedYaml {
    if (typeof this.#parsed === 'function') this.#parsed = this.#parsed();
    return this.#parsed;
  }

  /**
   * The same file, seen through a variant: `locate(['inputs', 'x'])` finds
   * `variants.<jobType>.inputs.x` when the variant writes it, else the base `inputs.x`.
   */
  overlay(prefix: DataPath): SourceFile {
    return new SourceFile(this.displayPath, this.absolutePath, this.text, () => this.parsedYaml(), prefix);
  }

  position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  location(startOffset: number, endOffset: number): Location {
    return { file: this.displayPath, range: { start: this.position(startOffset), end: this.position(Math.max(startOffset, endOffset)) } };
  }

  /** The whole file's start, for problems that belong to no node. */
  get start(): Location {
    return this.location(0, 0);
  }

  /**
   * Where the value (or, with part 'key', the key) at `path` is written. When the path leads past
   * what the file holds (a missing key), the deepest node that exists is returned.
   */
  locate(path: DataPath, part: 'key' | 'value' = 'value'): Location {
    const node = this.nodeAt(path, part);
    if (!node?.range) return this.start;
    return this.location(node.range[0], node.range[1]);
  }

  private nodeAt(path: DataPath, part: 'key' | 'value', exact = false): Node | undefined {
    if (this.overlayPrefix) {
      const overlaid = this.walk([...this.overlayPrefix, ...path], part, true);
      if (overlaid) return overlaid;
    }
    return this.walk(path, part, exact);
  }

  /**
   * The keys of the mapping at `path` in the order they are written. JavaScript objects list
   * integer-like keys first, so emitted order is taken from the source instead.
   */
  keysInOrder(path: DataPath): string[] {
    const node = this.nodeAt(path, 'value', true);
    const map = node && this.deref(node);
    return isMap(map) ? map.items.filter((p) => isScalar(p.key)).map((p) => String((p.key as { value: unknown }).value)) : [];
  }

  /** With `exact`, undefined when the path leads past what the file holds. */
  private walk(path: DataPath, part: 'key' | 'value', exact: boolean): Node | undefined {
    let node = this.document.contents as Node | null;
    if (!node) return undefined;
    for (let i = 0; i < path.length; i++) {
      node = this.deref(node);
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return exact ? undefined : node;
        const key = pair.key as Node;
        if (last && part === 'key') return key;
        if (!pair.value) return exact ? undefined : key;
        node = pair.value as Node;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment] as Node;
      } else {
        return exact ? undefined : node;
      }
    }
    return node;
  }

  private deref(node: Node): Node {
    return isAlias(node) ? ((node.resolve(this.document) as Node | undefined) ?? node) : node;
  }

  /**
   * Location of a substring of a string scalar, e.g. one `${…}` reference inside a longer value.
   * Exact for plain, single-quoted and escape-free double-quoted scalars; otherwise the whole
   * scalar is returned.
   */
  locateWithin(path: DataPath, index: number, length: number): Location {
    const node = this.nodeAt(path, 'value');
    if (!isScalar(node) || !node.range || typeof node.value !== 'string') return this.locate(path);
    const raw = this.text.slice(node.range[0], node.range[1]);
    const quoted = node.type === 'QUOTE_SINGLE' || (node.type === 'QUOTE_DOUBLE' && !raw.includes('\\'));
    const quote = quoted ? 1 : node.type === 'PLAIN' ? 0 : -1;
    if (quote < 0 || !raw.slice(quote).startsWith(node.value.slice(0, index + length))) return this.locate(path);
    const start = node.range[0] + quote + index;
    return this.location(start, start + length);
  }

  lineText(line: number): string {
    const starts = this.lineCounter.lineStarts;
    const from = starts[line - 1] ?? this.text.length;
    const to = starts[line] ?? this.text.length;
    return this.text.slice(from, to).replace(/\r?\n$/, '');
  }
}
