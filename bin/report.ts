// Formats a run's diagnostics as the user chose: pretty (with source excerpts), json, sarif or
// github workflow commands.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { renderGithub } from '../compiler/diagnostics/render/github.js';
import { renderJson } from '../compiler/diagnostics/render/json.js';
import { renderPretty, renderSummary, type SourceLines } from '../compiler/diagnostics/render/pretty.js';
import { renderSarif } from '../compiler/diagnostics/render/sarif.js';
import { packageRoot } from '../schema/paths.js';

export const diagnosticFormats = ['pretty', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}

export const plcVersion = (): string => (JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { version: string }).version;

export function formatDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat, stream: NodeJS.WriteStream): string {
  switch (format) {
    case 'json':
      return renderJson(diagnostics);
    case 'sarif':
      return renderSarif(diagnostics, plcVersion());
    case 'github':
      return renderGithub(diagnostics);
    case 'pretty': {
      if (diagnostics.length === 0) return '';
      const color = useColor(stream);
      return diagnostics.map((d) => renderPretty(d, { color, sources })).join('\n\n') + '\n\n' + renderSummary(diagnostics) + '\n';
    }
  }
}

/** For commands whose stdout is their product (build, explain): diagnostics go to stderr. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat): void {
  process.stderr.write(formatDiagnostics(diagnostics, sources, format, process.stderr));
}
