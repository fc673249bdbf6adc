// Formats a run's diagnostics as the user chose: pretty (with source excerpts), json, sarif or
// github workflow commands.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { renderGithub } from '../compiler/diagnostics/render/github.js';
import { renderJson } from '../compiler/diagnostics/render/json.js';
import { renderPretty, renderSummary, type SourceLines } from '../compiler/diagnostics/render/pretty.js';
import { renderSarif } from '../compiler/diagnostics/render/sarif.js';
import { packageRoot } from '../schema/paths.js';

export const diagnosticFormats = ['pretty', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

/** NO_COLOR (https://no-color.org) wins; FORCE_COLOR (other than 0/false) colours a pipe too. */
function useColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env) return false;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

const manifest = (): { version: string; homepage?: string } => JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { version: string; homepage?: string };
export const plcVersion = (): string => manifest().version;

/** The working folder below the enclosing git repository's root ('' at the root, or outside any). */
function repositoryPrefix(cwd = process.cwd()): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return relative(dir, cwd).split('\\').join('/');
    if (dirname(dir) === dir) return '';
  }
}

/** Where docs/diagnostics.md of this version is published: package.json's homepage. */
const diagnosticsHelpBase = (): string | undefined => {
  const { homepage } = manifest();
  return homepage === undefined ? undefined : `${homepage.replace(/\/$/, '')}/docs/diagnostics.md`;
};

/** `summary: false` for commands that end with a summary line of their own (plc check). */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat, stream: NodeJS.WriteStream, summary = true): string {
  switch (format) {
    case 'json':
      return renderJson(diagnostics);
    case 'sarif':
      return renderSarif(diagnostics, { version: plcVersion(), helpBase: diagnosticsHelpBase(), repositoryPrefix: repositoryPrefix() });
    case 'github':
      return renderGithub(diagnostics, repositoryPrefix());
    case 'pretty': {
      if (diagnostics.length === 0) return '';
      const color = useColor(stream);
      return diagnostics.map((d) => renderPretty(d, { color, sources })).join('\n\n') + '\n\n' + (summary ? renderSummary(diagnostics) + '\n' : '');
    }
  }
}

/** For commands whose stdout is their product (build, explain): diagnostics go to stderr. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat): void {
  process.stderr.write(formatDiagnostics(diagnostics, sources, format, process.stderr));
}
