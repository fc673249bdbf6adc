// Pass 2, validate: check a loaded document against its draft-07 schema (ajv, allErrors) and
// hand back typed data. Every schema error becomes a diagnostic at the offending node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { precompiledValidatorPath, schemaPath } from '../../schema/paths.js';
import type { PipelineDocument, StepDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from '../load/load-yaml.js';
import type { DataPath, SourceFile } from '../source/source-file.js';
import { documentSchemaReporters, pointerToPath, reportSchemaErrors, valueAt } from './schema-errors.js';

export type DocumentKind = 'Pipeline' | 'Step';
interface DocumentTypes { Pipeline: PipelineDocument; Step: StepDocument }

/**
 * Annotations that editors read (VS Code's JSON service, yaml-language-server) and validation
 * ignores: registered so that strict mode accepts them in the schemas and nothing else slips by.
 */
export const editorKeywords = ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets'];

export function createAjv(options: Options = {}): Ajv {
  // Loaded on first use: the document and built-in config validators come precompiled, so most
  // runs never load ajv's compiler (ajv is CommonJS, so require is synchronous).
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  // verbose: errors carry their schema and parent schema, which the did-you-mean reads.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, allowMatchingProperties: true, ...options });
  ajv.addVocabulary(editorKeywords);
  return ajv;
}

export const schemaFiles = { Pipeline: 'pipeline.schema.json', Step: 'step.schema.json', Config: 'config.schema.json' } as const;

export function loadSchema(kind: keyof typeof schemaFiles): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaPath(schemaFiles[kind]), 'utf8')) as Record<string, unknown>;
}

/**
 * The document validators, generated at build time by schema/precompile-validators.ts: compiling
 * the large document schemas took a sixth of a cold `plc build`.
 */
const precompiled: Partial<Record<keyof typeof schemaFiles, ValidateFunction>> = {};

export function validatorFor(kind: keyof typeof schemaFiles): ValidateFunction {
  precompiled[kind] ??= (createRequire(import.meta.url)(precompiledValidatorPath(kind)) as Record<typeof kind, ValidateFunction>)[kind];
  return precompiled[kind];
}

/** How a data path reads in messages: `node "train"`, `input "data"`, or a dotted path. */
function describePath(kind: DocumentKind, path: DataPath): string {
  if (path.length === 0) return kind === 'Pipeline' ? 'the pipeline' : 'the step type';
  const [first, second] = path;
  const named: Record<string, string> = kind === 'Pipeline'
    ? { nodes: 'node', parameters: 'parameter' }
    : { inputs: 'input', outputs: 'output' };
  if (path.length === 2 && typeof first === 'string' && named[first]) return `${named[first]} "${String(second)}"`;
  return `"${path.join('.')}"`;
}

/**
 * Pipeline defaults may hold `${…}`; their values are checked against each step's config schema
 * once interpolated (bind), so the raw text is only type-checked here.
 */
function isCheckedAfterInterpolation(error: ErrorObject, data: unknown): boolean {
  const path = pointerToPath(error.instancePath, data);
  const value = valueAt(data, path);
  return path[0] === 'defaults' && error.keyword !== 'type' && typeof value === 'string' && value.includes('${');
}

/** Validates data that is a step type but not a file of its own (a merged job-type variant). */
export function validateStepData(data: unknown, source: SourceFile, describe: (path: DataPath) => string, bag: DiagnosticBag): StepDocument | undefined {
  const validate = validatorFor('Step');
  if (validate(data)) return data as StepDocument;
  reportSchemaErrors(validate.errors ?? [], data, { locate: (p, part) => source.locate(p, part), describe }, documentSchemaReporters(bag));
  return undefined;
}

export function validateDocument<K extends DocumentKind>(loaded: LoadedDocument, kind: K, bag: DiagnosticBag): DocumentTypes[K] | undefined {
  const { data, source } = loaded;
  if (data === null || data === undefined) {
    bag.report('PLC0008', source.start);
    return undefined;
  }
  const actual = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['kind'] : undefined;
  if ((actual === 'Pipeline' || actual === 'Step') && actual !== kind) {
    bag.report('PLC0106', source.locate(['kind']), { path: source.displayPath, actual, expected: kind });
    return undefined;
  }
  const validate = validatorFor(kind);
  if (validate(data)) return data as DocumentTypes[K];
  const errors = (validate.errors ?? []).filter((error) => !isCheckedAfterInterpolation(error, data));
  if (errors.length === 0) return data as DocumentTypes[K];
  reportSchemaErrors(errors, data, { locate: (p, part) => source.locate(p, part), describe: (p) => describePath(kind, p) }, documentSchemaReporters(bag));
  return undefined;
}
