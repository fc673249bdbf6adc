// Container paths and step properties, the two ends of a port: where the job reads or writes it,
// and the property of the producing step a consumer reads. Each kind derives its own property
// paths from these (compiler/kinds/<kind>/), following the Describe*Job response shapes.
import type { Expr } from '../ir/expr.js';

/** A container path without trailing slashes, so `/opt/ml/model/` and `/opt/ml/model` agree. */
export const normalizePath = (path: string): string => path.replace(/\/+$/, '') || '/';

/** `Steps.<step>.<path>` as an expression. */
export const property = (step: string, path: string): Expr => ({ kind: 'property', step, path });
