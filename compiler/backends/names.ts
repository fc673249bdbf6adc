// Backend names, without loading the backends: the CLI lists them at start-up.
export const backendNames = ['sagemaker'] as const;
