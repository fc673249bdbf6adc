// Backends by name. Adding one is a folder under backends/ plus one line here.
import type { Backend } from './backend.js';
import { sagemakerBackend } from './sagemaker/sagemaker-backend.js';

export const backends: Readonly<Record<string, Backend>> = {
  sagemaker: sagemakerBackend,
};

export const backendNames = Object.keys(backends);
