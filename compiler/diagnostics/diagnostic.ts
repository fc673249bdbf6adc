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

export type DiagnosticValue = string | number | readonly string[];
export type DiagnosticData = Record<string, DiagnosticValue | undefined>;

type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
type WordChar = Letter | Uppercase<Letter> | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';
type IsWord<T extends string> = T extends '' ? false : T extends `${WordChar}${infer Rest}` ? (Rest extends '' ? true : IsWord<Rest>) : false;

/**
 * The {name} placeholders of a template, as format() fills them (a `${…}` reference in a hint is
 * text, not a placeholder): computed from the table's literal strings, so a report that leaves one
 * out does not compile.
 */
export type Placeholders<T extends string> = T extends `${infer Before}{${infer After}`
  ? After extends `${infer Name}}${infer Rest}`
    ? (IsWord<Name> extends true ? (Before extends `${string}$` ? never : Name) : never) | Placeholders<IsWord<Name> extends true ? Rest : After>
    : never
  : never;

type TemplatesOf<C extends DiagnosticCode> = (typeof diagnosticTable)[C] extends infer D ? (D extends { message: infer M extends string; hint: infer H extends string } ? M | H : D extends { message: infer M extends string } ? M : never) : never;

/** The data a code's message and hint need: every placeholder, and nothing else. */
export type DataOf<C extends DiagnosticCode> = { readonly [K in Placeholders<TemplatesOf<C>>]: DiagnosticValue };

/** A report's data argument: required exactly when the code's templates have placeholders. */
export type DataArgument<C extends DiagnosticCode> = [Placeholders<TemplatesOf<C>>] extends [never] ? [data?: Record<string, never>] : [data: DataOf<C>];

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

/** The arguments after the location: the code's data (exactly its placeholders), then options. */
export type ReportArguments<C extends DiagnosticCode> = [...DataArgument<C>, options?: ReportOptions];

export function createDiagnostic<C extends DiagnosticCode>(code: C, location: Location, ...rest: ReportArguments<C>): Diagnostic {
  const [data = {}, options = {}] = rest as unknown as [DiagnosticData | undefined, ReportOptions | undefined];
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

  report<C extends DiagnosticCode>(code: C, location: Location, ...rest: ReportArguments<C>): void {
    this.items.push(createDiagnostic(code, location, ...rest));
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
