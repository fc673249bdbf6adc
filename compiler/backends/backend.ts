// The backend interface: a backend sees only the IR and returns the files it produces.
import type { PipelineIR } from '../ir/pipeline.js';

export interface EmittedFile {
  /** Suggested file name; the first file is the main artifact `plc build -o` writes. */
  name: string;
  contents: string;
}

export interface Backend {
  emit(ir: PipelineIR): EmittedFile[];
}
