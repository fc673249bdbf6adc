// Steps that need AWS itself (Lambda, Callback, EMR, tuning, data-quality and Clarify checks):
// not run locally; `--stub NODE=outputs.json` gives their properties instead.
import { readFileSync } from 'node:fs';
import type { Json } from '../definition.js';
import { NotRunLocally, StepFailure, type JobResult } from '../job.js';

export const notLocalKinds = new Set(['Lambda', 'Callback', 'EMR', 'Tuning', 'QualityCheck', 'ClarifyCheck', 'EMRServerless', 'AutoML']);

/** The stub's properties; a flat object for a Lambda or Callback step is its output parameters. */
export function stubResult(type: string, file: string | undefined, name: string): JobResult {
  if (!file) throw new NotRunLocally(`${type} steps are not run locally; give --stub ${name}=outputs.json with the properties it would have`);
  let contents: Json;
  try {
    contents = JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new StepFailure(`--stub ${name}=${file}: ${(error as Error).message}`);
  }
  if (contents === null || typeof contents !== 'object' || Array.isArray(contents)) throw new StepFailure(`--stub ${name}=${file}: expected a JSON object`);
  const wrap = (type === 'Lambda' || type === 'Callback') && !('OutputParameters' in contents);
  return { properties: wrap ? { OutputParameters: contents } : contents };
}
