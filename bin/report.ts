// Formats a run's diagnostics as the user chose: pretty (with source excerpts), json, sarif or
// github workflow commands. Every command module imports this one for its options, so each
// renderer is loaded only when it renders: SARIF's carries every code's explanation (100 KB),
// which `plc --help` and a clean run have no use for.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { SourceLines } from '../compiler/diagnostics/render/pretty.js';
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
export async function formatDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat, stream: NodeJS.WriteStream, summary = true): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../compiler/diagnostics/render/json.js')).renderJson(diagnostics);
    case 'sarif':
      return (await import('../compiler/diagnostics/render/sarif.js')).renderSarif(diagnostics, { version: plcVersion(), helpBase: diagnosticsHelpBase(), repositoryPrefix: repositoryPrefix() });
    case 'github':
      return (await import('../compiler/diagnostics/render/github.js')).renderGithub(diagnostics, repositoryPrefix());
    case 'pretty': {
      if (diagnostics.length === 0) return '';
      const { renderPretty, renderSummary } = await import('../compiler/diagnostics/render/pretty.js');
      const color = useColor(stream);
      return diagnostics.map((d) => renderPretty(d, { color, sources })).join('\n\n') + '\n\n' + (summary ? renderSummary(diagnostics) + '\n' : '');
    }
  }
}

/** For commands whose stdout is their product (build, explain): diagnostics go to stderr. */
export async function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat): Promise<void> {
  process.stderr.write(await formatDiagnostics(diagnostics, sources, format, process.stderr));
}
