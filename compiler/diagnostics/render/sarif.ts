// SARIF 2.1.0, for code-scanning uploads: one run, rules from the diagnostics table, one result
// per diagnostic with its full region.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { diagnosticTable, type DiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

function rule(code: DiagnosticCode): ReportingDescriptor {
  const definition = diagnosticTable[code];
  return {
    id: code,
    shortDescription: { text: definition.message.replace(/\{\w+\}/g, '…') },
    ...('hint' in definition ? { help: { text: definition.hint } } : {}),
    defaultConfiguration: { level: levels[definition.severity] },
  };
}

export function renderSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = Object.keys(diagnosticTable) as DiagnosticCode[];
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: levels[d.severity],
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: d.file.split('\\').join('/') },
        region: { startLine: d.range.start.line, startColumn: d.range.start.column, endLine: d.range.end.line, endColumn: Math.max(d.range.end.column, d.range.start.column) },
      },
    }],
    ...(d.related.length > 0 ? {
      relatedLocations: d.related.map((r, id) => ({
        id,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: r.location.file }, region: { startLine: r.location.range.start.line, startColumn: r.location.range.start.column } },
      })),
    } : {}),
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'plc', version, rules: codes.map(rule) } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
