// Machine output: a versioned JSON document with every diagnostic and its full range.
import type { Diagnostic } from '../diagnostic.js';

const jsonFormatVersion = 1;

export function renderJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ version: jsonFormatVersion, diagnostics }, null, 2) + '\n';
}
