// The built-in step library as `npm run build` precompiled it (write-builtin-library.ts): each
// step file's validated data (and its job-type variants merged and validated), keyed by the file's content hash; the config validators of its step
// types and their job-type variants as ajv standalone code, one module per config schema named by
// its hash (a run loads only the validators of the step types it uses); and
// the analysis of each built-in script (contract and script flow), keyed by the script's hash. A run still reads and
// hashes the files: one that matches is neither parsed nor validated again (its YAML tree is parsed
// only if a location in it is asked for), and one that does not (an edited source tree before the
// next build) is loaded like any project file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { packageRoot } from '../../schema/paths.js';

export const builtinLibraryPath = join(packageRoot, 'dist', 'steps', 'builtin-library.json');
export const builtinConfigValidatorPath = (key: string): string => join(packageRoot, 'dist', 'steps', 'config-validators', `${key}.cjs`);

/** One precompiled step file: its data as JSON text, parsed afresh for every compilation. */
export interface PrecompiledStep {
  sha256: string;
  json: string;
  /** Each job type's variant merged into the step type as expand-variants.ts merges it, validated, as JSON text. */
  variants?: Record<string, string>;
}

export interface BuiltinManifest {
  /** By path relative to the built-in steps folder. */
  steps: Record<string, PrecompiledStep>;
  /** What the built-in scripts declare and do (script-contract.ts), by the script's content hash, as scriptAnalysisJson text with "" for the file. */
  scriptAnalyses: Record<string, string>;
}

let manifest: BuiltinManifest | undefined;
const validators = new Map<string, ValidateFunction | undefined>();

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The key of a hash in the validators module (an identifier). */
export const validatorKey = (sha256: string): string => `h${sha256}`;

function builtinManifest(): BuiltinManifest {
  manifest ??= existsSync(builtinLibraryPath) ? (JSON.parse(readFileSync(builtinLibraryPath, 'utf8')) as BuiltinManifest) : { steps: {}, scriptAnalyses: {} };
  return manifest;
}

/** A script analysis as JSON, keeping its Maps and Sets (JSON.stringify would write them as {}). */
export const scriptAnalysisJson = (analysis: unknown): string =>
  JSON.stringify(analysis, (_key, value: unknown) => (value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value));

/** The analysis made at build time of a script with this text, its locations in `file`. */
export function precompiledScriptAnalysis(text: string, file: string): unknown {
  const json = builtinManifest().scriptAnalyses[contentHash(text)];
  if (json === undefined) return undefined;
  return JSON.parse(json, (key, value: unknown) => {
    if (key === 'file') return file;
    if (value !== null && typeof value === 'object' && '$map' in value) return new Map((value as { $map: [unknown, unknown][] }).$map);
    if (value !== null && typeof value === 'object' && '$set' in value) return new Set((value as { $set: unknown[] }).$set);
    return value;
  });
}

/** The data (and merged variants) of a built-in step file whose text is what was precompiled, else undefined. */
export function precompiledStepData(relativePath: string, text: string): { data: unknown; variants: Readonly<Record<string, string>> } | undefined {
  const entry = builtinManifest().steps[relativePath];
  return entry && entry.sha256 === contentHash(text) ? { data: JSON.parse(entry.json), variants: entry.variants ?? {} } : undefined;
}

/**
 * The validator compiled at build time for this config schema (a built-in step type's, or one of
 * its job-type variants'), found by the hash of the schema's JSON text.
 */
export function precompiledConfigValidator(jsonSchema: object): ValidateFunction | undefined {
  const key = validatorKey(contentHash(JSON.stringify(jsonSchema)));
  if (!validators.has(key)) {
    const path = builtinConfigValidatorPath(key);
    validators.set(key, existsSync(path) ? (createRequire(import.meta.url)(path) as Record<string, ValidateFunction>)[key] : undefined);
  }
  return validators.get(key);
}
