// The pipeline definition as `plc run --local` reads it: the exact JSON `plc build` emits for
// SageMaker, so the local run interprets what the service would run, not a second lowering.
// Steps nested in a condition's branches are flattened, each remembering its branch.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface DefinitionStep {
  Name: string;
  Type: string;
  Arguments?: Record<string, Json>;
  DependsOn?: string[];
  PropertyFiles?: { PropertyFileName: string; OutputName: string; FilePath: string }[];
  CacheConfig?: { Enabled: boolean; ExpireAfter?: string };
}

export interface Definition {
  Parameters?: { Name: string; Type: string; DefaultValue?: string | number | boolean }[];
  Steps: DefinitionStep[];
}

export interface PlannedStep {
  step: DefinitionStep;
  /** The condition step and side whose branch holds this step; none at the top level. */
  branch?: { condition: string; side: 'IfSteps' | 'ElseSteps' };
  /** Steps that must end first: DependsOn, every step a value refers to, and its condition. */
  needs: string[];
}

/** Every `Steps.<name>` a value refers to, in order of first appearance. */
export function referencedSteps(value: Json | undefined, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referencedSteps(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Get' && typeof item === 'string' && item.startsWith('Steps.')) {
        const name = /^Steps\.([^.[]+)/.exec(item)![1]!;
        if (!into.includes(name)) into.push(name);
      } else referencedSteps(item, into);
    }
  }
  return into;
}

/** The steps in definition order, branches after their condition, with what each needs. */
export function planSteps(definition: Definition): PlannedStep[] {
  const planned: PlannedStep[] = [];
  const visit = (steps: DefinitionStep[], branch?: PlannedStep['branch']) => {
    for (const step of steps) {
      const args = step.Arguments ?? {};
      // A condition's branches are its outputs, not its inputs: refer to them only through the branch.
      const own = step.Type === 'Condition' ? { Conditions: args['Conditions'] ?? null } : args;
      const needs = [...new Set([...(step.DependsOn ?? []), ...referencedSteps(own), ...(branch ? [branch.condition] : [])])];
      planned.push({ step, ...(branch ? { branch } : {}), needs });
      if (step.Type === 'Condition') {
        for (const side of ['IfSteps', 'ElseSteps'] as const) visit((args[side] ?? []) as unknown as DefinitionStep[], { condition: step.Name, side });
      }
    }
  };
  visit(definition.Steps);
  return planned;
}
