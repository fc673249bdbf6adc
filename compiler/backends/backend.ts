// The backend interface: a backend sees only the IR and returns the files it produces.
import type { PipelineIR } from '../ir/pipeline.js';

export interface EmittedFile {
  /** A file name without folders; `plc build -o DIR/` writes the file under it. */
  name: string;
  contents: string;
}

export interface Backend {
  /** The files, main artifact first (what `plc build` prints without -o); same IR, same bytes. */
  emit(ir: PipelineIR): EmittedFile[];
}
