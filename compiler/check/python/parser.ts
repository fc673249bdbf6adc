// A real Python parser for the script checks: tree-sitter's Python grammar compiled to
// WebAssembly. `npm run build` copies the runtime and that one grammar out of
// @vscode/tree-sitter-wasm into dist/tree-sitter/ (scripts/vendor-tree-sitter.mjs); nothing is
// built or downloaded at install. Loading is asynchronous and the compiler is not, so the CLI
// compiles through withPythonParser, which loads it only when a script must really be parsed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../../schema/paths.js';

/** The part of tree-sitter's syntax node the checks use. */
export interface SyntaxNode {
  type: string;
  text: string;
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
  namedChildren: SyntaxNode[];
  parent: SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  descendantsOfType(type: string): SyntaxNode[];
}

export type ParsePython = (text: string) => SyntaxNode;

interface TreeSitter {
  Parser: { init(options: { locateFile: (file: string) => string }): Promise<void>; new (): { setLanguage(language: unknown): void; parse(text: string): { rootNode: SyntaxNode } | null } };
  Language: { load(path: string): Promise<unknown> };
}

let loading: Promise<ParsePython> | undefined;
let loaded: ParsePython | undefined;

/** What the stand-in parser of withPythonParser throws: a script has to be parsed after all. */
const parserNeeded = new Error('plc: the Python parser is not loaded');
const notLoaded: ParsePython = () => {
  throw parserNeeded;
};

/**
 * `run` (a whole compile) with the Python parser, loading tree-sitter only if `run` needs it. The
 * built-in scripts' contracts come precompiled (compiler/link/builtin-library.ts), so a pipeline
 * of built-in steps parses no Python, and loading tree-sitter cost a fifth of starting Node. The
 * first attempt gets a stand-in that throws; when a project script reaches it, tree-sitter is
 * loaded and `run` starts again. So `run` must change nothing outside its result before it parses
 * (a compile reads files and reports diagnostics only at its end).
 */
export async function withPythonParser<T>(run: (parse: ParsePython) => T): Promise<T> {
  if (loaded === undefined) {
    try {
      return run(notLoaded);
    } catch (error) {
      if (error !== parserNeeded) throw error;
    }
  }
  return run(loaded ?? (await loadPythonParser()));
}

export function loadPythonParser(): Promise<ParsePython> {
  loading ??= (async () => {
    const folder = join(packageRoot, 'dist', 'tree-sitter');
    const { Parser, Language } = createRequire(import.meta.url)(join(folder, 'tree-sitter.cjs')) as TreeSitter;
    await Parser.init({ locateFile: (file) => join(folder, file) });
    const parser = new Parser();
    parser.setLanguage(await Language.load(join(folder, 'tree-sitter-python.wasm')));
    loaded = (text: string) => {
      const tree = parser.parse(text);
      if (!tree) throw new Error('the Python parser returned no tree');
      return tree.rootNode;
    };
    return loaded;
  })();
  return loading;
}
