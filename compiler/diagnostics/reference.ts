// docs/diagnostics.md: every code with its severity, message, hint and long description, from the
// table (codes.ts) and the rule files (rule-docs.ts). `npm run generate:docs` writes it; a test checks it is
// current.
import { diagnosticTable, type DiagnosticCode } from './codes.js';
import { ruleBands, ruleDoc } from './rule-docs.js';
import { templateText } from './rule-text.js';

/** One code as `plc explain PLCnnnn` prints it. */
export function explainCode(code: DiagnosticCode): string {
  const definition = diagnosticTable[code];
  const lines = [`${code} (${definition.severity}): ${templateText(definition.message)}`];
  if ('hint' in definition) lines.push(`Hint: ${templateText(definition.hint)}`);
  lines.push('', ruleDoc(code));
  return lines.join('\n') + '\n';
}

export function renderDiagnosticsReference(): string {
  const codes = Object.keys(diagnosticTable) as DiagnosticCode[];
  const out = [
    '# Diagnostics',
    '',
    'Generated from `compiler/diagnostics/codes.ts` and the rule files `compiler/diagnostics/rules/<band>/PLCnnnn.md` by `npm run generate:docs`; do not edit by hand.',
    '`plc explain PLCnnnn` prints one entry. Placeholders in `<angle brackets>` are filled in when a diagnostic is reported.',
    'A finding can be suppressed with `# plc-ignore-next-line PLCnnnn: reason` on the line above it, or by path with `ignores:` in `plc.config.yaml` (docs/documents.md).',
  ];
  for (const { digit, title } of ruleBands) {
    const inBand = codes.filter((code) => code[3] === digit);
    if (inBand.length === 0) continue;
    out.push('', `## ${title}`);
    for (const code of inBand) {
      const definition = diagnosticTable[code];
      // The explicit anchor is what SARIF's helpUri links to (render/sarif.ts).
      out.push('', `<a id="${code.toLowerCase()}"></a>`, '', `### ${code} · ${definition.severity}`, '', `Message: \`${templateText(definition.message)}\``);
      if ('hint' in definition) out.push('', `Hint: ${templateText(definition.hint)}`);
      // A rule file's sections are headings of its own entry here.
      out.push('', ruleDoc(code).replace(/^## /gm, '#### '));
    }
  }
  return out.join('\n') + '\n';
}
