// Backends by name. Adding one is a folder under backends/, one line here and its name in names.ts.
import type { Backend } from './backend.js';
import type { backendNames } from './names.js';
import { sagemakerBackend } from './sagemaker/sagemaker-backend.js';

export const backends: Readonly<Record<(typeof backendNames)[number], Backend>> = {
  sagemaker: sagemakerBackend,
};
