// Small readers of tree-sitter's Python syntax tree shared by the script checks: literal strings,
// source locations and the module's top-level constants.
import type { Location } from '../../source/source-file.js';
import type { SyntaxNode } from './parser.js';

/** The text of a plain string literal; undefined for f-strings with interpolation and non-strings. */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string' || node.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  return node.namedChildren.filter((c) => c.type === 'string_content').map((c) => c.text).join('');
}

/** Where a node is in the script (1-based lines and columns, as plc reports everywhere). */
export function locationOf(node: SyntaxNode, file: string): Location {
  return {
    file,
    range: { start: { line: node.startPosition.row + 1, column: node.startPosition.column + 1 }, end: { line: node.endPosition.row + 1, column: node.endPosition.column + 1 } },
  };
}

/** `NAME = value` statements at the top of the module, by name (the last one wins, as in Python). */
export function moduleConstants(root: SyntaxNode): Map<string, SyntaxNode> {
  const constants = new Map<string, SyntaxNode>();
  for (const statement of root.namedChildren) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right) constants.set(left.text, right);
  }
  return constants;
}
