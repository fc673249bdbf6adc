import type { Expr } from '../../ir/expr.js';
import type { LoweredOptions } from '../ports.js';
import type { EncryptionIR, NetworkIR, Resources, StepBaseIR } from '../../ir/pipeline.js';

/** The job of a CreateProcessingJob request; check kinds (QualityCheck, ClarifyCheck) run one too. */
export interface ProcessingJobIR {
  image: Expr;
  role: Expr;
  resources: Resources;
  /** ContainerEntrypoint, e.g. ["python3", "/opt/ml/processing/input/code/x.py"]. */
  entrypoint?: Expr[];
  arguments: Expr[];
  environment: [string, Expr][];
  inputs: { name: string; localPath: string; source: Expr; options?: LoweredOptions }[];
  outputs: { name: string; localPath: string; destination: Expr; options?: LoweredOptions }[];
  network?: NetworkIR;
  encryption?: EncryptionIR;
  tags: [string, Expr][];
}

export interface ProcessingStepIR extends StepBaseIR, ProcessingJobIR {
  kind: 'Processing';
  propertyFiles: { name: string; output: string; path: string }[];
}
