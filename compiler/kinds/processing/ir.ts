import type { Expr } from '../../ir/expr.js';
import type { LoweredOptions } from '../ports.js';
import type { EncryptionIR, NetworkIR, Resources, StepBaseIR } from '../../ir/pipeline.js';

export interface ProcessingStepIR extends StepBaseIR {
  kind: 'Processing';
  image: Expr;
  role: Expr;
  resources: Resources;
  /** ContainerEntrypoint, e.g. ["python3", "/opt/ml/processing/input/code/x.py"]. */
  entrypoint?: Expr[];
  arguments: Expr[];
  environment: [string, Expr][];
  inputs: { name: string; localPath: string; source: Expr; options?: LoweredOptions }[];
  outputs: { name: string; localPath: string; destination: Expr; options?: LoweredOptions }[];
  propertyFiles: { name: string; output: string; path: string }[];
  network?: NetworkIR;
  encryption?: EncryptionIR;
  tags: [string, Expr][];
}
