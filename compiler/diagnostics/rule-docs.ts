// Each code's long description — what the rule checks, why, the example that trips it and the
// fixed version — is a Markdown file of its own, rules/<band>/PLCnnnn.md (docs/decisions.md,
// "Rule documentation"). `plc explain`, SARIF help and docs/diagnostics.md read them here; the
// tests run their examples (test/rule-docs.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../schema/paths.js';
import type { DiagnosticCode } from './codes.js';

export interface RuleBand {
  /** The first digit of the band's codes. */
  readonly digit: string;
  readonly folder: string;
  readonly title: string;
}

export const ruleBands: readonly RuleBand[] = [
  { digit: '0', folder: '0-load', title: 'Load and schema (0xxx)' },
  { digit: '1', folder: '1-linking', title: 'Linking and names (1xxx)' },
  { digit: '2', folder: '2-config', title: 'Job types and config (2xxx)' },
  { digit: '3', folder: '3-wiring', title: 'Wiring (3xxx)' },
  { digit: '4', folder: '4-scripts', title: 'Scripts and code (4xxx)' },
  { digit: '5', folder: '5-sagemaker', title: 'SageMaker kinds, shapes and limits (5xxx)' },
  { digit: '6', folder: '6-graph', title: 'Graph (6xxx)' },
  { digit: '7', folder: '7-backend', title: 'Backend and deploy (7xxx)' },
];

export const rulesRoot = join(packageRoot, 'compiler', 'diagnostics', 'rules');

export function bandOf(code: DiagnosticCode): RuleBand {
  const band = ruleBands.find((b) => b.digit === code[3]);
  if (band === undefined) throw new Error(`no rule band for ${code}`);
  return band;
}

/** Where a code's documentation lives, relative to the package root. */
export const ruleDocFile = (code: DiagnosticCode): string => join('compiler', 'diagnostics', 'rules', bandOf(code).folder, `${code}.md`);

const cache = new Map<DiagnosticCode, string>();

/** The code's documentation, Markdown, without its trailing newline. */
export function ruleDoc(code: DiagnosticCode): string {
  let text = cache.get(code);
  if (text === undefined) {
    text = readFileSync(join(packageRoot, ruleDocFile(code)), 'utf8').trimEnd();
    cache.set(code, text);
  }
  return text;
}
