// Backends by name. Adding one is a folder under backends/ and one line here. Each backend loads
// only when asked for, so the CLI reads the names at start-up without loading any backend.
import type { Backend } from './backend.js';

export const backendLoaders = {
  sagemaker: async () => (await import('./sagemaker/sagemaker-backend.js')).sagemakerBackend,
  cloudformation: async () => (await import('./cloudformation/cloudformation-backend.js')).cloudformationBackend,
  graph: async () => (await import('./graph/graph-backend.js')).graphBackend,
} satisfies Record<string, () => Promise<Backend>>;

export type BackendName = keyof typeof backendLoaders;

/** In registry order, for --backend's choices and the usage error that lists them. */
export const backendNames = Object.keys(backendLoaders) as BackendName[];
