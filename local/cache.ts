// The local step cache: a step whose definition (code hashes included), parameter values and
// input contents are unchanged is not run again; it reports the properties of the run that made
// its outputs, as SageMaker's step cache does. The key never includes the execution id.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionStep } from './definition.js';
import type { JobResult } from './job.js';
import { filesBelow } from './s3-folder.js';

export function fingerprint(folders: readonly string[]): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    hash.update(`folder\0${folders.indexOf(folder)}\0`);
    for (const file of filesBelow(folder)) {
      hash.update(`${file}\0`);
      hash.update(readFileSync(file === '' ? folder : join(folder, file)));
    }
  }
  return hash.digest('hex');
}

export class StepCache {
  constructor(private readonly folder: string, readonly enabled: boolean) {}

  /** Only the parameters the step's arguments read count: a new MinAuc must not rerun training. */
  key(step: DefinitionStep, parameters: ReadonlyMap<string, unknown>, inputFolders: readonly string[]): string {
    const definition = JSON.stringify({ Type: step.Type, Arguments: step.Arguments ?? {}, PropertyFiles: step.PropertyFiles ?? [] });
    const read = new Set([...definition.matchAll(/"Get":"Parameters\.([^"]+)"/g)].map((match) => match[1]!));
    const values = JSON.stringify([...parameters].filter(([name]) => read.has(name)).sort(([a], [b]) => (a < b ? -1 : 1)));
    return createHash('sha256').update(definition).update('\0').update(values).update('\0').update(fingerprint(inputFolders)).digest('hex');
  }

  private file(key: string): string {
    return join(this.folder, `${key}.json`);
  }

  /** The result recorded under key, when its outputs are still there unchanged. */
  lookup(key: string): JobResult | undefined {
    if (!this.enabled || !existsSync(this.file(key))) return undefined;
    const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as { result: JobResult; outputs: string };
    const outputs = entry.result.outputs ?? [];
    if (!outputs.every((folder) => existsSync(folder)) || fingerprint(outputs) !== entry.outputs) return undefined;
    return entry.result;
  }

  store(key: string, result: JobResult): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(`${this.file(key)}.tmp`, JSON.stringify({ result, outputs: fingerprint(result.outputs ?? []) }, null, 2));
    renameSync(`${this.file(key)}.tmp`, this.file(key));
  }
}
