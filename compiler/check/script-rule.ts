// What a script rule sees: the step type, what it declares, the script's declarations and what
// its main() was followed doing. Each rule is one module with one code: script-contract/ compares
// the declarations, script-flow/ what main() does (each folder lists its rules in rules.ts).
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { StepType } from '../link/step-library.js';
import type { DataPath, Location } from '../source/source-file.js';
import type { declared, ScriptContract } from './script-contract.js';
import type { ScriptFlow } from './script-flow/flow.js';

export interface ScriptContext {
  step: StepType;
  declared: ReturnType<typeof declared>;
  contract: ScriptContract;
  flow: ScriptFlow;
  /** The script as displayed (file) and its base name, for messages. */
  script: { file: string; name: string };
  /** Where `path` is written in the step document. */
  where(path: DataPath, part?: 'key' | 'value'): Location;
  bag: DiagnosticBag;
}

export interface ScriptRule {
  readonly code: DiagnosticCode;
  check(context: ScriptContext): void;
}

/** The step document's entry point, the related location of every finding in the script. */
export const entryPointRelated = (context: ScriptContext) => [{ message: `entry point of step type ${context.step.doc.name}`, location: context.where(['script', 'entryPoint']) }];
