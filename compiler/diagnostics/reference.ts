// docs/diagnostics.md: every code with its severity, message, hint and long description, from the
// table (codes.ts) and the explanations. `npm run generate:docs` writes it; a test checks it is
// current.
import { diagnosticTable, type DiagnosticCode } from './codes.js';
import { explanations } from './explanations.js';
import { templateText } from './rule-text.js';

const bands: [prefix: string, title: string][] = [
  ['PLC0', 'Load and schema (0xxx)'],
  ['PLC1', 'Linking and names (1xxx)'],
  ['PLC2', 'Job types and config (2xxx)'],
  ['PLC3', 'Wiring (3xxx)'],
  ['PLC4', 'Scripts and code (4xxx)'],
  ['PLC5', 'SageMaker kinds, shapes and limits (5xxx)'],
  ['PLC6', 'Graph (6xxx)'],
  ['PLC7', 'Backend (7xxx)'],
];

/** One code as `plc explain PLCnnnn` prints it. */
export function explainCode(code: DiagnosticCode): string {
  const definition = diagnosticTable[code];
  const lines = [`${code} (${definition.severity}): ${templateText(definition.message)}`];
  if ('hint' in definition) lines.push(`Hint: ${templateText(definition.hint)}`);
  lines.push('', explanations[code]);
  return lines.join('\n') + '\n';
}

export function renderDiagnosticsReference(): string {
  const codes = Object.keys(diagnosticTable) as DiagnosticCode[];
  const out = [
    '# Diagnostics',
    '',
    'Generated from `compiler/diagnostics/codes.ts` and `explanations.ts` by `npm run generate:docs`; do not edit by hand.',
    '`plc explain PLCnnnn` prints one entry. Placeholders in `<angle brackets>` are filled in when a diagnostic is reported.',
    'A finding can be suppressed with `# plc-ignore-next-line PLCnnnn: reason` on the line above it, or by path with `ignores:` in `plc.config.yaml` (docs/documents.md).',
  ];
  for (const [prefix, title] of bands) {
    const inBand = codes.filter((code) => code.startsWith(prefix));
    if (inBand.length === 0) continue;
    out.push('', `## ${title}`);
    for (const code of inBand) {
      const definition = diagnosticTable[code];
      // The explicit anchor is what SARIF's helpUri links to (render/sarif.ts).
      out.push('', `<a id="${code.toLowerCase()}"></a>`, '', `### ${code} · ${definition.severity}`, '', `Message: \`${templateText(definition.message)}\``);
      if ('hint' in definition) out.push('', `Hint: ${templateText(definition.hint)}`);
      out.push('', explanations[code]);
    }
  }
  return out.join('\n') + '\n';
}
