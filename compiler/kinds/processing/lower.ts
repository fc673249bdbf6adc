// A processing job: the container runs the step type's script (delivered as the `code` input, a
// content-addressed prefix under codePrefix) with its arguments, environment and ports, or, with
// no script, its own entrypoint (or processing.containerEntrypoint) with processing.containerArguments.
import { literal } from '../../ir/expr.js';
import type { StepBaseIR } from '../../ir/pipeline.js';
import type { LoweringContext } from '../../lower/context.js';
import { s3Path } from '../../lower/s3-paths.js';
import { apiLimits } from '../../sagemaker/api-limits.js';
import { encryptionOf, networkOf, tagsOf } from '../../lower/job-settings.js';
import { lowerJobParts } from '../job.js';
import { lowerPortOptions } from '../ports.js';
import { processingCodeDir, processingPortOptions } from './check.js';
import type { ProcessingStepIR } from './ir.js';
import { processingEntrypoint } from './runner.js';
import type { WiredNode } from '../../stages.js';

export function lowerProcessing(node: WiredNode, base: StepBaseIR, context: LoweringContext): ProcessingStepIR | undefined {
  const step = node.step.doc;
  // A script's environment is script.env; a container of its own has processing.env.
  const parts = lowerJobParts(node, context, { imageScope: 'processing', environmentLimits: apiLimits.processingEnvironment, environmentAt: step.script ? ['script', 'env'] : ['processing', 'env'] });
  if (!parts) return undefined;
  const { role, image, resources, environment } = parts;
  const inputs = Object.entries(step.inputs ?? {})
    .filter(([port]) => node.inputs.has(port))
    .map(([port, spec]) => ({ name: port, localPath: spec.path!, source: node.inputs.get(port)!.location, options: lowerPortOptions(node, 'inputs', port, processingPortOptions, context) }));
  const outputs = Object.entries(step.outputs ?? {}).map(([port, spec]) => ({ name: port, localPath: spec.path!, destination: context.outputLocation(node, port), options: lowerPortOptions(node, 'outputs', port, processingPortOptions, context) }));
  const propertyFiles = Object.entries(step.outputs ?? {})
    .filter(([, spec]) => spec.propertyFile)
    .map(([port, spec]) => ({ name: spec.propertyFile!.name, output: port, path: spec.propertyFile!.path }));
  const network = networkOf(node);
  const encryption = encryptionOf(node);
  const lowered: ProcessingStepIR = {
    kind: 'Processing', ...base, image, role, resources,
    arguments: step.script
      ? context.list(node, step.script.arguments ?? [], ['script', 'arguments'])
      : context.list(node, step.processing?.containerArguments ?? [], ['processing', 'containerArguments']),
    ...(step.processing?.containerEntrypoint ? { entrypoint: step.processing.containerEntrypoint.map((part) => literal(part)) } : {}),
    environment, inputs, outputs, propertyFiles,
    tags: tagsOf(node),
    ...(network ? { network } : {}),
    ...(encryption ? { encryption } : {}),
  };
  if (parts.bundle) {
    const { bundle, entrypoint } = processingEntrypoint(parts.bundle, processingCodeDir, step.script?.interpreter);
    const prefix = context.codeLocation();
    for (const file of bundle.files) context.addCode(`code/${bundle.hash}/${file.path}`, () => file.bytes, [file.source]);
    lowered.inputs.push({ name: 'code', localPath: processingCodeDir, source: prefix === undefined ? literal('') : s3Path(prefix, 'code', bundle.hash, '') });
    lowered.entrypoint = entrypoint.map((part) => literal(part));
  }
  return lowered;
}
