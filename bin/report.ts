// Prints a compilation's diagnostics to stderr in the format the user chose.
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { renderJson } from '../compiler/diagnostics/render/json.js';
import { renderPretty, renderSummary, type SourceLines } from '../compiler/diagnostics/render/pretty.js';

export const diagnosticFormats = ['pretty', 'json'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}

export function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat): void {
  if (format === 'json') {
    process.stderr.write(renderJson(diagnostics));
    return;
  }
  if (diagnostics.length === 0) return;
  const color = useColor(process.stderr);
  process.stderr.write(diagnostics.map((d) => renderPretty(d, { color, sources })).join('\n\n') + '\n\n' + renderSummary(diagnostics) + '\n');
}
