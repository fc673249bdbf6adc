// A rule's texts for readers who see no particular finding: `plc explain`, docs/diagnostics.md and
// SARIF rule metadata. A message template's {placeholders} become <placeholders>, the notation of
// usage lines, since a raw {port} reads as a bug; the short description is the explanation's first
// sentence, which needs no placeholder at all.
import { diagnosticTable, type DiagnosticCode } from './codes.js';
import { ruleDoc } from './rule-docs.js';

/** A message or hint template with its placeholders shown as <name>. */
export const templateText = (template: string): string => template.replace(/(?<!\$)\{(\w+)\}/g, '<$1>');

/** A rule name in PascalCase from the message's words before any placeholder-laden detail. */
export function ruleName(code: DiagnosticCode): string {
  const words = diagnosticTable[code].message
    .split(/[:;(—]/)[0]!
    .replace(/"?\{\w+\}"?|\$\{[^}]*\}/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || code;
}

const plain = (markdown: string): string => markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1').replace(/\s+/g, ' ').trim();

/** The explanation's first sentence, as plain text. */
export function shortDescription(code: DiagnosticCode): string {
  const paragraph = ruleDoc(code).split(/\n\s*\n/)[0]!;
  const sentence = /^(.+?[.!?])(\s|$)/s.exec(paragraph)?.[1] ?? paragraph;
  return plain(sentence);
}

/** The explanation's first paragraph, as plain text. */
export const fullDescription = (code: DiagnosticCode): string => plain(ruleDoc(code).split(/\n\s*\n/)[0]!);
