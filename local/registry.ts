// The local stand-in for SageMaker's model registry: Model steps record their models and
// RegisterModel steps the versions of their model package groups, in one JSON file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Json } from './definition.js';

interface RegistryFile {
  models: Record<string, Json>;
  modelPackageGroups: Record<string, { version: number; arn: string; [key: string]: Json }[]>;
}

export class LocalRegistry {
  constructor(readonly file: string) {}

  private read(): RegistryFile {
    if (!existsSync(this.file)) return { models: {}, modelPackageGroups: {} };
    return JSON.parse(readFileSync(this.file, 'utf8')) as RegistryFile;
  }

  private write(contents: RegistryFile): void {
    mkdirSync(dirname(this.file), { recursive: true });
    // Atomic, so a run stopped halfway never leaves half a registry.
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(contents, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }

  addModel(name: string, model: Json): void {
    const contents = this.read();
    contents.models[name] = model;
    this.write(contents);
  }

  model(name: string): Record<string, Json> | undefined {
    return this.read().models[name] as Record<string, Json> | undefined;
  }

  /** A new version of the group; returns its ARN. */
  addModelPackage(group: string, entry: Record<string, Json>): string {
    const contents = this.read();
    const versions = (contents.modelPackageGroups[group] ??= []);
    const version = versions.length + 1;
    const arn = `arn:aws:sagemaker:local:000000000000:model-package/${group}/${version}`;
    versions.push({ version, arn, ...entry });
    this.write(contents);
    return arn;
  }
}
