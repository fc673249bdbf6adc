// Every diagnostic plc can report, in one table: code, severity, message template and hint.
// Templates use {name} placeholders filled from the data a pass reports. Bands (DESIGN.md §3):
// 0xxx load/schema, 1xxx linking and names, 2xxx config, 3xxx wiring, 4xxx script↔contract,
// 5xxx SageMaker limits and shapes, 6xxx graph, 7xxx backend, 9xxx internal.
export type Severity = 'error' | 'warning' | 'info';

export interface DiagnosticDefinition {
  readonly severity: Severity;
  /** What is wrong, with {placeholders}. */
  readonly message: string;
  /** How to fix it (advice, separate from the message). */
  readonly hint?: string;
}

export const diagnosticTable = {
  PLC0001: { severity: 'error', message: 'YAML syntax error: {detail}', hint: 'Check indentation (spaces only) and quoting around this point.' },
  PLC0002: { severity: 'error', message: 'duplicate key "{key}"', hint: 'Each key may appear once in a mapping; remove or rename one of them.' },
  PLC0003: { severity: 'error', message: 'cannot read {path}: {detail}', hint: 'Check the path; it is resolved relative to the file that names it.' },
  PLC0004: { severity: 'error', message: '{path} is {size} bytes; the limit is {limit}', hint: 'plc documents are small; split the file or check that this is the file you meant.' },
  PLC0005: { severity: 'error', message: 'too many alias expansions ({detail})', hint: 'Anchors and aliases are expanded when the document is read; use fewer or smaller ones.' },
  PLC0006: { severity: 'error', message: 'alias *{name} refers to no anchor defined before it', hint: 'Define &{name} on an earlier node, or fix the alias name.' },
  PLC0007: { severity: 'error', message: 'a plc file holds one document, but this file has more', hint: 'Remove the --- separator and put each document in its own file.' },
  PLC0008: { severity: 'error', message: 'the file is empty', hint: 'A pipeline starts with kind: Pipeline, a step type with kind: Step.' },
  PLC0101: { severity: 'error', message: '{where} must be {expected}', hint: 'See the schema description of this field (your editor shows it on hover).' },
  PLC0102: { severity: 'error', message: 'unknown key "{key}" in {where}', hint: 'Allowed keys here: {allowed}.' },
  PLC0103: { severity: 'error', message: '{where} is missing required key "{key}"' },
  PLC0104: { severity: 'error', message: '{where} must be one of {allowed}, not {actual}' },
  PLC0105: { severity: 'error', message: '{where} {detail}' },
  PLC0106: { severity: 'error', message: '{path} is a {actual} document; expected a {expected} document', hint: 'Check the kind: field at the top of the file.' },
  PLC1001: { severity: 'error', message: 'unknown step type "{name}"', hint: 'Step types come from the built-in library (steps/ in the plc package) and the folders listed under steps:.' },
  PLC1002: { severity: 'error', message: 'step type "{name}" is defined twice: here and in {other}', hint: 'Rename one of them, or set override: true on a project step that intentionally replaces a built-in one.' },
  PLC1003: { severity: 'error', message: 'step library "{path}" {detail}', hint: 'Step libraries are folders inside the pipeline\'s folder.' },
  PLC1004: { severity: 'error', message: 'SageMaker step name "{name}" is used by nodes "{first}" and "{second}"', hint: 'Step names must be unique in a pipeline; set name: on one of the nodes.' },
  PLC1005: { severity: 'error', message: 'unknown parameter "{name}"', hint: 'Declare it under parameters:, or use one of: {allowed}.' },
  PLC1006: { severity: 'error', message: 'invalid reference "{text}": {detail}', hint: 'References look like ${params.Name}, ${config.field}, ${jobType}, ${pipeline.name} or ${execution.PipelineExecutionId}; write $${ for a literal ${.' },
  PLC1007: { severity: 'error', message: 'unknown execution variable "{name}"', hint: 'Execution variables: {allowed}.' },
  PLC1008: { severity: 'error', message: '"{text}" cannot be used in {where}', hint: '{detail}' },
  PLC1009: { severity: 'error', message: 'input "{port}" of step type {step} accepts unknown step type "{name}"', hint: 'accepts: names step types that feed this input; known step types: {allowed}.' },
  PLC1010: { severity: 'error', message: 'step type {step} has role {role} but declares {what}', hint: 'A source step has no inputs and a sink step no outputs; change role: or the ports.' },
  PLC2001: { severity: 'error', message: 'unknown config field "{key}" for step type {step}', hint: 'Fields of {step}: {allowed}.' },
  PLC2002: { severity: 'error', message: 'node "{node}" must set config field "{key}" (step type {step})', hint: 'Set it in the node\'s config: or in the pipeline\'s defaults:.' },
  PLC2003: { severity: 'error', message: '{where} {detail}', hint: 'See the field\'s description in step type {step} (your editor shows it on hover).' },
  PLC2004: { severity: 'error', message: 'step type {step} refers to config field "{key}", which its config does not declare', hint: 'Declare it under config.properties, or fix the name.' },
  PLC2005: { severity: 'error', message: 'job type "{name}" is not one of {step}\'s job types', hint: 'Job types of {step}: {allowed}.' },
  PLC2006: { severity: 'error', message: 'node "{node}" must choose a job type (step type {step})', hint: 'Add jobType: with one of: {allowed}.' },
  PLC2007: { severity: 'error', message: 'step type {step} has no job types, so node "{node}" cannot set jobType', hint: 'Remove jobType:, or declare jobTypes in the step type.' },
  PLC2008: { severity: 'warning', message: 'default "{key}" is not a config field of any step this pipeline uses', hint: 'Remove it, or check its spelling. Fields of the steps in use: {allowed}.' },
  PLC2011: { severity: 'error', message: 'default {value} of parameter "{name}" is not one of its enum values', hint: 'Allowed: {allowed}.' },
  PLC2009: { severity: 'error', message: 'config schema of step type {step} is invalid: {detail}' },
  PLC2010: { severity: 'error', message: 'step type {step} uses config field "{key}", which node "{node}" leaves unset and which has no default', hint: 'Set it in the node\'s config: or the pipeline\'s defaults:, or give the field a default in the step type.' },
  PLC2012: { severity: 'error', message: 'variant "{name}" of step type {step} is not one of its job types', hint: 'Job types of {step}: {allowed}. Add it to jobTypes or rename the variant.' },
  PLC2013: { severity: 'error', message: 'derived config fields of step type {step} depend on each other in a cycle: {path}', hint: 'Make one of them a plain field with a default.' },
  PLC3001: { severity: 'error', message: 'unknown node "{name}"', hint: 'Nodes in this pipeline: {allowed}.' },
  PLC3002: { severity: 'error', message: 'node "{node}" (step type {step}) has no output "{port}"', hint: 'Outputs of {step}: {allowed}.' },
  PLC3003: { severity: 'error', message: 'step type {step} has no input "{port}"', hint: 'Inputs of {step}: {allowed}.' },
  PLC3004: { severity: 'error', message: 'required input "{port}" of node "{node}" is not bound', hint: 'Wire it under inputs:, e.g. inputs: { {port}: <node>.<output> }, or give an S3 URI.' },
  PLC3005: { severity: 'error', message: 'output "{from}" is {fromType} but input "{port}" of node "{node}" expects {toType}', hint: 'Wire an output of type {toType}.' },
  PLC3006: { severity: 'error', message: '"{text}" is neither <node>.<output> nor an S3 URI', hint: 'Write a wire as <node>.<output port>, or a location as s3://bucket/key (which may use ${params.*}).' },
  PLC3007: { severity: 'error', message: 'node "{node}" (step type {step}) has no output "{port}" to place', hint: 'Outputs of {step}: {allowed}.' },
  PLC3008: { severity: 'error', message: 'node "{node}" reads its own output "{port}"', hint: 'A step cannot consume what it produces; wire another node\'s output.' },
  PLC3009: { severity: 'error', message: '"{text}" is not an S3 location: {detail}', hint: 'Write s3://bucket/key (https:// also works); it may use ${params.*} of type String.' },
  PLC3010: { severity: 'error', message: '"{text}" is not a SageMaker model name', hint: 'Wire the output of a Model step (<node>.model_name), or name a model: letters, digits and hyphens, up to 63 characters, or a String parameter.' },
  PLC3011: { severity: 'error', message: 'input "{port}" of node "{node}" needs one file, but output "{output}" of node "{producer}" is a folder', hint: 'Declare the file consumers read with file: (e.g. file: model.tar.gz) on that output in its step type.' },
  PLC4001: { severity: 'error', message: 'script "{path}" of step type {step} does not exist', hint: 'entryPoint is relative to sourceDir, or to the step file when there is no sourceDir.' },
  PLC4002: { severity: 'error', message: 'sourceDir "{path}" of step type {step} {detail}', hint: 'sourceDir is a folder next to the step file, inside its library.' },
  PLC4003: { severity: 'error', message: 'entryPoint "{path}" of step type {step} is outside {root}', hint: 'The entry point must be a file inside the code that is shipped; move it or widen sourceDir.' },
  PLC4004: { severity: 'error', message: 'step type {step} has both include: and sourceDir:', hint: 'sourceDir ships its whole folder; list extra files with include: only without it.' },
  PLC4005: { severity: 'error', message: 'included file "{path}" of step type {step} {detail}', hint: 'include: paths are relative to the step file and must stay inside its folder.' },
  PLC5001: { severity: 'error', message: 'training input "{port}" of step type {step} must be at /opt/ml/input/data/{port}, not {path}', hint: 'SageMaker places a training channel at /opt/ml/input/data/<channel>; change path: to match.' },
  PLC5002: { severity: 'error', message: 'training output "{port}" of step type {step} is at {path}; training jobs produce only /opt/ml/model and /opt/ml/output/data', hint: 'Write the output to /opt/ml/model (model artifacts) or /opt/ml/output/data.' },
  PLC5003: { severity: 'error', message: 'processing step type {step} cannot use the name "code" or the path /opt/ml/processing/input/code for a port', hint: 'plc delivers the script through an input named code at that path; rename or move the port.' },
  PLC5004: { severity: 'error', message: 'property files need a processing step; step type {step} is {kind}', hint: 'Remove propertyFile:, or make the step a processing step.' },
  PLC5005: { severity: 'error', message: '{what} "{value}" is not valid: {detail}' },
  PLC5006: { severity: 'error', message: 'step type {step} turns on managed spot training without training.maxWaitSeconds', hint: 'SageMaker requires StoppingCondition.MaxWaitTimeInSeconds (at least the maximum run time) with spot training; set training.maxWaitSeconds.' },
  PLC5007: { severity: 'error', message: 'processing {direction} "{port}" of step type {step} is at {path}; processing paths must be below /opt/ml/processing/', hint: 'Use a path such as /opt/ml/processing/{direction}/{port}.' },
  PLC5008: { severity: 'error', message: 'ports "{port}" and "{other}" of step type {step} share the container path {path}', hint: 'Give each port its own folder.' },
  PLC5009: { severity: 'error', message: 'step type {step} has {count} processing {direction}s{extra}; SageMaker allows at most 10', hint: 'Combine some of them into one folder.' },
  PLC5011: { severity: 'error', message: '{section}: is for {kinds} steps; step type {step} is a {kind} step', hint: 'Remove {section}:, or change sagemaker:.' },
  PLC5012: { severity: 'error', message: '{direction} "{port}" of {kind} step type {step} has type {type}, which a {kind} step cannot use', hint: 'Port types a {kind} step takes here: {allowed}.' },
  PLC5013: { severity: 'error', message: '{kind} step type {step} has {count} {direction}(s) of type {type}; it needs {expected}', hint: 'A {kind} step takes its ports by type; adjust the ports.' },
  PLC5014: { severity: 'error', message: 'node "{node}" asks for caching, but SageMaker does not cache {kind} steps', hint: 'Remove cache: from the node.' },
  PLC6001: { severity: 'error', message: 'nodes depend on each other in a cycle: {path}', hint: 'Remove one of these after: or inputs: links.' },
  PLC6002: { severity: 'error', message: 'node "{node}" lists itself in after:', hint: 'Remove it from its own after: list.' },
  PLC7002: { severity: 'error', message: 'step type {step} uses a {framework} image, so the pipeline needs a region', hint: 'Add region: (for example region: us-east-1) at the top of the pipeline, or give an explicit image URI.' },
  PLC7003: { severity: 'error', message: '{framework} image: {field} "{value}" is not available', hint: 'Available: {allowed}.' },
  PLC7004: { severity: 'error', message: 'step type {step} has a script, so the pipeline needs codePrefix', hint: 'Add codePrefix: s3://<bucket>/<prefix> at the top of the pipeline; scripts are stored under it by content hash.' },
} as const satisfies Record<string, DiagnosticDefinition>;

export type DiagnosticCode = keyof typeof diagnosticTable;
