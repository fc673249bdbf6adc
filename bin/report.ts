// Formats a run's diagnostics as the user chose: pretty (with source excerpts), json, sarif or
// github workflow commands. Every command module imports this one for its options, so each
// renderer is loaded only when it renders: SARIF's carries every code's explanation (100 KB),
// which `plc --help` and a clean run have no use for.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import type { SourceLines } from '../compiler/diagnostics/render/pretty.js';
import { packageRoot } from '../schema/paths.js';
import type { CliIo, OutputStream } from './cli-io.js';

export const diagnosticFormats = ['pretty', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

/** NO_COLOR (https://no-color.org) wins; FORCE_COLOR (other than 0/false) colours a pipe too. */
function useColor(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if ('NO_COLOR' in env) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

const manifest = (): { version: string; homepage?: string } => JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')) as { version: string; homepage?: string };
export const plcVersion = (): string => manifest().version;

/** The working folder below the enclosing git repository's root ('' at the root, or outside any). */
function repositoryPrefix(cwd: string): string {
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

/**
 * The text for `stream` (which decides on colour, with the environment). `summary: false` for
 * commands that end with a summary line of their own (plc check).
 */
export async function formatDiagnostics(io: CliIo, stream: OutputStream, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat, summary = true): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../compiler/diagnostics/render/json.js')).renderJson(diagnostics);
    case 'sarif':
      return (await import('../compiler/diagnostics/render/sarif.js')).renderSarif(diagnostics, { version: plcVersion(), helpBase: diagnosticsHelpBase(), repositoryPrefix: repositoryPrefix(io.cwd) });
    case 'github':
      return (await import('../compiler/diagnostics/render/github.js')).renderGithub(diagnostics, repositoryPrefix(io.cwd));
    case 'pretty': {
      if (diagnostics.length === 0) return '';
      const { renderPretty, renderSummary } = await import('../compiler/diagnostics/render/pretty.js');
      const color = useColor(stream, io.env);
      return diagnostics.map((d) => renderPretty(d, { color, sources })).join('\n\n') + '\n\n' + (summary ? renderSummary(diagnostics) + '\n' : '');
    }
  }
}

/** For commands whose stdout is their product (build, explain): diagnostics go to stderr. */
export async function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, SourceLines>, format: DiagnosticFormat): Promise<void> {
  io.stderr.write(await formatDiagnostics(io, io.stderr, diagnostics, sources, format));
}
