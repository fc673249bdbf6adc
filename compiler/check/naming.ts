// Standardization: the naming rules every step type follows, so libraries read alike. Port names
// are snake_case; a step file is named after its step type in kebab-case.
import { basename } from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { StepType } from '../link/step-library.js';

const snakeCase = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const toSnakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-.\s]+/g, '_').toLowerCase();
export const toKebabCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
/** my-step, my_step and myStep all give MyStep: each word capitalized, the separators dropped. */
export const toPascalCase = (name: string) => name.split(/[^A-Za-z0-9]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');

export function checkNaming(step: StepType, bag: DiagnosticBag): void {
  const { doc, source } = step;
  for (const direction of ['inputs', 'outputs'] as const) {
    for (const port of Object.keys(doc[direction] ?? {})) {
      if (!snakeCase.test(port)) bag.report('PLC1011', source.locate([direction, port], 'key'), { port, step: doc.name, fix: toSnakeCase(port) });
    }
  }
  const file = basename(source.absolutePath).replace(/\.step\.yaml$/, '');
  // xgboost-training and x-g-boost-training both name XGBoostTraining: compare without hyphens.
  if (file.replace(/-/g, '') !== doc.name.toLowerCase()) {
    bag.report('PLC1012', source.locate(['name']), { file: basename(source.absolutePath), step: doc.name, fix: `${toKebabCase(doc.name)}.step.yaml` });
  }
}
