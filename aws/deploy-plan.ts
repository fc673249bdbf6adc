// What a deploy will do, decided before any call so that --dry-run can print it: the code objects
// to upload, where a large definition goes, and the CreatePipeline/UpdatePipeline request.
import { createHash } from 'node:crypto';
import type { PipelineIR } from '../compiler/ir/pipeline.js';
import { below, parseS3Uri, type S3Location } from './s3-location.js';

/** The SageMaker SDK sends definitions inline below 100 KB and through S3 above; plc does the same. */
export const inlineDefinitionLimit = 100 * 1024;

export interface Upload {
  location: S3Location;
  bytes: Uint8Array;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** The members CreatePipeline and UpdatePipeline share, plus Tags (CreatePipeline only; an update applies them with AddTags). */
export interface PipelineRequest {
  PipelineName: string;
  PipelineDisplayName?: string;
  PipelineDescription?: string;
  RoleArn: string;
  PipelineDefinition?: string;
  PipelineDefinitionS3Location?: { Bucket: string; ObjectKey: string };
  ParallelismConfiguration?: { MaxParallelExecutionSteps: number };
  Tags?: Tag[];
}

export interface DeployPlan {
  /** Every code object the definition references, in key order. */
  code: Upload[];
  /** The definition itself, when it is too large to send inline. */
  definition?: Upload;
  request: PipelineRequest;
}

export interface DeployInput {
  ir: PipelineIR;
  /** The exact text `plc build` writes. */
  definition: string;
  codePrefix?: string;
  role: string;
  /** From --tag; they win over the pipeline file's `tags:` for a key both set. */
  tags: Tag[];
}

export type PlanResult = { plan: DeployPlan } | { definitionNeedsS3: number };

export function planDeploy(input: DeployInput): PlanResult {
  const prefix = input.codePrefix === undefined ? undefined : parseS3Uri(input.codePrefix);
  // The compiler reports a script without codePrefix (PLC7004), so code implies a prefix.
  const code = prefix ? input.ir.code.map((object) => ({ location: below(prefix, object.key), bytes: object.bytes })) : [];
  const given = new Set(input.tags.map((t) => t.Key));
  const tags = [...input.ir.tags.filter(([key]) => !given.has(key)).map(([Key, Value]) => ({ Key, Value })), ...input.tags];
  const { displayName, description, parallelism } = input.ir;
  const request: PipelineRequest = {
    PipelineName: input.ir.name,
    ...(displayName !== undefined ? { PipelineDisplayName: displayName } : {}),
    ...(description !== undefined ? { PipelineDescription: description } : {}),
    RoleArn: input.role,
    ...(parallelism !== undefined ? { ParallelismConfiguration: { MaxParallelExecutionSteps: parallelism } } : {}),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  };
  const bytes = Buffer.from(input.definition, 'utf8');
  if (bytes.length < inlineDefinitionLimit) return { plan: { code, request: { ...request, PipelineDefinition: input.definition } } };
  if (!prefix) return { definitionNeedsS3: bytes.length };
  // Content-addressed like the code, so an upload never replaces what a deployed pipeline reads.
  const location = below(prefix, `definitions/${createHash('sha256').update(bytes).digest('hex')}.json`);
  return {
    plan: {
      code,
      definition: { location, bytes },
      request: { ...request, PipelineDefinitionS3Location: { Bucket: location.bucket, ObjectKey: location.key } },
    },
  };
}
