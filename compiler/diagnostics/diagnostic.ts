// Diagnostics as data: a code from the table, the data that fills its templates, and where.
import type { Location, Range } from '../source/source-file.js';
import { diagnosticTable, type DiagnosticCode, type Severity } from './codes.js';

export interface RelatedLocation { message: string; location: Location }

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  file: string;
  range: Range;
  related: RelatedLocation[];
}

export type DiagnosticData = Record<string, string | number | readonly string[] | undefined>;

export interface ReportOptions {
  /** A did-you-mean candidate, appended to the message. */
  suggestion?: string;
  related?: RelatedLocation[];
}

function format(template: string, data: DiagnosticData): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    return Array.isArray(value) ? listOf(value as readonly string[]) : String(value);
  });
}

/** A readable, bounded list of names for messages and hints. */
export function listOf(names: readonly string[], limit = 16): string {
  if (names.length === 0) return '(none)';
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown}, … (${names.length - limit} more)` : shown;
}

export function createDiagnostic(code: DiagnosticCode, location: Location, data: DiagnosticData = {}, options: ReportOptions = {}): Diagnostic {
  const definition = diagnosticTable[code];
  let message = format(definition.message, data);
  if (options.suggestion !== undefined) message += ` — did you mean "${options.suggestion}"?`;
  const hint = 'hint' in definition ? format(definition.hint, data) : undefined;
  return {
    code,
    severity: definition.severity,
    message,
    ...(hint !== undefined ? { hint } : {}),
    file: location.file,
    range: location.range,
    related: options.related ?? [],
  };
}

/** Collects the diagnostics of one compilation. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];

  report(code: DiagnosticCode, location: Location, data?: DiagnosticData, options?: ReportOptions): void {
    this.items.push(createDiagnostic(code, location, data, options));
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /**
   * Sorted by file and position so output never depends on the order passes ran in (or on the
   * locale); a problem of a step type that several nodes share is listed once.
   */
  sorted(): Diagnostic[] {
    const unique = new Map(this.items.map((d) => [JSON.stringify([d.file, d.range, d.code, d.message]), d]));
    return [...unique.values()].sort(compareDiagnostics);
  }
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** File, then position, then code: the order diagnostics are shown in everywhere. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}
