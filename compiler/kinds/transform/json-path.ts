// The JSONPath SageMaker batch transform takes in InputFilter and OutputFilter: `$`, then
// `.name`, `.*`, `[*]`, `['name', …]`, `[n, …]` (negative from the end) and `[start:end]`
// slices, which a bracket may mix with indexes (`$[0,5:]`). The operators are those of
// https://docs.aws.amazon.com/sagemaker/latest/dg/batch-transform-data-processing.html.

const name = String.raw`'[^']*'`;
const index = String.raw`-?\d+`;
const slice = String.raw`(?:-?\d+)?:(?:-?\d+)?`;
const item = `(?:${slice}|${index})`;
const bracket = String.raw`\[\s*(?:\*|${name}(?:\s*,\s*${name})*|${item}(?:\s*,\s*${item})*)\s*\]`;
const step = String.raw`(?:\.(?:\*|[A-Za-z_][A-Za-z0-9_-]*)|${bracket})`;
const filter = new RegExp(`^\\$${step}*$`);

/** Why `text` is not a filter SageMaker reads; undefined when it is one. */
export function jsonPathProblem(text: string): string | undefined {
  if (!text.startsWith('$')) return 'it must start with $ (the whole record)';
  if (filter.test(text)) return undefined;
  return 'it uses an operator SageMaker does not take, or a bracket that does not close';
}
