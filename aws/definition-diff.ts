// A semantic diff of two pipeline definitions: steps matched by name (condition branches included),
// parameters by name, and within each the fields that differ, by path. Key order and formatting
// do not count; list order does (it is meaningful in arguments and branches).

export interface FieldChange {
  /** e.g. `Arguments.ProcessingResources.ClusterConfig.InstanceType`; empty for the whole entry. */
  path: string;
  /** Absent when the field is new. */
  before?: unknown;
  /** Absent when the field is gone. */
  after?: unknown;
}

export interface EntryChange {
  kind: 'pipeline' | 'parameter' | 'step';
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

type Json = unknown;
type Entries = Map<string, Json>;

/** What deploying `compiled` would change in `deployed`; empty when nothing. */
export function diffDefinitions(deployed: Json, compiled: Json): EntryChange[] {
  return [
    ...diffEntries('pipeline', envelope(deployed), envelope(compiled)),
    ...diffEntries('parameter', byName(field(deployed, 'Parameters'), () => undefined), byName(field(compiled, 'Parameters'), () => undefined)),
    ...diffEntries('step', steps(deployed), steps(compiled)),
  ];
}

/** Pipeline settings outside the definition (role, description) compare the same way. */
export function diffSettings(deployed: Record<string, string | undefined>, compiled: Record<string, string | undefined>): EntryChange[] {
  const fields = compareValues('', toEntries(deployed), toEntries(compiled));
  return fields.length === 0 ? [] : [{ kind: 'pipeline', name: 'settings', change: 'changed', fields }];
}

const toEntries = (record: Record<string, string | undefined>): Record<string, string> => Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: Json, key: string): Json => (isObject(value) ? value[key] : undefined);

/** Everything at the top level except Parameters and Steps, as one entry. */
function envelope(definition: Json): Entries {
  if (!isObject(definition)) return new Map([['definition', definition]]);
  const rest = Object.fromEntries(Object.entries(definition).filter(([key]) => key !== 'Parameters' && key !== 'Steps'));
  return new Map([['definition', rest]]);
}

/** List items keyed by their Name; `nested` may add more entries found inside an item. */
function byName(list: Json, nested: (item: Record<string, Json>, into: Entries) => void): Entries {
  const entries: Entries = new Map();
  if (!Array.isArray(list)) return entries;
  for (const item of list) {
    if (!isObject(item) || typeof item['Name'] !== 'string') continue;
    entries.set(item['Name'], item);
    nested(item, entries);
  }
  return entries;
}

/**
 * Every step by name. A condition's branch steps are entries of their own, and the condition keeps
 * only their names, so a change inside a branch step is reported at that step.
 */
function steps(definition: Json): Entries {
  const flatten = (step: Record<string, Json>, into: Entries): void => {
    const args = step['Arguments'];
    if (step['Type'] !== 'Condition' || !isObject(args)) return;
    const names = (branch: Json) => (Array.isArray(branch) ? branch.map((s) => field(s, 'Name')) : branch);
    into.set(step['Name'] as string, { ...step, Arguments: { ...args, IfSteps: names(args['IfSteps']), ElseSteps: names(args['ElseSteps']) } });
    for (const branch of [args['IfSteps'], args['ElseSteps']]) for (const [name, inner] of byName(branch, flatten)) into.set(name, inner);
  };
  return byName(field(definition, 'Steps'), flatten);
}

function diffEntries(kind: EntryChange['kind'], before: Entries, after: Entries): EntryChange[] {
  const changes: EntryChange[] = [];
  for (const [name, old] of before) {
    if (!after.has(name)) changes.push({ kind, name, change: 'removed', fields: [{ path: '', before: old }] });
  }
  for (const [name, value] of after) {
    if (!before.has(name)) {
      changes.push({ kind, name, change: 'added', fields: [{ path: '', after: value }] });
      continue;
    }
    const fields = compareValues('', before.get(name), value);
    if (fields.length > 0) changes.push({ kind, name, change: 'changed', fields });
  }
  return changes;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function compareValues(path: string, before: Json, after: Json): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      const inBefore = Object.hasOwn(before, key);
      const inAfter = Object.hasOwn(after, key);
      if (!inBefore) return [{ path: join(path, key), after: after[key] }];
      if (!inAfter) return [{ path: join(path, key), before: before[key] }];
      return compareValues(join(path, key), before[key], after[key]);
    });
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => compareValues(`${path}[${i}]`, item, after[i]));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}
