// Follows what a step script does with what it is given: the keys `main(input_paths,
// output_paths, environ_vars, job_args)` reads from its dictionaries (subscripts, `.get`, names
// they are assigned to, the module's own functions they are passed to, plc's `StepEnv` reader),
// the flags its argparse defines, the `/opt/ml` paths written inside main, and how `__main__`
// calls main. A static approximation: assignments are followed in source order, loops over literal
// tuples, lists and dicts bind their elements, and whatever cannot be followed is recorded as such
// (never dropped), so the rules can say so.
import type { Location } from '../../source/source-file.js';
import type { SyntaxNode } from '../python/parser.js';
import { locationOf, moduleConstants, stringValue } from '../python/syntax.js';

/** main's dictionaries, in the order of its parameters, and its parsed arguments. */
export const mainParameters = ['input_paths', 'output_paths', 'environ_vars', 'job_args'] as const;
export type Container = (typeof mainParameters)[number];
/** The dictionaries of container paths main receives. */
export type PathContainer = 'input_paths' | 'output_paths';

export interface Spot { name: string; at: Location }
/** A key main reads from one of its dictionaries (or an attribute of job_args); `form` is how, e.g. environ_vars.get("X"). */
export interface KeyRead extends Spot { container: Container; form: string }
/** A use plc cannot follow statically (a computed key, the dictionary handed to foreign code). */
export interface Unfollowed { container: Container; at: Location; text: string }
/** A dictionary __main__ hands to main: its keys with their literal paths where written. */
export interface PassedPaths { keys: Map<string, string | undefined>; at: Location; source: string }

export interface MainEntry {
  /** The name in `def main`. */
  at: Location;
  parametersAt: Location;
  parameters: string[];
  /** The call in `__main__` (direct, or handing main to a harness such as run_processing_job). */
  call?: Location;
  passed: Partial<Record<PathContainer, PassedPaths>>;
}

export interface ScriptFlow {
  main?: MainEntry;
  /** The `if __name__ == "__main__":` block, when there is one. */
  mainBlock?: Location;
  reads: KeyRead[];
  /** Dictionaries main iterates or copies whole: every key counts as read. */
  wholeReads: Set<Container>;
  unfollowed: Unfollowed[];
  argparseFlags: (Spot & { required: boolean })[];
  /** Literal `/opt/ml…` strings in main and the module's functions it calls. */
  pathLiterals: Spot[];
}

type Value = { kind: 'container'; container: Container } | { kind: 'env-reader' } | { kind: 'string'; spot: Spot } | { kind: 'unknown' };
type Scope = Map<string, Value[]>;

const unknown: Value = { kind: 'unknown' };
/** plc_step's harnesses: (step, main, logger, input_paths, output_paths, …); training adds a key. */
const harnesses: Record<string, { extraInput?: { key: string; argument: number } }> = {
  run_processing_job: {},
  run_training_job: { extraInput: { key: 'hyperparameters', argument: 5 } },
};
/** Calls that look at a dictionary without reading keys from it. */
const harmlessCalls = new Set(['len', 'bool', 'isinstance', 'print', 'repr', 'str', 'type', 'id']);
const wholeMethods = new Set(['items', 'keys', 'values', 'copy']);
const keyMethods = new Set(['get', 'pop', 'setdefault']);
/** Bounds the following of calls into the module's functions (hostile or deeply recursive scripts). */
const maxFollowedCalls = 500;

/**
 * Every named node below `node` in source order (pre-order), `node` excluded; the children of
 * nodes `skip` accepts are left out. Iterative, so deeply nested (hostile) code cannot exhaust the stack.
 */
function descendants(node: SyntaxNode, skip: (n: SyntaxNode) => boolean = () => false): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const pending = [...node.namedChildren].reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    out.push(next);
    if (!skip(next)) for (let i = next.namedChildren.length - 1; i >= 0; i--) pending.push(next.namedChildren[i]!);
  }
  return out;
}

function parameterNames(parameters: SyntaxNode | null): string[] {
  return (parameters?.namedChildren ?? []).flatMap((p) => {
    if (p.type === 'identifier') return [p.text];
    if (p.type === 'typed_parameter') return p.namedChildren[0]?.type === 'identifier' ? [p.namedChildren[0].text] : [];
    if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') return [p.childForFieldName('name')?.text ?? ''];
    return []; // *args, **kwargs, the bare * separator
  });
}

const isMainGuard = (node: SyntaxNode) => {
  const condition = node.type === 'if_statement' ? node.childForFieldName('condition') : null;
  if (condition?.type !== 'comparison_operator' || condition.namedChildren.length !== 2) return false;
  const [a, b] = condition.namedChildren as [SyntaxNode, SyntaxNode];
  return (a.text === '__name__' && stringValue(b) === '__main__') || (b.text === '__name__' && stringValue(a) === '__main__');
};

const calleeName = (call: SyntaxNode): string | undefined => {
  const callee = call.childForFieldName('function');
  if (callee?.type === 'identifier') return callee.text;
  if (callee?.type === 'attribute') return callee.childForFieldName('attribute')?.text;
  return undefined;
};

const positional = (call: SyntaxNode) => (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat' && a.type !== 'comment');
const keyword = (call: SyntaxNode, name: string) =>
  (call.childForFieldName('arguments')?.namedChildren ?? []).find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? null;

export function followScript(root: SyntaxNode, file: string): ScriptFlow {
  const at = (node: SyntaxNode) => locationOf(node, file);
  const constants = moduleConstants(root);
  const functions = new Map<string, SyntaxNode>();
  for (const statement of root.namedChildren) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type === 'function_definition') functions.set(definition.childForFieldName('name')!.text, definition);
  }
  const flow: ScriptFlow = { reads: [], wholeReads: new Set(), unfollowed: [], argparseFlags: [], pathLiterals: [] };

  /** What an expression may be: the strings it may hold, or one of main's dictionaries. */
  const evaluate = (node: SyntaxNode | null, scope: Scope): Value[] => {
    while (node?.type === 'parenthesized_expression') node = node.namedChildren[0] ?? null;
    if (!node) return [unknown];
    const text = stringValue(node);
    if (text !== undefined) return [{ kind: 'string', spot: { name: text, at: at(node) } }];
    if (node.type === 'identifier') {
      const bound = scope.get(node.text);
      if (bound) return bound;
      const constant = constants.get(node.text);
      return constant && stringValue(constant) !== undefined ? evaluate(constant, scope) : [unknown];
    }
    if (node.type === 'call' && calleeName(node) === 'StepEnv' && evaluate(positional(node)[0] ?? null, scope).some((v) => v.kind === 'container' && v.container === 'environ_vars')) return [{ kind: 'env-reader' }];
    return [unknown];
  };
  const keysOf = (node: SyntaxNode | null, scope: Scope): Spot[] | undefined => {
    const values = evaluate(node, scope);
    return values.every((v) => v.kind === 'string') ? values.map((v) => (v as { spot: Spot }).spot) : undefined;
  };
  const containersOf = (values: Value[]) => values.flatMap((v) => (v.kind === 'container' ? [v.container] : v.kind === 'env-reader' ? ['environ_vars' as const] : []));

  /** The elements a `for` loops over, when they are written out (a literal, or a module constant). */
  const elementsOf = (iterable: SyntaxNode | null): SyntaxNode[][] | undefined => {
    if (!iterable) return undefined;
    let node: SyntaxNode | undefined = iterable;
    let part: 'keys' | 'values' | 'items' = 'keys';
    if (node.type === 'call' && node.childForFieldName('function')?.type === 'attribute' && (positional(node).length === 0)) {
      const method = node.childForFieldName('function')!;
      const name = method.childForFieldName('attribute')?.text;
      if (name !== 'keys' && name !== 'values' && name !== 'items') return undefined;
      part = name;
      node = method.childForFieldName('object') ?? undefined;
    }
    if (node?.type === 'identifier') node = constants.get(node.text);
    if (!node) return undefined;
    if (node.type === 'dictionary') {
      const pairs = node.namedChildren.filter((c) => c.type === 'pair');
      if (pairs.length !== node.namedChildren.filter((c) => c.type !== 'comment').length) return undefined;
      return pairs.map((p) => (part === 'items' ? [p.childForFieldName('key')!, p.childForFieldName('value')!] : [p.childForFieldName(part === 'keys' ? 'key' : 'value')!]));
    }
    if (part === 'keys' && (node.type === 'tuple' || node.type === 'list' || node.type === 'set')) return node.namedChildren.filter((c) => c.type !== 'comment').map((c) => [c]);
    return undefined;
  };
  const bindLoop = (target: SyntaxNode | null, iterable: SyntaxNode | null, scope: Scope) => {
    if (!target) return;
    const elements = elementsOf(iterable);
    const names = target.type === 'identifier' ? [target] : ['pattern_list', 'tuple_pattern', 'tuple', 'list_pattern'].includes(target.type) ? target.namedChildren : [];
    names.forEach((name, i) => {
      if (name.type !== 'identifier') return;
      const values = elements?.flatMap((element) => {
        if (target.type === 'identifier') return evaluate(element.length === 1 ? element[0]! : null, scope);
        const parts = element.length > 1 ? element : ['tuple', 'list'].includes(element[0]!.type) ? element[0]!.namedChildren : [];
        return evaluate(parts[i] ?? null, scope);
      });
      // A loop over an empty literal binds nothing: its body never runs.
      scope.set(name.text, values ?? [unknown]);
    });
  };

  let followedCalls = 0;
  /** Reads in one function body, with its parameters bound; calls into the module are followed. */
  const follow = (fn: SyntaxNode, parameters: Scope, stack: readonly string[]) => {
    const body = fn.childForFieldName('body');
    if (!body) return;
    const scope: Scope = new Map(parameters);
    const nodes = descendants(body);
    // Bindings first, so names bound by a comprehension's `for` (written after its use) are known.
    for (const node of nodes) {
      if (node.type === 'assignment' && node.childForFieldName('left')?.type === 'identifier') {
        scope.set(node.childForFieldName('left')!.text, evaluate(node.childForFieldName('right'), scope));
      } else if (node.type === 'for_statement' || node.type === 'for_in_clause') {
        bindLoop(node.childForFieldName('left'), node.childForFieldName('right'), scope);
      }
    }
    const read = (container: Container, keyNode: SyntaxNode | null, whole: SyntaxNode, form: (key: string) => string) => {
      const keys = keysOf(keyNode, scope);
      if (!keys) flow.unfollowed.push({ container, at: at(whole), text: whole.text });
      else for (const key of keys) flow.reads.push({ container, name: key.name, at: key.at, form: form(key.name) });
    };
    for (const node of nodes) {
      if (node.type === 'attribute' && containersOf(evaluate(node.childForFieldName('object'), scope).filter((v) => v.kind === 'container')).includes('job_args')) {
        const attribute = node.childForFieldName('attribute')!;
        flow.reads.push({ container: 'job_args', name: attribute.text, at: at(attribute), form: node.text });
      } else if (node.type === 'subscript') {
        for (const container of containersOf(evaluate(node.childForFieldName('value'), scope).filter((v) => v.kind === 'container'))) {
          read(container, node.childForFieldName('subscript'), node, (key) => `${container}["${key}"]`);
        }
      } else if (node.type === 'call') {
        const callee = node.childForFieldName('function');
        const args = positional(node);
        let handled = false;
        if (callee?.type === 'attribute') {
          const method = callee.childForFieldName('attribute')?.text ?? '';
          for (const value of evaluate(callee.childForFieldName('object'), scope)) {
            if (value.kind === 'container' && keyMethods.has(method)) read(value.container, args[0] ?? null, node, (key) => `${value.container}.${method}("${key}")`);
            else if (value.kind === 'container' && wholeMethods.has(method)) flow.wholeReads.add(value.container);
            else if (value.kind === 'env-reader' && !method.startsWith('_')) read('environ_vars', args[0] ?? null, node, (key) => `${callee.childForFieldName('object')!.text}.${method}("${key}")`);
          }
        }
        const name = callee?.type === 'identifier' ? callee.text : undefined;
        if (name === 'StepEnv' || (name !== undefined && harmlessCalls.has(name))) handled = true;
        const local = name !== undefined ? functions.get(name) : undefined;
        if (local && !stack.includes(name!)) {
          handled = true;
          const names = parameterNames(local.childForFieldName('parameters'));
          const bound: Scope = new Map();
          args.forEach((arg, i) => names[i] !== undefined && bound.set(names[i]!, evaluate(arg, scope)));
          for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
            if (arg.type === 'keyword_argument') bound.set(arg.childForFieldName('name')!.text, evaluate(arg.childForFieldName('value'), scope));
          }
          if ([...bound.values()].some((values) => containersOf(values).length > 0) && followedCalls < maxFollowedCalls) {
            followedCalls += 1;
            follow(local, bound, [...stack, name!]);
          }
        }
        if (!handled) {
          // Handed to code plc does not read (an import, a method): its reads cannot be followed.
          for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
            const value = arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
            for (const container of new Set(containersOf(evaluate(value, scope)))) if (container !== 'job_args') flow.unfollowed.push({ container, at: at(arg), text: node.text });
          }
        }
      }
    }
  };

  const main = functions.get('main');
  if (main) {
    const parameters = parameterNames(main.childForFieldName('parameters'));
    flow.main = { at: at(main.childForFieldName('name')!), parametersAt: at(main.childForFieldName('parameters')!), parameters, passed: {} };
    const bound: Scope = new Map(parameters.slice(0, mainParameters.length).map((name, i) => [name, [{ kind: 'container', container: mainParameters[i]! } as Value]]));
    follow(main, bound, ['main']);
    for (const name of reachableFrom('main', functions)) {
      for (const node of descendants(functions.get(name)!.childForFieldName('body')!)) {
        const text = stringValue(node);
        if (text !== undefined && /^\/opt\/ml(\/|$)/.test(text)) flow.pathLiterals.push({ name: text, at: at(node) });
      }
    }
  }
  readArgparse(root, functions, flow, evaluate, bindLoop, at);
  const guard = root.namedChildren.find(isMainGuard);
  if (guard) {
    flow.mainBlock = at(guard);
    if (flow.main) findMainCall(guard, flow.main, constants, at);
  }
  return flow;
}

/** The module's functions `start` calls, directly or through others, itself included. */
function reachableFrom(start: string, functions: Map<string, SyntaxNode>): string[] {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const body = functions.get(queue.shift()!)!.childForFieldName('body');
    for (const node of body ? descendants(body) : []) {
      if (node.type === 'identifier' && functions.has(node.text) && !seen.has(node.text)) {
        seen.add(node.text);
        queue.push(node.text);
      }
    }
  }
  return [...seen].sort();
}

/** `parser.add_argument("--x", …)` anywhere in the script, flags taken through literal loops too. */
function readArgparse(root: SyntaxNode, functions: Map<string, SyntaxNode>, flow: ScriptFlow, evaluate: (node: SyntaxNode | null, scope: Scope) => Value[], bindLoop: (target: SyntaxNode | null, iterable: SyntaxNode | null, scope: Scope) => void, at: (node: SyntaxNode) => Location) {
  const bodies = [root, ...[...functions.values()].map((f) => f.childForFieldName('body')!)];
  for (const body of bodies) {
    const nodes = descendants(body, (n) => body === root && n.type === 'function_definition');
    const scope: Scope = new Map();
    for (const node of nodes) if (node.type === 'for_statement' || node.type === 'for_in_clause') bindLoop(node.childForFieldName('left'), node.childForFieldName('right'), scope);
    for (const call of nodes.filter((n) => n.type === 'call' && n.childForFieldName('function')?.type === 'attribute' && calleeName(n) === 'add_argument')) {
      const required = keyword(call, 'required')?.text === 'True';
      // One argument may have several spellings ("-n", "--rows"); its long one is what passes it.
      const spellings: Spot[][] = [];
      for (const arg of positional(call)) {
        const values = evaluate(arg, scope);
        if (!values.every((v) => v.kind === 'string')) {
          flow.unfollowed.push({ container: 'job_args', at: at(arg), text: call.text });
          continue;
        }
        spellings.push((values as { spot: Spot }[]).map((v) => v.spot).filter((spot) => spot.name.startsWith('-')));
      }
      // A flag bound by a loop has one spelling per element; written side by side, they are one argument.
      const flags = spellings.length === 1 ? spellings[0]!.map((spot) => [spot]) : [spellings.flat()];
      for (const names of flags.filter((n) => n.length > 0)) flow.argparseFlags.push({ ...(names.find((n) => n.name.startsWith('--')) ?? names[0]!), required });
    }
  }
}

/** How __main__ calls main, and the path dictionaries it hands over when they are written out. */
function findMainCall(guard: SyntaxNode, main: MainEntry, constants: Map<string, SyntaxNode>, at: (node: SyntaxNode) => Location) {
  const local = new Map(constants);
  for (const node of descendants(guard)) {
    if (node.type === 'assignment' && node.childForFieldName('left')?.type === 'identifier') local.set(node.childForFieldName('left')!.text, node.childForFieldName('right')!);
  }
  const paths = (node: SyntaxNode | undefined, depth = 0): PassedPaths | undefined => {
    if (!node || depth > 8) return undefined;
    if (node.type === 'identifier') {
      const value = local.get(node.text);
      const resolved = value && paths(value, depth + 1);
      return resolved && { ...resolved, at: at(node), source: node.text };
    }
    if (node.type !== 'dictionary') return undefined;
    const keys = new Map<string, string | undefined>();
    for (const entry of node.namedChildren) {
      if (entry.type === 'comment') continue;
      if (entry.type === 'dictionary_splat') {
        const inner = paths(entry.namedChildren[0], depth + 1);
        if (!inner) return undefined;
        for (const [key, path] of inner.keys) keys.set(key, path);
        continue;
      }
      const key = entry.type === 'pair' ? stringValue(entry.childForFieldName('key')) : undefined;
      if (key === undefined) return undefined;
      const value = entry.childForFieldName('value');
      const literal = stringValue(value) ?? (value?.type === 'identifier' ? stringValue(local.get(value.text)) : undefined);
      keys.set(key, literal);
    }
    return { keys, at: at(node), source: 'the dictionary __main__ passes' };
  };
  for (const call of descendants(guard).filter((n) => n.type === 'call')) {
    const args = positional(call);
    const callee = call.childForFieldName('function');
    if (callee?.type === 'identifier' && callee.text === 'main') {
      main.call = at(call);
      if (args.length < 2) continue;
      const input = paths(args[0]);
      const output = paths(args[1]);
      if (input) main.passed.input_paths = input;
      if (output) main.passed.output_paths = output;
    } else if (args.some((a) => a.type === 'identifier' && a.text === 'main')) {
      main.call = at(call);
      const harness = harnesses[calleeName(call) ?? ''];
      if (!harness) continue;
      const input = paths(args[3]);
      const output = paths(args[4]);
      if (input && harness.extraInput) input.keys.set(harness.extraInput.key, stringValue(args[harness.extraInput.argument]) ?? stringValue(local.get(args[harness.extraInput.argument]?.text ?? '')));
      if (input) main.passed.input_paths = input;
      if (output) main.passed.output_paths = output;
    }
  }
}
