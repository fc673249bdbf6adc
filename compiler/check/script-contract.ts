// Script ↔ contract: a step's Python script is parsed (tree-sitter) and what it reads — its
// contract constants (INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS, CLI_ARGS,
// REQUIRED_HYPERPARAMETERS, OPTIONAL_HYPERPARAMETERS) and its literal os.environ reads — is
// compared both ways with what the step type declares across all its job types, one rule per
// module (script-contract/rules.ts). Then the script-flow rules (script-flow/rules.ts) check what
// main() actually does.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { displayPath } from '../source/display-path.js';
import { precompiledScriptAnalysis } from '../link/builtin-library.js';
import { stepFolder, type StepType } from '../link/step-library.js';
import { normalizePath } from '../sagemaker/property-paths.js';
import type { Location } from '../source/source-file.js';
import { TextSource, type SourceText } from '../source/text-source.js';
import { isInside } from '../util/walk.js';
import type { ParsePython, SyntaxNode } from './python/parser.js';
import { locationOf, moduleConstants, stringValue } from './python/syntax.js';
import { followScript, type ScriptFlow } from './script-flow/flow.js';
import { scriptContractRules } from './script-contract/rules.js';
import { scriptFlowRules } from './script-flow/rules.js';
import type { ScriptContext } from './script-rule.js';

export interface Spot { name: string; at: Location }

export interface ScriptContract {
  paths?: Spot[];
  requiredEnv?: Spot[];
  optionalEnv?: Spot[];
  envReads: Spot[];
  cliArgs?: (Spot & { required: boolean })[];
  requiredHyperparameters?: Spot[];
  optionalHyperparameters?: Spot[];
}

export function readContract(root: SyntaxNode, file: string): ScriptContract {
  const at = (node: SyntaxNode): Location => locationOf(node, file);
  const spot = (node: SyntaxNode | null): Spot | undefined => {
    const name = stringValue(node);
    return name === undefined ? undefined : { name, at: at(node!) };
  };
  const spots = (nodes: (SyntaxNode | null)[]) => nodes.map(spot).filter((s): s is Spot => s !== undefined);
  const pairs = (node: SyntaxNode) => (node.type === 'dictionary' ? node.namedChildren.filter((c) => c.type === 'pair') : []);
  const constants = moduleConstants(root);
  const listOf = (name: string) => {
    const node = constants.get(name);
    if (!node) return undefined;
    return node.type === 'dictionary' ? spots(pairs(node).map((p) => p.childForFieldName('key'))) : spots(node.namedChildren);
  };
  const valuesOf = (name: string) => {
    const node = constants.get(name);
    return node ? spots(pairs(node).map((p) => p.childForFieldName('value'))) : undefined;
  };
  const inputs = valuesOf('INPUT_PATHS');
  const outputs = valuesOf('OUTPUT_PATHS');
  const cli = constants.get('CLI_ARGS');
  const envReads: Spot[] = [];
  for (const call of root.descendantsOfType('call')) {
    const callee = call.childForFieldName('function')?.text;
    if (callee === 'os.environ.get' || callee === 'os.getenv' || callee === 'environ.get' || callee === 'getenv') {
      const read = spot(call.childForFieldName('arguments')?.namedChildren[0] ?? null);
      if (read) envReads.push(read);
    }
  }
  for (const subscript of root.descendantsOfType('subscript')) {
    if (subscript.childForFieldName('value')?.text === 'os.environ') {
      const read = spot(subscript.childForFieldName('subscript'));
      if (read) envReads.push(read);
    }
  }
  const required = (options: SyntaxNode | null) =>
    pairs(options ?? ({ type: '' } as SyntaxNode)).some((p) => stringValue(p.childForFieldName('key')) === 'required' && p.childForFieldName('value')?.text === 'True');
  return {
    ...(inputs || outputs ? { paths: [...(inputs ?? []), ...(outputs ?? [])] } : {}),
    ...(constants.has('REQUIRED_ENV_VARS') ? { requiredEnv: listOf('REQUIRED_ENV_VARS')! } : {}),
    ...(constants.has('OPTIONAL_ENV_VARS') ? { optionalEnv: listOf('OPTIONAL_ENV_VARS')! } : {}),
    envReads,
    ...(cli ? { cliArgs: pairs(cli).map((p) => ({ ...spot(p.childForFieldName('key'))!, required: required(p.childForFieldName('value')) })).filter((a) => a.name !== undefined) } : {}),
    ...(constants.has('REQUIRED_HYPERPARAMETERS') ? { requiredHyperparameters: listOf('REQUIRED_HYPERPARAMETERS')! } : {}),
    ...(constants.has('OPTIONAL_HYPERPARAMETERS') ? { optionalHyperparameters: listOf('OPTIONAL_HYPERPARAMETERS')! } : {}),
  };
}

/** Variables SageMaker's containers set themselves; scripts may read them without a binding. */
export const containerVariable = (name: string) => /^(SM_|SAGEMAKER_)/.test(name) || ['HOME', 'PATH', 'PYTHONPATH', 'TMPDIR', 'AWS_REGION', 'AWS_DEFAULT_REGION'].includes(name);

/** A command-line flag (not a negative number such as -1). */
export const isFlag = (argument: string) => /^--?[A-Za-z]/.test(argument);

/** `--job-type`, `--job_type` and `job-type` name the same argument. */
export const flagName = (flag: string) => flag.replace(/^-+/, '').split('=')[0]!.toLowerCase().replace(/_/g, '-');

type StepDoc = StepType['doc'];
type Declared = { name: string; path: (string | number)[] };

/** What the step type declares in its base and in any variant (the script serves them all). */
export function declared(doc: StepDoc) {
  const layers: { doc: Partial<StepDoc>; prefix: (string | number)[] }[] = [{ doc, prefix: [] }, ...Object.entries(doc.variants ?? {}).map(([jobType, v]) => ({ doc: v as Partial<StepDoc>, prefix: ['variants', jobType] }))];
  const collect = (pick: (d: Partial<StepDoc>) => Record<string, unknown> | undefined, at: string[]) => {
    const found = new Map<string, Declared>();
    for (const layer of layers) for (const [name, value] of Object.entries(pick(layer.doc) ?? {})) if (value !== null && !found.has(name)) found.set(name, { name, path: [...layer.prefix, ...at, name] });
    return found;
  };
  const ports = new Map<string, Declared & { port: string; required: boolean }>();
  for (const layer of layers) {
    for (const direction of ['inputs', 'outputs'] as const) {
      for (const [port, spec] of Object.entries((layer.doc[direction] ?? {}) as Record<string, { path?: string; required?: boolean } | null>)) {
        if (spec?.path !== undefined && !ports.has(normalizePath(spec.path))) {
          ports.set(normalizePath(spec.path), { name: spec.path, port, required: direction === 'outputs' || spec.required !== false, path: [...layer.prefix, direction, port, 'path'] });
        }
      }
    }
  }
  const argumentFlags = new Map<string, Declared>();
  for (const layer of layers) {
    (layer.doc.script?.arguments ?? []).forEach((argument, i) => {
      if (typeof argument === 'string' && isFlag(argument) && !argumentFlags.has(flagName(argument))) argumentFlags.set(flagName(argument), { name: argument, path: [...layer.prefix, 'script', 'arguments', i] });
    });
  }
  // A tuning step's script reads its tuned hyperparameters as well as the fixed ones.
  const hyperparameters = typeof doc.training?.hyperparameters === 'object'
    ? new Map([...collect((d) => (typeof d.training?.hyperparameters === 'object' ? d.training.hyperparameters : undefined), ['training', 'hyperparameters']), ...collect((d) => d.tuning?.ranges, ['tuning', 'ranges'])])
    : undefined;
  // A serving container's environment is serving.environment (script.env is refused there, PLC5080).
  const env = new Map([...collect((d) => d.script?.env, ['script', 'env']), ...collect((d) => d.serving?.environment, ['serving', 'environment'])]);
  return { env, ports, argumentFlags, hyperparameters };
}

/** What a script declares (its contract constants) and what main() does (script-flow/flow.ts). */
export interface ScriptAnalysis {
  contract: ScriptContract;
  flow: ScriptFlow;
}

export function analyseScript(root: SyntaxNode, file: string): ScriptAnalysis {
  return { contract: readContract(root, file), flow: followScript(root, file) };
}

/** Parses the step's entry point and reports every disagreement with its declarations. */
export function checkScriptContract(step: StepType, parse: ParsePython, cwd: string, sources: Map<string, SourceText>, bag: DiagnosticBag): void {
  const script = step.doc.script;
  // Only a Python entry point has a contract to read; others run with script.interpreter (PLC5072).
  if (!script || !script.entryPoint.endsWith('.py')) return;
  const root = script.sourceDir !== undefined ? resolve(stepFolder(step), script.sourceDir) : stepFolder(step);
  const entry = resolve(root, script.entryPoint);
  // A missing, escaping or irregular one (a FIFO would block the read) is reported with the code bundle (PLC4001, PLC4003).
  if (!existsSync(entry) || !statSync(entry).isFile() || !existsSync(root) || !isInside(realpathSync(root), realpathSync(entry))) return;
  const text = readFileSync(entry, 'utf8');
  const file = displayPath(entry, cwd);
  const scriptName = basename(entry);
  sources.set(file, new TextSource(file, text));
  // The built-in scripts were analysed at build time (builtin-library.ts); others are parsed now.
  const { contract, flow } = (precompiledScriptAnalysis(text, file) as ScriptAnalysis | undefined) ?? analyseScript(parse(text), file);
  const where = (path: (string | number)[], part: 'key' | 'value' = 'value') => step.source.locate(path, part);
  // The declarations compared both ways (script-contract/), then what main() does with them (script-flow/).
  const context: ScriptContext = { step, declared: declared(step.doc), contract, flow, script: { file, name: scriptName }, where, bag };
  for (const rule of [...scriptContractRules, ...scriptFlowRules]) rule.check(context);
}
