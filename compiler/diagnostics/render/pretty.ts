// Human output: `file:line:col: severity CODE: message`, a source excerpt with a caret underline,
// then the hint. Colour only when the caller asks for it (a TTY without NO_COLOR). Control
// characters from documents and paths are shown escaped (\x1b), so a value cannot retitle or
// clear the terminal; the only escape sequences written are plc's own colours.
import type { Diagnostic } from '../diagnostic.js';

export interface SourceLines { lineText(line: number): string }

export interface PrettyOptions {
  color: boolean;
  /** Source text by display path, for the excerpt; diagnostics of unknown files get none. */
  sources: ReadonlyMap<string, SourceLines>;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
const severityColor = { error: '31;1', warning: '33;1', info: '36;1' } as const;

/** C0 controls but tab and newline, DEL and C1 controls, as \xNN. */
const escapeControls = (text: string): string => text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

export function renderPretty(diagnostic: Diagnostic, options: PrettyOptions): string {
  const { file, range } = diagnostic;
  const head = `${escapeControls(file)}:${range.start.line}:${range.start.column}: ${paint(options.color, severityColor[diagnostic.severity], diagnostic.severity)} ${paint(options.color, '1', diagnostic.code)}: ${escapeControls(diagnostic.message)}`;
  const lines = [head];
  const source = options.sources.get(file);
  if (source) lines.push(...excerpt(source, diagnostic, options.color));
  if (diagnostic.hint) lines.push(`  ${paint(options.color, '36', 'hint')}: ${escapeControls(diagnostic.hint)}`);
  for (const related of diagnostic.related) {
    const at = related.location;
    lines.push(`  ${escapeControls(at.file)}:${at.range.start.line}:${at.range.start.column}: ${escapeControls(related.message)}`);
  }
  return lines.join('\n');
}

/** Longest excerpt line shown; longer lines are cut to a window around the problem. */
const maxExcerptWidth = 100;

function excerpt(source: SourceLines, diagnostic: Diagnostic, color: boolean): string[] {
  const { start, end } = diagnostic.range;
  const width = String(start.line).length;
  const gutter = (n: number | '') => String(n).padStart(width + 1);
  const text = source.lineText(start.line);
  const from = Math.max(0, Math.min(start.column - 1 - maxExcerptWidth / 2, text.length - maxExcerptWidth));
  const cut = (line: string) => (from > 0 ? '…' : '') + escapeControls(line.slice(from, from + maxExcerptWidth)) + (line.length > from + maxExcerptWidth ? '…' : '');
  const out: string[] = [];
  const previous = start.line > 1 ? source.lineText(start.line - 1) : undefined;
  if (previous !== undefined) out.push(`${gutter(start.line - 1)} | ${previous.length > maxExcerptWidth ? cut(previous) : escapeControls(previous)}`);
  out.push(`${paint(color, '1', '>')}${gutter(start.line).slice(1)} | ${cut(text)}`);
  const stop = end.line === start.line ? Math.max(end.column, start.column + 1) : text.length + 1;
  // Measured on the escaped text, so the carets stay under what they mark.
  const lead = escapeControls(text.slice(from, start.column - 1)).length + (from > 0 ? 1 : 0) + Math.max(0, start.column - 1 - text.length);
  const marked = escapeControls(text.slice(start.column - 1, Math.min(stop - 1, from + maxExcerptWidth))).length;
  const carets = '^'.repeat(Math.max(1, marked));
  out.push(`${gutter('')} | ${' '.repeat(lead)}${paint(color, severityColor[diagnostic.severity], carets)}`);
  return out;
}

export function renderSummary(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}
