// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per diagnostic,
// which the Actions runner turns into annotations on the pull request.
import type { Diagnostic } from '../diagnostic.js';
import { repositoryPath } from './repository-path.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping rules of workflow commands: data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `repositoryPrefix`: the working folder below the repository root, since annotations name repository paths. */
export function renderGithub(diagnostics: readonly Diagnostic[], repositoryPrefix = ''): string {
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      const properties = [
        `file=${escapeProperty(repositoryPath(d.file, repositoryPrefix))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(d.code)}`,
      ].join(',');
      return `::${commands[d.severity]} ${properties}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}\n`;
    })
    .join('');
}
