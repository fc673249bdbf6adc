// In-file suppression: a whole-line comment `# plc-ignore-next-line PLC3004: reason` (several
// codes may be listed, comma-separated) hides those codes on the next line that is not blank or
// a comment. A reason is required, and a suppression that hides nothing is itself reported, so
// suppressions cannot outlive the problem they excused.
import type { SourceText } from '../source/text-source.js';
import { diagnosticTable, type DiagnosticCode } from './codes.js';
import { compareDiagnostics, DiagnosticBag, type Diagnostic } from './diagnostic.js';

interface Suppression {
  file: string;
  /** The line whose diagnostics it hides. */
  target: number;
  codes: DiagnosticCode[];
  line: number;
  column: number;
  used: Set<DiagnosticCode>;
}

const marker = /^(\s*)#\s*plc-ignore-next-line\b(.*)$/;

function parseSuppressions(source: SourceText, bag: DiagnosticBag): Suppression[] {
  const lines = source.text.split(/\r?\n/);
  const found: Suppression[] = [];
  lines.forEach((text, index) => {
    const match = marker.exec(text);
    if (!match) return;
    const line = index + 1;
    const column = match[1]!.length + 1;
    const at = { file: source.displayPath, range: { start: { line, column }, end: { line, column: text.length + 1 } } };
    // `PLC1234, PLC2345: reason`; without a colon the codes are the leading PLCnnnn words.
    const rest = match[2]!.trim();
    const colon = rest.indexOf(':');
    const codesText = colon >= 0 ? rest.slice(0, colon) : (/^PLC\d{4}(\s*,\s*PLC\d{4})*/.exec(rest)?.[0] ?? rest);
    const reason = colon >= 0 ? [rest.slice(colon + 1)] : [];
    const codes = codesText.split(',').map((c) => c.trim()).filter(Boolean);
    const unknown = codes.filter((c) => !(c in diagnosticTable));
    if (codes.length === 0 || unknown.length > 0) {
      bag.report('PLC0010', at, { text: codes.length === 0 ? '(no code)' : unknown.join(', ') });
      return;
    }
    if (reason.join(':').trim() === '') {
      bag.report('PLC0009', at, { codes: codes.join(', ') });
      return;
    }
    let target = line + 1;
    while (target <= lines.length && /^\s*(#.*)?$/.test(lines[target - 1]!)) target += 1;
    found.push({ file: source.displayPath, target, codes: codes as DiagnosticCode[], line, column, used: new Set() });
  });
  return found;
}

export interface SuppressionResult {
  diagnostics: Diagnostic[];
  suppressed: number;
}

/** Drops suppressed diagnostics and adds the suppressions' own problems. */
export function applySuppressions(diagnostics: readonly Diagnostic[], sources: Iterable<SourceText>): SuppressionResult {
  const bag = new DiagnosticBag();
  const suppressions = [...sources].flatMap((source) => parseSuppressions(source, bag));
  let suppressed = 0;
  const kept = diagnostics.filter((d) => {
    const hit = suppressions.find((s) => s.file === d.file && s.target === d.range.start.line && s.codes.includes(d.code));
    if (!hit) return true;
    hit.used.add(d.code);
    suppressed += 1;
    return false;
  });
  for (const s of suppressions) {
    const unused = s.codes.filter((c) => !s.used.has(c));
    if (unused.length > 0) {
      bag.report('PLC0011', { file: s.file, range: { start: { line: s.line, column: s.column }, end: { line: s.line, column: s.column } } }, { codes: unused.join(', '), line: s.target });
    }
  }
  return { diagnostics: [...kept, ...bag.sorted()].sort(compareDiagnostics), suppressed };
}
