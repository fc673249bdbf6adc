// Container paths and step properties, the two ends of a port: where the job reads or writes it,
// and the property of the producing step a consumer reads. Each kind derives its own property
// paths from these (compiler/kinds/<kind>/), following the Describe*Job response shapes.
import type { Expr } from '../ir/expr.js';
import { normalizeContainerPath as normalizePath } from './container-path.js';

export { normalizePath };

/** `Steps.<step>.<path>` as an expression. */
export const property = (step: string, path: string): Expr => ({ kind: 'property', step, path });
