// The built-in step library as `npm run build` precompiled it (write-builtin-library.ts): each
// step file's validated data, keyed by the file's content hash; the config validators of its step
// types and their job-type variants as ajv standalone code, keyed by the config schema's hash; and
// the contract read from each built-in script, keyed by the script's hash. A run still reads and
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
export const builtinConfigValidatorsPath = join(packageRoot, 'dist', 'steps', 'config-validators.cjs');

/** One precompiled step file: its data as JSON text, parsed afresh for every compilation. */
export interface PrecompiledStep {
  sha256: string;
  json: string;
}

export interface BuiltinManifest {
  /** By path relative to the built-in steps folder. */
  steps: Record<string, PrecompiledStep>;
  /** What the built-in scripts declare (script-contract.ts), by the script's content hash, as JSON text with "" for the file. */
  scriptContracts: Record<string, string>;
}

let manifest: BuiltinManifest | undefined;
let validators: Record<string, ValidateFunction> | undefined;

export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The key of a hash in the validators module (an identifier). */
export const validatorKey = (sha256: string): string => `h${sha256}`;

function builtinManifest(): BuiltinManifest {
  manifest ??= existsSync(builtinLibraryPath) ? (JSON.parse(readFileSync(builtinLibraryPath, 'utf8')) as BuiltinManifest) : { steps: {}, scriptContracts: {} };
  return manifest;
}

/** The contract read at build time from a script with this text, its locations in `file`. */
export function precompiledScriptContract(text: string, file: string): unknown {
  const json = builtinManifest().scriptContracts[contentHash(text)];
  return json === undefined ? undefined : JSON.parse(json, (key, value: unknown) => (key === 'file' ? file : value));
}

/** The data of a built-in step file whose text is what was precompiled, else undefined. */
export function precompiledStepData(relativePath: string, text: string): { data: unknown } | undefined {
  const entry = builtinManifest().steps[relativePath];
  return entry && entry.sha256 === contentHash(text) ? { data: JSON.parse(entry.json) } : undefined;
}

/**
 * The validator compiled at build time for this config schema (a built-in step type's, or one of
 * its job-type variants'), found by the hash of the schema's JSON text.
 */
export function precompiledConfigValidator(jsonSchema: object): ValidateFunction | undefined {
  validators ??= existsSync(builtinConfigValidatorsPath) ? (createRequire(import.meta.url)(builtinConfigValidatorsPath) as Record<string, ValidateFunction>) : {};
  return validators[validatorKey(contentHash(JSON.stringify(jsonSchema)))];
}
