// A project's generated editor schema stays what `plc schema -p <pipeline>` would write now: the
// schema records the pipeline it was made for (`x-plc-pipeline`, relative to the schema file), so
// `plc new step` can regenerate it and `plc check` can report it stale (PLC0040) — the editor
// otherwise flags a new step type as unknown while plc check passes.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { inspectLibrary, type LibraryResult } from '../inspect-library.js';
import { maxFileBytes } from '../load/read-document.js';
import { packageRoot } from '../../schema/paths.js';
import { generatePipelineSchema } from './pipeline-schema.js';

const generatedId = 'https://plc.dev/schema/v1/pipeline.generated.schema.json';

/**
 * A file's text when it is a regular file within the document size limit, else undefined: a
 * modeline or pipeline naming a device or FIFO (/dev/zero) must not make plc check read forever.
 */
function readRegularFile(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= maxFileBytes ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The nodes of a pipeline as written, for completion; anything unreadable gives none. */
function nodesOf(pipelineText: string): Record<string, { step?: unknown }> {
  try {
    const doc = parse(pipelineText) as { nodes?: unknown } | null;
    return doc && typeof doc.nodes === 'object' && doc.nodes !== null ? (doc.nodes as Record<string, { step?: unknown }>) : {};
  } catch {
    return {};
  }
}

/** The schema text for the pipeline's step libraries and nodes, to be written at `schemaFile`. */
export function schemaTextFor(library: LibraryResult['library'], pipeline: { file: string; text: string } | undefined, schemaFile: string | undefined, cwd: string): string {
  const made = pipeline && { path: relative(schemaFile === undefined ? cwd : dirname(schemaFile), pipeline.file).split('\\').join('/'), nodes: nodesOf(pipeline.text) };
  return JSON.stringify(generatePipelineSchema(library, made ? { pipeline: made } : {}), null, 2) + '\n';
}

/** The pipeline a generated schema file was made for (absolute), when it is one plc generated. */
export function generatedFrom(schemaFile: string): string | undefined {
  const text = readRegularFile(schemaFile);
  if (text === undefined) return undefined;
  try {
    const schema = JSON.parse(text) as { $id?: unknown; 'x-plc-pipeline'?: unknown };
    if (schema.$id !== generatedId || typeof schema['x-plc-pipeline'] !== 'string') return undefined;
    return resolve(dirname(schemaFile), schema['x-plc-pipeline']);
  } catch {
    return undefined;
  }
}

/** What the schema file should hold now, or undefined when its pipeline's libraries do not load. */
export function freshSchemaText(schemaFile: string, cwd: string): string | undefined {
  const pipeline = generatedFrom(schemaFile);
  const text = pipeline === undefined ? undefined : readRegularFile(pipeline);
  if (pipeline === undefined || text === undefined) return undefined;
  const result = inspectLibrary({ cwd }, pipeline);
  if (result.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return schemaTextFor(result.library, { file: pipeline, text }, schemaFile, cwd);
}

const modeline = /^# yaml-language-server: \$schema=(\S+)/;

/**
 * PLC0040 when the pipeline's modeline names a plc-generated schema that differs from what plc
 * schema writes now. `checked` avoids comparing one schema file once per pipeline using it.
 */
export function staleSchemaDiagnostic(pipelineFile: string, cwd: string, checked: Set<string>): Diagnostic | undefined {
  const first = readRegularFile(pipelineFile)?.split('\n', 1)[0];
  if (first === undefined) return undefined;
  const match = modeline.exec(first);
  if (!match || /^[a-z]+:/i.test(match[1]!)) return undefined;
  const schemaFile = resolve(dirname(pipelineFile), match[1]!);
  if (checked.has(schemaFile)) return undefined;
  checked.add(schemaFile);
  const fresh = freshSchemaText(schemaFile, cwd);
  if (fresh === undefined || fresh === readRegularFile(schemaFile)) return undefined;
  const pipeline = relative(cwd, generatedFrom(schemaFile)!) || '.';
  const start = first.indexOf(match[1]!) + 1;
  return createDiagnostic('PLC0040', { file: relative(cwd, pipelineFile), range: { start: { line: 1, column: start }, end: { line: 1, column: start + match[1]!.length } } }, { schema: relative(cwd, schemaFile), command: `plc schema -p ${pipeline} -o ${relative(cwd, schemaFile)}` });
}

/** The shipped schema for the built-in step catalog, with step names open (write-builtin-schema.ts). */
export function builtinSchemaText(): string {
  const schema = generatePipelineSchema(inspectLibrary({ cwd: packageRoot }).library, { open: true });
  return JSON.stringify({ ...schema, $id: 'https://plc.dev/schema/v1/pipeline.builtin.schema.json', $comment: 'Generated by npm run generate:docs from the built-in step types; plc schema writes one that knows a project\'s own.' }, null, 2) + '\n';
}
