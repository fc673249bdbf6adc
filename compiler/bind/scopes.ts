// What `${…}` may refer to, by context. Pipeline values (node config, defaults, wiring) see
// params, execution and pipeline; step types see only their own config and job type, so a step
// type stays reusable across pipelines.
import type { PipelineDocument } from '../../schema/types.generated.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { literal, type ParameterType, type Value } from '../ir/expr.js';
import type { ReferenceResolver, ReferenceSite } from '../interpolation/interpolate.js';
import { own } from '../util/own.js';
import type { StepPropertyReferences } from './step-property-references.js';

/** Execution variables SageMaker resolves at run time. */
const executionVariables = [
  'CurrentDateTime', 'PipelineArn', 'PipelineExecutionArn', 'PipelineExecutionId', 'PipelineName',
  'ProcessingJobName', 'StartDateTime', 'TrainingJobName',
] as const;

const locateRef = (at: ReferenceSite) => at.source.locateWithin(at.path, at.offset, at.text.length);

export function pipelineScope(pipeline: PipelineDocument, bag: DiagnosticBag): ReferenceResolver {
  const parameters = pipeline.parameters ?? {};
  const parameterNames = Object.keys(parameters).sort();
  return (namespace, name, at) => {
    if (namespace === 'params' && name !== undefined) {
      const declared = own(parameters, name);
      if (declared) return { kind: 'parameter', name, type: declared.type as ParameterType };
      bag.report('PLC1005', locateRef(at), { name, allowed: parameterNames }, suggest(name, parameterNames));
      return undefined;
    }
    if (namespace === 'execution' && name !== undefined) {
      if ((executionVariables as readonly string[]).includes(name)) return { kind: 'execution', name };
      bag.report('PLC1007', locateRef(at), { name, allowed: [...executionVariables] }, suggest(name, executionVariables));
      return undefined;
    }
    if (namespace === 'pipeline' && name === 'name') return literal(pipeline.name);
    return unknownReference(namespace, at, bag, ['params', 'execution', 'pipeline.name']);
  };
}

/**
 * A node's pipeline values (config, inputs:, outputs:): the pipeline scope and the properties of
 * other steps, each read recorded in `reads`.
 */
export function nodeValueScope(scope: ReferenceResolver, references: StepPropertyReferences, reads: Set<string>, reader: string, bag: DiagnosticBag): ReferenceResolver {
  return (namespace, name, at) => {
    if (namespace === 'steps') return references.property(name, at, reads, reader);
    if (namespace === 'params' || namespace === 'execution' || namespace === 'pipeline') return scope(namespace, name, at);
    return unknownReference(namespace, at, bag, ['params', 'execution', 'pipeline.name', 'steps']);
  };
}

export interface StepScopeInput {
  config: ReadonlyMap<string, { value: Value }>;
  declared: readonly string[];
  /** The node's job type; undefined when the step has none or the node's choice was reported. */
  jobType: string | undefined;
  /** Whether the step type declares jobTypes (else `${jobType}` in it is the step's own mistake). */
  hasJobTypes: boolean;
  stepName: string;
  nodeId: string;
}

export function stepScope(input: StepScopeInput, bag: DiagnosticBag): ReferenceResolver {
  return (namespace, name, at) => {
    if (namespace === 'config' && name !== undefined) {
      const value = input.config.get(name)?.value;
      if (value) return value;
      if (input.declared.includes(name)) bag.report('PLC2010', locateRef(at), { step: input.stepName, key: name, node: input.nodeId });
      else bag.report('PLC2004', locateRef(at), { step: input.stepName, key: name }, suggest(name, input.declared));
      return undefined;
    }
    if (namespace === 'jobType' && name === undefined) {
      if (input.jobType !== undefined) return literal(input.jobType);
      if (input.hasJobTypes) return undefined; // the node's missing or unknown job type is reported
      bag.report('PLC1008', locateRef(at), { text: at.text, where: `step type ${input.stepName}`, detail: 'Declare jobTypes: so every node picks one.' });
      return undefined;
    }
    if (namespace === 'params' || namespace === 'execution' || namespace === 'pipeline') {
      bag.report('PLC1008', locateRef(at), { text: at.text, where: 'a step type', detail: 'Step types stay reusable by reading only ${config.*} and ${jobType}; add a config field and set it from the pipeline.' });
      return undefined;
    }
    return unknownReference(namespace, at, bag, ['config', 'jobType']);
  };
}

export function unknownReference(namespace: string, at: ReferenceSite, bag: DiagnosticBag, allowed: string[]): undefined {
  bag.report('PLC1006', locateRef(at), { text: at.text, detail: `unknown namespace "${namespace}" here; use ${allowed.join(', ')}` });
  return undefined;
}
