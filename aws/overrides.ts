// Parameter overrides of `plc run`, checked against the pipeline's declared parameters before
// anything is sent: SageMaker itself accepts undeclared names and values of the wrong type and
// only fails the execution later (moto does not check them at all).
import { suggest } from '../compiler/diagnostics/did-you-mean.js';
import type { ParameterType } from '../compiler/ir/expr.js';
import type { ParameterIR } from '../compiler/ir/pipeline.js';

export interface Override {
  name: string;
  value: string;
}

const parses: Record<ParameterType, (value: string) => boolean> = {
  String: () => true,
  Integer: (value) => /^[+-]?\d+$/.test(value),
  Float: (value) => value.trim() !== '' && Number.isFinite(Number(value)),
  Boolean: (value) => /^(true|false)$/i.test(value),
};

/** One message per problem, in the order of the overrides; empty when all are fine. */
export function checkOverrides(parameters: readonly ParameterIR[], overrides: readonly Override[]): string[] {
  const declared = new Map(parameters.map((p) => [p.name, p]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name, value } of overrides) {
    const parameter = declared.get(name);
    if (!parameter) {
      const { suggestion } = suggest(name, declared.keys());
      const known = [...declared.keys()].join(', ') || '(none)';
      problems.push(`-P ${name}: the pipeline declares no parameter ${name}${suggestion ? ` — did you mean ${suggestion}?` : ''} (parameters: ${known})`);
    } else if (!parses[parameter.type](value)) {
      problems.push(`-P ${name}=${value}: ${name} is ${article(parameter.type)} ${parameter.type} parameter`);
    } else if (parameter.enum && !parameter.enum.includes(value)) {
      problems.push(`-P ${name}=${value}: ${name} is one of ${parameter.enum.join(', ')}`);
    }
    if (seen.has(name)) problems.push(`-P ${name}: given twice`);
    seen.add(name);
  }
  return problems;
}

const article = (type: ParameterType): string => (type === 'Integer' ? 'an' : 'a');
