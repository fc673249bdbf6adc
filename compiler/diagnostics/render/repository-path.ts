// Code scanning and workflow annotations name files by their path in the repository, while plc
// reports them relative to the working folder: a project in a subfolder needs the folder's own
// path in front (bin/report.ts finds it).

/** The path as the repository knows it: below the repository root, with forward slashes. */
export const repositoryPath = (file: string, prefix: string): string => [prefix, file].filter((part) => part !== '').join('/').split('\\').join('/');
