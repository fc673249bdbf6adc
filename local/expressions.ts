// Evaluates the definition's expressions on the values of one local execution: parameters,
// execution variables, the properties of the steps that ran, and their property files.
import { readFileSync } from 'node:fs';
import type { Json } from './definition.js';

export interface Scope {
  parameters: ReadonlyMap<string, string | number | boolean>;
  execution: Readonly<Record<string, string>>;
  /** The Describe*-shaped properties a step recorded; undefined while it has not run. */
  properties: (step: string) => Json | undefined;
  /** The local file behind a step's property file. */
  propertyFile: (step: string, name: string) => string | undefined;
}

export class EvaluationError extends Error {}

/** `ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri` as keys: ProcessingOutputConfig, Outputs, data, … */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[(\d+)\]/g)) {
    if (match[4] !== undefined) keys.push(Number(match[4]));
    else keys.push(match[1] ?? match[2] ?? match[3]!);
  }
  return keys;
}

function walk(value: Json | undefined, keys: (string | number)[], what: string): Json {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !(String(key) in current)) throw new EvaluationError(`${what}: no ${JSON.stringify(key)}`);
    current = (current as Record<string, Json>)[String(key)];
  }
  if (current === undefined) throw new EvaluationError(`${what}: undefined`);
  return current;
}

function get(reference: string, scope: Scope): Json {
  const [namespace, ...rest] = reference.split('.');
  if (namespace === 'Parameters') {
    const value = scope.parameters.get(rest.join('.'));
    if (value === undefined) throw new EvaluationError(`no parameter ${rest.join('.')}`);
    return value;
  }
  if (namespace === 'Execution') {
    const value = scope.execution[rest.join('.')];
    if (value === undefined) throw new EvaluationError(`no execution variable ${rest.join('.')}`);
    return value;
  }
  if (namespace === 'Steps') {
    const [step, ...keys] = pathKeys(reference.slice('Steps.'.length));
    const properties = scope.properties(String(step));
    if (properties === undefined) throw new EvaluationError(`step ${step} has not run, so ${reference} has no value`);
    return walk(properties, keys, reference);
  }
  throw new EvaluationError(`cannot evaluate ${reference}`);
}

function jsonGet(spec: Record<string, Json>, scope: Scope): Json {
  const file = spec['PropertyFile'] as Record<string, Json> | string;
  const reference = typeof file === 'object' && typeof file['Get'] === 'string' ? file['Get'] : `Steps.?.PropertyFiles.${String(file)}`;
  const match = /^Steps\.([^.]+)\.PropertyFiles\.(.+)$/.exec(reference);
  if (!match) throw new EvaluationError(`cannot read property file ${JSON.stringify(file)}`);
  const path = scope.propertyFile(match[1]!, match[2]!);
  if (!path) throw new EvaluationError(`step ${match[1]} has no property file ${match[2]}`);
  let document: Json;
  try {
    document = JSON.parse(readFileSync(path, 'utf8')) as Json;
  } catch (error) {
    throw new EvaluationError(`property file ${match[2]} of ${match[1]} (${path}): ${(error as Error).message}`);
  }
  const jsonPath = String(evaluate(spec['Path'] ?? '', scope));
  return walk(document, pathKeys(jsonPath), `${match[2]} of ${match[1]} at ${jsonPath}`);
}

const asText = (value: Json): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value));

/** A value of the definition with every expression in it replaced by its value. */
export function evaluate(value: Json, scope: Scope): Json {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Get' && typeof value['Get'] === 'string') return get(value['Get'], scope);
  if (keys.length === 1 && keys[0] === 'Std:Join') {
    const join = value['Std:Join'] as Record<string, Json>;
    return (evaluate(join['Values'] ?? [], scope) as Json[]).map(asText).join(String(join['On'] ?? ''));
  }
  if (keys.length === 1 && keys[0] === 'Std:JsonGet') return jsonGet(value['Std:JsonGet'] as Record<string, Json>, scope);
  return Object.fromEntries(keys.map((key) => [key, evaluate(value[key]!, scope)]));
}

const number = (value: Json, what: string): number => {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(parsed)) throw new EvaluationError(`${what} ${JSON.stringify(value)} is not a number`);
  return parsed;
};

const same = (a: Json, b: Json): boolean => (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : asText(a) === asText(b));

/** Whether one condition of a Condition step holds (the types SageMaker's ConditionStep knows). */
export function holds(condition: Record<string, Json>, scope: Scope): boolean {
  const type = condition['Type'];
  const side = (key: string) => evaluate(condition[key] ?? null, scope);
  switch (type) {
    case 'Equals':
      return same(side('LeftValue'), side('RightValue'));
    case 'GreaterThan':
    case 'GreaterThanOrEqualTo':
    case 'LessThan':
    case 'LessThanOrEqualTo': {
      const left = number(side('LeftValue'), 'left value');
      const right = number(side('RightValue'), 'right value');
      return { GreaterThan: left > right, GreaterThanOrEqualTo: left >= right, LessThan: left < right, LessThanOrEqualTo: left <= right }[type];
    }
    case 'In': {
      const left = side('QueryValue');
      return (side('Values') as Json[]).some((candidate) => same(left, candidate));
    }
    case 'Not':
      return !holds(condition['Condition'] as Record<string, Json>, scope);
    case 'Or':
      return (condition['Conditions'] as Record<string, Json>[]).some((inner) => holds(inner, scope));
    default:
      throw new EvaluationError(`condition type ${String(type)} is not evaluated locally`);
  }
}
