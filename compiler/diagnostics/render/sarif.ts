// SARIF 2.1.0, for code-scanning uploads: one run, rules from the diagnostics table, one result
// per diagnostic with its full region. What GitHub code scanning renders: a rule's name, short and
// full description, help as Markdown (the explanation plc explain prints) and helpUri (its entry in
// docs/diagnostics.md); a result's location relative to the repository root (uriBaseId
// %SRCROOT%), so a project in a subfolder gets its alerts on the right files; and
// partialFingerprints that survive lines moving, so an alert is not reopened by an edit above it.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { diagnosticTable, type DiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import { ruleDoc } from '../rule-docs.js';
import { fullDescription, ruleName, shortDescription, templateText } from '../rule-text.js';
import { repositoryPath } from './repository-path.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  version: string;
  /** docs/diagnostics.md as a URL; each rule links to its anchor there. */
  helpBase?: string;
  /** The working folder relative to the repository root ('' at the root), prefixed to every path. */
  repositoryPrefix?: string;
}

function rule(code: DiagnosticCode, helpBase: string | undefined): ReportingDescriptor {
  const definition = diagnosticTable[code];
  const hint = 'hint' in definition ? templateText(definition.hint) : undefined;
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: shortDescription(code) },
    fullDescription: { text: fullDescription(code) },
    help: {
      text: [`${templateText(definition.message)}.`, hint, fullDescription(code)].filter(Boolean).join('\n\n'),
      markdown: [`**${templateText(definition.message)}**`, hint && `Hint: ${hint}`, ruleDoc(code)].filter(Boolean).join('\n\n'),
    },
    ...(helpBase ? { helpUri: `${helpBase}#${code.toLowerCase()}` } : {}),
    defaultConfiguration: { level: levels[definition.severity] },
  };
}

/** Stable across edits elsewhere in the file: the rule, the file and the message, not the line. */
const fingerprint = (d: Diagnostic, uri: string): string => createHash('sha256').update(`${d.code}\0${uri}\0${d.message}`).digest('hex').slice(0, 32);

export function renderSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const codes = Object.keys(diagnosticTable) as DiagnosticCode[];
  const prefix = options.repositoryPrefix ?? '';
  const artifact = (file: string) => ({ uri: repositoryPath(file, prefix), uriBaseId: '%SRCROOT%' });
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: levels[d.severity],
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(d.file),
        region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: Math.max(d.range.end.column, d.range.start.column) },
      },
    }],
    partialFingerprints: { 'plcFinding/v1': fingerprint(d, repositoryPath(d.file, prefix)) },
    ...(d.related.length > 0 ? {
      relatedLocations: d.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation: artifact(r.location.file), region: { startLine: r.location.range.start.line, startColumn: r.location.range.start.column } },
      })),
    } : {}),
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'plc', version: options.version, rules: codes.map((code) => rule(code, options.helpBase)) } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
