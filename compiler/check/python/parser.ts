// A real Python parser for the script checks: tree-sitter's Python grammar compiled to
// WebAssembly. `npm run build` copies the runtime and that one grammar out of
// @vscode/tree-sitter-wasm into dist/tree-sitter/ (scripts/vendor-tree-sitter.mjs); nothing is
// built or downloaded at install. Loading is asynchronous, so the CLI loads it once before compiling.
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

export function loadPythonParser(): Promise<ParsePython> {
  loading ??= (async () => {
    const folder = join(packageRoot, 'dist', 'tree-sitter');
    const { Parser, Language } = createRequire(import.meta.url)(join(folder, 'tree-sitter.cjs')) as TreeSitter;
    await Parser.init({ locateFile: (file) => join(folder, file) });
    const parser = new Parser();
    parser.setLanguage(await Language.load(join(folder, 'tree-sitter-python.wasm')));
    return (text: string) => {
      const tree = parser.parse(text);
      if (!tree) throw new Error('the Python parser returned no tree');
      return tree.rootNode;
    };
  })();
  return loading;
}
