/* Generated from schema/*.schema.json by `npm run generate:types`. Do not edit by hand. */

/**
 * One step type: its SageMaker kind, ports (logical name + container path), config schema, script contract and compute. One file per step type, named <kebab-name>.step.yaml.
 */
export type StepDocument = {
  /**
   * Document kind; always Step for a step type.
   */
  kind: 'Step';
  /**
   * Step type name, PascalCase, unique within the step libraries a pipeline uses.
   */
  name: string;
  /**
   * Set to true when this step type intentionally replaces a built-in one of the same name.
   */
  override?: boolean;
  /**
   * The SageMaker step kind this step type lowers to: Processing, Training, Model (CreateModel), Transform (batch transform), RegisterModel (a model package), Tuning (a hyperparameter tuning job over the step's training job), Lambda (an AWS Lambda function), Callback (a message to an SQS queue, answered by your own code), EMR (a step on an Amazon EMR cluster), QualityCheck (a Model Monitor baselining job: data or model quality) or ClarifyCheck (a SageMaker Clarify job: data bias, model bias or model explainability).
   */
  sagemaker:
    | 'Processing'
    | 'Training'
    | 'Model'
    | 'Transform'
    | 'RegisterModel'
    | 'Tuning'
    | 'Lambda'
    | 'Callback'
    | 'EMR'
    | 'QualityCheck'
    | 'ClarifyCheck';
  /**
   * Where the step sits in a pipeline: source (no inputs), internal, or sink (no outputs).
   */
  role?: 'source' | 'internal' | 'sink';
  /**
   * What the step does, one or two sentences; shown in editors and the step catalog.
   */
  description?: string;
  /**
   * Job types this step supports; a pipeline node picks one with jobType and can use it as ${jobType}.
   *
   * @minItems 1
   */
  jobTypes?: [string, ...string[]];
  /**
   * Input ports by logical name. A processing input becomes a ProcessingInput, a training input a channel.
   */
  inputs?: {
    [k: string]: InputPort;
  };
  /**
   * Output ports by logical name.
   */
  outputs?: {
    [k: string]: OutputPort;
  };
  config?: ConfigSchema;
  script?: Script;
  compute?: Compute;
  training?: Training;
  transform?: Transform;
  registration?: Registration;
  serving?: Serving;
  check?: Check;
  tuning?: Tuning;
  lambda?: Lambda;
  callback?: Callback;
  emr?: Emr;
  processing?: Processing;
  /**
   * Overrides per job type, deep-merged over the rest of the step type: mappings merge key by key, lists replace, and null removes a key. The merged result must be a valid step type.
   */
  variants?: {
    [k: string]: Variant;
  };
};
/**
 * A literal, or a string with ${config.<field>} / ${jobType} references.
 */
export type ScalarBinding = string | number | boolean;
/**
 * Input MIME types the model accepts (SupportedContentTypes).
 *
 * @minItems 1
 */
export type MimeTypeList = [string, ...string[]];
/**
 * Output MIME types the model returns (SupportedResponseMIMETypes).
 *
 * @minItems 1
 */
export type MimeTypeList1 = [string, ...string[]];
/**
 * Instance types for real-time inference (SupportedRealtimeInferenceInstanceTypes).
 *
 * @minItems 1
 */
export type StringList = [string, ...string[]];
/**
 * Instance types for batch transform (SupportedTransformInstanceTypes).
 *
 * @minItems 1
 */
export type StringList1 = [string, ...string[]];

export interface InputPort {
  /**
   * What flows through the port (dataset, model, metrics, …); producer and consumer must match.
   */
  type:
    | 'dataset'
    | 'model'
    | 'model-name'
    | 'model-package'
    | 'hyperparameters'
    | 'metrics'
    | 'artifacts'
    | 'payload'
    | 'predictions'
    | 'constraints'
    | 'statistics'
    | 'any';
  /**
   * Container path the data is placed at (Processing and Training). Training inputs must be /opt/ml/input/data/<port name>; Model, Transform and RegisterModel inputs have no path.
   */
  path?: string;
  /**
   * Whether a pipeline must bind this input (default true).
   */
  required?: boolean;
  /**
   * What the port expects.
   */
  description?: string;
  /**
   * Step types this input is meant to be fed by.
   */
  accepts?: string[];
  /**
   * Words that describe the data, used to match producers.
   */
  keywords?: string[];
  /**
   * The folder layout the input needs: splits (train/, val/ and test/ sub-folders, as TabularPreprocessing's training job type writes) or single (one data set). Unset: either; a producer output of the other layout is an error (PLC3030).
   */
  layout?: 'splits' | 'single';
  /**
   * MIME type of the channel's data (Training and Tuning: Channel.ContentType), e.g. text/csv for the built-in XGBoost; may be a ${config.*} binding.
   */
  contentType?: string | number | boolean;
  /**
   * How the data is spread over the instances (S3DataDistributionType): FullyReplicated (the default) or ShardedByS3Key.
   */
  distribution?: ('FullyReplicated' | 'ShardedByS3Key') | string;
  /**
   * How the data reaches the container: File (the default), Pipe, or FastFile (Training and Tuning only). Training: Channel.InputMode; Processing: S3InputMode.
   */
  inputMode?: ('File' | 'Pipe' | 'FastFile') | string;
  /**
   * Compression of the data (CompressionType; Processing: S3CompressionType): None (the default) or Gzip.
   */
  compression?: ('None' | 'Gzip') | string;
  /**
   * RecordIO wrapping of the records (Training and Tuning: RecordWrapperType): None or RecordIO.
   */
  recordWrapper?: ('None' | 'RecordIO') | string;
  /**
   * What the location names (S3DataType): an S3Prefix (the default), a ManifestFile listing the objects, or an AugmentedManifestFile (Training and Tuning; give attributeNames).
   */
  dataType?: ('S3Prefix' | 'ManifestFile' | 'AugmentedManifestFile') | string;
  /**
   * The attributes of each augmented manifest line the job reads (S3DataSource.AttributeNames; with dataType AugmentedManifestFile).
   *
   * @minItems 1
   * @maxItems 16
   */
  attributeNames?:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
}
export interface OutputPort {
  /**
   * What flows through the port (dataset, model, metrics, …); producer and consumer must match.
   */
  type:
    | 'dataset'
    | 'model'
    | 'model-name'
    | 'model-package'
    | 'hyperparameters'
    | 'metrics'
    | 'artifacts'
    | 'payload'
    | 'predictions'
    | 'constraints'
    | 'statistics'
    | 'any';
  /**
   * Container path the step writes the output to (Processing and Training). Training outputs must be /opt/ml/model or /opt/ml/output/data; Model, Transform and RegisterModel outputs have no path.
   */
  path?: string;
  /**
   * The one file in this (processing) output that consumers needing a file read, e.g. model.tar.gz for a model or payload.tar.gz for sample payloads.
   */
  file?: string;
  /**
   * What the port produces.
   */
  description?: string;
  /**
   * Other names consumers may know this output by.
   */
  aliases?: string[];
  /**
   * Words that describe the data, used to match consumers.
   */
  keywords?: string[];
  /**
   * The folder layout this output has: splits (train/, val/, test/) or single (one data set).
   */
  layout?: 'splits' | 'single';
  /**
   * The input port whose layout this output keeps (a step that transforms each file in place); instead of layout.
   */
  layoutFrom?: string;
  /**
   * A JSON file in this output that conditions can read with jsonGet (processing steps only).
   */
  propertyFile?: {
    /**
     * PropertyFileName in the definition.
     */
    name: string;
    /**
     * File path relative to the output folder, e.g. evaluation.json.
     */
    path: string;
  };
  /**
   * Lambda and Callback steps only: the OutputType of this output parameter (String by default). Other steps read the output by wiring <node>.<output>, which compiles to Steps.<step>.OutputParameters['<output>'].
   */
  outputType?: 'String' | 'Integer' | 'Boolean' | 'Float';
  /**
   * When the output is uploaded (Processing: S3UploadMode): EndOfJob (the default) or Continuous, while the job runs.
   */
  uploadMode?: ('EndOfJob' | 'Continuous') | string;
}
/**
 * JSON Schema (draft-07 subset) of this step's configuration: the fields a pipeline node may set, with types, defaults and descriptions. role and outputPrefix are always present.
 */
export interface ConfigSchema {
  /**
   * Config fields a node must set (directly or through pipeline defaults).
   */
  required?: string[];
  /**
   * Config fields by name (camelCase).
   */
  properties?: {
    [k: string]: ConfigField;
  };
}
/**
 * A JSON Schema for one config value.
 */
export interface ConfigField {
  /**
   * JSON type of the value.
   */
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  /**
   * What the field controls.
   */
  description?: string;
  /**
   * Value used when neither the pipeline defaults nor the node set one.
   */
  default?: {
    [k: string]: unknown;
  };
  /**
   * Computes the value when neither the pipeline defaults nor the node set it: a string with ${config.<other field>}, ${jobType}, ${pipeline.name} or ${execution.*} references, e.g. "${pipeline.name}-${jobType}".
   */
  derived?: string;
  /**
   * Allowed values.
   *
   * @minItems 1
   */
  enum?: [unknown, ...unknown[]];
  /**
   * The only allowed value.
   */
  const?: {
    [k: string]: unknown;
  };
  /**
   * Regular expression a string value must match.
   */
  pattern?: string;
  /**
   * Minimum string length.
   */
  minLength?: number;
  /**
   * Maximum string length.
   */
  maxLength?: number;
  /**
   * Inclusive lower bound.
   */
  minimum?: number;
  /**
   * Inclusive upper bound.
   */
  maximum?: number;
  /**
   * Exclusive lower bound.
   */
  exclusiveMinimum?: number;
  /**
   * Exclusive upper bound.
   */
  exclusiveMaximum?: number;
  items?: ConfigField1;
  /**
   * Minimum array length.
   */
  minItems?: number;
  /**
   * Maximum array length.
   */
  maxItems?: number;
  /**
   * Schemas of an object's fields.
   */
  properties?: {
    [k: string]: ConfigField;
  };
  /**
   * Required fields of an object value.
   */
  required?: string[];
  /**
   * Schema of an object's other fields, or false to forbid them.
   */
  additionalProperties?: boolean | ConfigField;
}
/**
 * Schema of each array item.
 */
export interface ConfigField1 {
  /**
   * JSON type of the value.
   */
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  /**
   * What the field controls.
   */
  description?: string;
  /**
   * Value used when neither the pipeline defaults nor the node set one.
   */
  default?: {
    [k: string]: unknown;
  };
  /**
   * Computes the value when neither the pipeline defaults nor the node set it: a string with ${config.<other field>}, ${jobType}, ${pipeline.name} or ${execution.*} references, e.g. "${pipeline.name}-${jobType}".
   */
  derived?: string;
  /**
   * Allowed values.
   *
   * @minItems 1
   */
  enum?: [unknown, ...unknown[]];
  /**
   * The only allowed value.
   */
  const?: {
    [k: string]: unknown;
  };
  /**
   * Regular expression a string value must match.
   */
  pattern?: string;
  /**
   * Minimum string length.
   */
  minLength?: number;
  /**
   * Maximum string length.
   */
  maxLength?: number;
  /**
   * Inclusive lower bound.
   */
  minimum?: number;
  /**
   * Inclusive upper bound.
   */
  maximum?: number;
  /**
   * Exclusive lower bound.
   */
  exclusiveMinimum?: number;
  /**
   * Exclusive upper bound.
   */
  exclusiveMaximum?: number;
  items?: ConfigField1;
  /**
   * Minimum array length.
   */
  minItems?: number;
  /**
   * Maximum array length.
   */
  maxItems?: number;
  /**
   * Schemas of an object's fields.
   */
  properties?: {
    [k: string]: ConfigField;
  };
  /**
   * Required fields of an object value.
   */
  required?: string[];
  /**
   * Schema of an object's other fields, or false to forbid them.
   */
  additionalProperties?: boolean | ConfigField;
}
/**
 * The script the step runs and every value it reads, each bound explicitly.
 */
export interface Script {
  /**
   * The file to run, relative to sourceDir (or to this step file when there is no sourceDir): a Python file, or on a processing step type any program with script.interpreter.
   */
  entryPoint: string;
  /**
   * Processing only: the command that runs the entry point, e.g. [bash] or [Rscript]; default python3, which a Python (.py) entry point needs no interpreter for.
   *
   * @minItems 1
   * @maxItems 97
   */
  interpreter?: [string, ...string[]];
  /**
   * Folder, relative to this step file, shipped whole with the entry point.
   */
  sourceDir?: string;
  /**
   * Other files shipped with the entry point (shared helper modules), relative to this step file and kept at the same relative paths; not with sourceDir, which ships its whole folder.
   *
   * @minItems 1
   */
  include?: [string, ...string[]];
  env?: Environment;
  /**
   * Command-line arguments passed to the script, in order.
   */
  arguments?: ScalarBinding[];
}
/**
 * Environment variables the script reads, each bound to a ${config.*} field, ${jobType} or a literal.
 */
export interface Environment {
  [k: string]: ScalarBinding;
}
/**
 * Container image and resources; each value is a literal or a ${config.*} binding. Required for Processing, Training, Tuning, Model, Transform and RegisterModel steps; Lambda, Callback and EMR steps run no SageMaker container and have none.
 */
export interface Compute {
  /**
   * A framework image resolved per region, or an explicit image URI (which always wins). For Model and RegisterModel steps: the inference image. Required except for QualityCheck and ClarifyCheck steps, whose image is the region's Model Monitor analyzer or Clarify image unless given.
   */
  image?: string | FrameworkImage;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  instanceType?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  instanceCount?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  volumeSizeGB?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxRuntimeSeconds?: string | number | boolean;
}
export interface FrameworkImage {
  /**
   * Framework container family.
   */
  framework: 'sklearn' | 'xgboost' | 'pytorch';
  /**
   * Framework version as SageMaker names it, e.g. 1.2-1 (sklearn), 1.7-1 (xgboost), 2.1 (pytorch).
   */
  version: string;
  /**
   * Python version tag, e.g. py310; defaults to the one the version ships with.
   */
  pyVersion?: string;
  /**
   * cpu or gpu image (default cpu).
   */
  processor?: 'cpu' | 'gpu';
}
/**
 * Training-job settings (sagemaker: Training; a Tuning step uses inputMode, hyperparameters as the static ones, spot and maxWaitSeconds).
 */
export interface Training {
  /**
   * How training data reaches the container.
   */
  inputMode?: 'File' | 'Pipe' | 'FastFile';
  /**
   * Hyperparameters by name: a map of bindings, or one ${config.*} binding to an object field. Values are passed as strings.
   */
  hyperparameters?:
    | string
    | {
        [k: string]: ScalarBinding;
      };
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  spot?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxWaitSeconds?: string | number | boolean;
  /**
   * How a framework container spreads the job over its instances and GPUs, passed as the SDK's estimators pass their distribution setting (sagemaker_* hyperparameters).
   */
  distribution?: {
    /**
     * torch_distributed (torchrun), mpi (e.g. Horovod) or parameter_server (TensorFlow, MXNet).
     */
    strategy: 'torch_distributed' | 'mpi' | 'parameter_server';
    /**
     * mpi: processes started on each instance (sagemaker_mpi_num_of_processes_per_host).
     */
    processesPerHost?: number;
    /**
     * mpi: extra mpirun options (sagemaker_mpi_custom_mpi_options).
     */
    customMpiOptions?: string;
  };
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxRetryAttempts?: string | number | boolean;
  /**
   * Sync the container's checkpoint folder with S3 (CheckpointConfig), so a spot or retried job resumes; {} for the defaults.
   */
  checkpoints?: {
    /**
     * A literal, or a string with ${config.<field>} / ${jobType} references.
     */
    s3Uri?: string | number | boolean;
    /**
     * The folder in the container the job writes checkpoints to (CheckpointConfig.LocalPath); SageMaker's default is /opt/ml/checkpoints.
     */
    localPath?: string;
  };
  /**
   * Write a SageMaker Debugger hook config (DebugHookConfig) next to the job output.
   */
  debugHook?: boolean;
  /**
   * Metrics the training job reports, by name: the regular expression that finds each value in the job's log (AlgorithmSpecification.MetricDefinitions). Conditions may read only these from FinalMetricDataList. A Tuning step type defines them under tuning.metrics.
   */
  metricDefinitions?: {
    [k: string]: string;
  };
  /**
   * Enable the SageMaker profiler (ProfilerConfig) with this sampling interval in milliseconds.
   */
  profilerIntervalMs?: 100 | 200 | 500 | 1000 | 5000 | 60000;
}
/**
 * Transform-only settings (sagemaker: Transform).
 */
export interface Transform {
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  contentType?: string | number | boolean;
  /**
   * How input files are split into records (TransformInput.SplitType): None, Line, RecordIO or TFRecord. A literal, or bound to ${config.*}.
   */
  splitType?: ('None' | 'Line' | 'RecordIO' | 'TFRecord') | string;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  accept?: string | number | boolean;
  /**
   * How output records are joined (TransformOutput.AssembleWith): None or Line. A literal, or bound to ${config.*}.
   */
  assembleWith?: ('None' | 'Line') | string;
  /**
   * Records per request (BatchStrategy): one (SingleRecord) or as many as fit in maxPayloadMB (MultiRecord); needs a splitType that splits. A literal, or bound to ${config.*}.
   */
  batchStrategy?: ('SingleRecord' | 'MultiRecord') | string;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxPayloadMB?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxConcurrentTransforms?: string | number | boolean;
  /**
   * Environment variables of the model's container for this job (Environment; at most 16), each a literal or bound to ${config.*} / ${jobType}.
   */
  environment?: {
    [k: string]: ScalarBinding;
  };
  /**
   * Which part of each record the model sees and which part of the joined record is written (DataProcessing).
   */
  dataProcessing?: {
    /**
     * A literal, or a string with ${config.<field>} / ${jobType} references.
     */
    inputFilter?: string | number | boolean;
    /**
     * Input joins each input record with its prediction (JoinSource); None (the default) writes predictions only. A literal, or bound to ${config.*}.
     */
    joinSource?: ('Input' | 'None') | string;
    /**
     * A literal, or a string with ${config.<field>} / ${jobType} references.
     */
    outputFilter?: string | number | boolean;
  };
}
/**
 * RegisterModel-only settings: the model package group, approval status and what the model serves.
 */
export interface Registration {
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  modelPackageGroup: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  approvalStatus?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  description?: string | number | boolean;
  contentTypes?: MimeTypeList;
  responseTypes?: MimeTypeList1;
  inferenceInstanceTypes?: StringList;
  transformInstanceTypes?: StringList1;
  /**
   * Content type of the metrics input (ModelMetrics.ModelQuality.Statistics.ContentType).
   */
  metricsContentType?: string;
  /**
   * Machine learning task of the model, e.g. CLASSIFICATION.
   */
  task?: string;
  /**
   * Content type of the constraints input (DriftCheckBaselines.ModelQuality.Constraints.ContentType).
   */
  constraintsContentType?: string;
  /**
   * Tags of the model package version (Tags), by key.
   */
  tags?: {
    [k: string]: ScalarBinding;
  };
  /**
   * Key-value pairs stored with the model package version (CustomerMetadataProperties).
   */
  customerMetadata?: {
    [k: string]: ScalarBinding;
  };
  /**
   * Machine learning domain of the model, e.g. COMPUTER_VISION (Domain).
   */
  domain?: string;
  /**
   * The model's metrics (ModelMetrics): each slot names the input port that carries the file; its content type is the port's contentType (default application/json).
   */
  modelMetrics?: {
    /**
     * ModelMetrics.ModelQuality.
     */
    modelQuality?: {
      /**
       * Input port of the model quality statistics.
       */
      statistics?: string;
      /**
       * Input port of the model quality constraints.
       */
      constraints?: string;
    };
    /**
     * ModelMetrics.ModelDataQuality.
     */
    modelDataQuality?: {
      /**
       * Input port of the data quality statistics.
       */
      statistics?: string;
      /**
       * Input port of the data quality constraints.
       */
      constraints?: string;
    };
    /**
     * ModelMetrics.Bias.
     */
    bias?: {
      /**
       * Input port of the bias report.
       */
      report?: string;
      /**
       * Input port of the pre-training bias report.
       */
      preTrainingReport?: string;
      /**
       * Input port of the post-training bias report.
       */
      postTrainingReport?: string;
    };
    /**
     * ModelMetrics.Explainability.
     */
    explainability?: {
      /**
       * Input port of the explainability report.
       */
      report?: string;
    };
  };
  /**
   * The baselines later drift checks of this model compare against (DriftCheckBaselines): each slot names the input port that carries the file, as in modelMetrics.
   */
  driftCheckBaselines?: {
    /**
     * DriftCheckBaselines.ModelQuality.
     */
    modelQuality?: {
      /**
       * Input port of the model quality statistics.
       */
      statistics?: string;
      /**
       * Input port of the model quality constraints.
       */
      constraints?: string;
    };
    /**
     * DriftCheckBaselines.ModelDataQuality.
     */
    modelDataQuality?: {
      /**
       * Input port of the data quality statistics.
       */
      statistics?: string;
      /**
       * Input port of the data quality constraints.
       */
      constraints?: string;
    };
    /**
     * DriftCheckBaselines.Bias.
     */
    bias?: {
      /**
       * Input port of the bias analysis configuration (a FileSource).
       */
      configFile?: string;
      /**
       * Input port of the pre-training bias constraints.
       */
      preTrainingConstraints?: string;
      /**
       * Input port of the post-training bias constraints.
       */
      postTrainingConstraints?: string;
    };
    /**
     * DriftCheckBaselines.Explainability.
     */
    explainability?: {
      /**
       * Input port of the explainability constraints.
       */
      constraints?: string;
      /**
       * Input port of the explainability analysis configuration (a FileSource).
       */
      configFile?: string;
    };
  };
}
/**
 * Model and RegisterModel only: how the inference container serves: its environment, where it reads the script's code, and more containers after it (an inference pipeline).
 */
export interface Serving {
  /**
   * The container's environment variables (Environment), each a literal or a ${config.*} binding; plc adds SAGEMAKER_PROGRAM and SAGEMAKER_SUBMIT_DIRECTORY for a script.
   */
  environment?: {
    [k: string]: ScalarBinding;
  };
  /**
   * Where the container reads the script (SAGEMAKER_SUBMIT_DIRECTORY): upload (the default) ships it as a content-addressed sourcedir.tar.gz under codePrefix, which the XGBoost and scikit-learn containers download; archive reads it from code/ inside the model archive (/opt/ml/model/code), which the step that wrote the model put there, as the PyTorch container and network isolation need.
   */
  code?: 'upload' | 'archive';
  /**
   * The step type's own container's ContainerHostname, with serving.containers (Direct invocation's TargetContainerHostname); set on one container, it must be set on each.
   */
  hostname?: string;
  /**
   * Containers after the step's own (compute.image with the first model input and the script), in order: an inference pipeline (Containers). At most 15 in all.
   *
   * @minItems 1
   * @maxItems 14
   */
  containers?:
    | [ServingContainer]
    | [ServingContainer, ServingContainer]
    | [ServingContainer, ServingContainer, ServingContainer]
    | [ServingContainer, ServingContainer, ServingContainer, ServingContainer]
    | [ServingContainer, ServingContainer, ServingContainer, ServingContainer, ServingContainer]
    | [ServingContainer, ServingContainer, ServingContainer, ServingContainer, ServingContainer, ServingContainer]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ]
    | [
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer,
        ServingContainer
      ];
  /**
   * Model only, with containers: InferenceExecutionConfig.Mode, Serial (each container's output is the next one's input; the default) or Direct (each is invoked on its own).
   */
  mode?: 'Serial' | 'Direct';
}
export interface ServingContainer {
  /**
   * The container's inference image: a framework image resolved per region, or an image URI.
   */
  image: string | FrameworkImage;
  /**
   * The input port (of type model) whose archive this container serves (ModelDataUrl); none for a container without model data.
   */
  model?: string;
  /**
   * ContainerHostname (Direct invocation's TargetContainerHostname); set on one container, it must be set on each.
   */
  hostname?: string;
  /**
   * This container's environment variables (Environment).
   */
  environment?: {
    [k: string]: ScalarBinding;
  };
}
/**
 * QualityCheck and ClarifyCheck settings: the check type, the baseline flags and what the check job analyses.
 */
export interface Check {
  /**
   * What is checked: DataQuality or ModelQuality (QualityCheck); DataBias, ModelBias or ModelExplainability (ClarifyCheck).
   */
  type: 'DataQuality' | 'ModelQuality' | 'DataBias' | 'ModelBias' | 'ModelExplainability';
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  skipCheck?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  registerNewBaseline?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  failOnViolation?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  modelPackageGroup?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  suppliedBaselineStatistics?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  suppliedBaselineConstraints?: string | number | boolean;
  /**
   * QualityCheck: the baseline data set's format (the dataset_format the analyzer reads).
   */
  datasetFormat?:
    | {
        /**
         * CSV files (DatasetFormat.csv).
         */
        csv: {
          /**
           * Whether the CSV files have a header row (default true).
           */
          header?: boolean;
          /**
           * Where the model's output columns are (default START).
           */
          outputColumnsPosition?: 'START' | 'END';
        };
      }
    | {
        /**
         * JSON files (DatasetFormat.json).
         */
        json: {
          /**
           * JSON Lines: one record per line (default true).
           */
          lines?: boolean;
        };
      }
    | {
        /**
         * Parquet files (DatasetFormat.parquet).
         */
        parquet: {};
      };
  /**
   * QualityCheck: publish the job's metrics to CloudWatch (default false).
   */
  publishCloudwatchMetrics?: boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  recordPreprocessorScript?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  postAnalyticsProcessorScript?: string | number | boolean;
  /**
   * ModelQuality: the problem the model solves.
   */
  problemType?: 'Regression' | 'BinaryClassification' | 'MulticlassClassification';
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  inferenceAttribute?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  probabilityAttribute?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  groundTruthAttribute?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  probabilityThresholdAttribute?: string | number | boolean;
  /**
   * ClarifyCheck: the Clarify analysis configuration (analysis_config.json: dataset_type, label, headers, facet, label_values_or_threshold, methods, predictor, ...), written as the Clarify documentation spells it. plc adds methods.report and delivers the file content-addressed under codePrefix; its values may use ${config.*} and ${jobType} but no pipeline parameter, since the file is written at build time.
   */
  analysis?: {
    /**
     * The analyses to run (pre_training_bias, post_training_bias or shap).
     */
    methods: {};
  };
}
/**
 * Tuning-only settings (sagemaker: Tuning): the strategy, the objective metric, how many training jobs to run and the hyperparameter ranges to search.
 */
export interface Tuning {
  /**
   * How hyperparameter values are chosen (Strategy, default Bayesian).
   */
  strategy?: 'Bayesian' | 'Random' | 'Hyperband' | 'Grid';
  /**
   * The metric the tuning job optimises (HyperParameterTuningJobObjective).
   */
  objective: {
    /**
     * Maximize or Minimize the metric.
     */
    type: 'Maximize' | 'Minimize';
    /**
     * Name of the metric; it must be one of metrics.
     */
    metric: string;
  };
  /**
   * Metrics the training jobs report, by name: the regular expression that finds each value in the job's log (AlgorithmSpecification.MetricDefinitions).
   */
  metrics: {
    [k: string]: string;
  };
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxJobs: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  maxParallelJobs: string | number | boolean;
  /**
   * Hyperparameters to tune, by name, each with its range (ParameterRanges). A tuned hyperparameter must not also be set under training.hyperparameters.
   */
  ranges: {
    [k: string]: TuningRange;
  };
  /**
   * Stop training jobs that are unlikely to beat the best so far (TrainingJobEarlyStoppingType): Off (the default) or Auto.
   */
  earlyStopping?: 'Off' | 'Auto';
  /**
   * Resources of the Hyperband strategy (StrategyConfig.HyperbandStrategyConfig), in epochs or whatever the training job counts; needs strategy: Hyperband.
   */
  hyperband?: {
    /**
     * Least resource a training job gets before it may be stopped (MinResource).
     */
    minResource?: number;
    /**
     * Most resource a training job gets (MaxResource).
     */
    maxResource?: number;
  };
  /**
   * Start from earlier tuning jobs (WarmStartConfig): their names and how they relate to this one.
   */
  warmStart?: {
    /**
     * Names of the parent tuning jobs (ParentHyperParameterTuningJobs, 1 to 5); each may be a ${config.*} binding.
     *
     * @minItems 1
     * @maxItems 5
     */
    parentJobs:
      | [string | string]
      | [string | string, string | string]
      | [string | string, string | string, string | string]
      | [string | string, string | string, string | string, string | string]
      | [string | string, string | string, string | string, string | string, string | string];
    /**
     * IdenticalDataAndAlgorithm (same data and image) or TransferLearning (WarmStartType).
     */
    type: 'IdenticalDataAndAlgorithm' | 'TransferLearning';
  };
}
export interface TuningRange {
  /**
   * Continuous (a real interval), Integer (an integer interval) or Categorical (a list of values).
   */
  type: 'Continuous' | 'Integer' | 'Categorical';
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  min?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  max?: string | number | boolean;
  /**
   * Continuous and Integer: how the interval is searched (ScalingType, default Auto).
   */
  scaling?: 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';
  /**
   * Categorical: the values tried.
   *
   * @minItems 1
   */
  values?: [ScalarBinding, ...ScalarBinding[]];
}
/**
 * Lambda-only settings (sagemaker: Lambda): the function and the arguments it is invoked with.
 */
export interface Lambda {
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  functionArn: string | number | boolean;
  arguments?: Arguments;
}
/**
 * The function's input event, by name; wired inputs are added under their port names.
 */
export interface Arguments {
  [k: string]: unknown;
}
/**
 * Callback-only settings (sagemaker: Callback): the SQS queue the step sends its message to and the arguments in it.
 */
export interface Callback {
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  sqsQueueUrl: string | number | boolean;
  arguments?: Arguments1;
}
/**
 * Values sent in the message, by name; wired inputs are added under their port names.
 */
export interface Arguments1 {
  [k: string]: unknown;
}
/**
 * EMR-only settings (sagemaker: EMR): the cluster and the Hadoop JAR step it runs.
 */
export interface Emr {
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  clusterId?: string | number | boolean;
  /**
   * Create a cluster for this step instead: a ${config.*} binding to an object field holding the RunJobFlow request members (Instances, ReleaseLabel, ...), passed as ClusterConfig; give this or clusterId.
   */
  clusterConfig?: string;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  executionRoleArn?: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  jar: string | number | boolean;
  /**
   * A literal, or a string with ${config.<field>} / ${jobType} references.
   */
  mainClass?: string | number | boolean;
  /**
   * Command-line arguments passed to the JAR, in order (HadoopJarStep.Args).
   */
  args?: ScalarBinding[];
  /**
   * Java properties set for the step (HadoopJarStep.Properties, as Key/Value pairs).
   */
  properties?: {
    [k: string]: ScalarBinding;
  };
}
/**
 * Processing-only settings (sagemaker: Processing) for a container that keeps its own entrypoint: no script, the arguments (and optionally the entrypoint) given here.
 */
export interface Processing {
  /**
   * The command the container runs instead of its image's ENTRYPOINT (AppSpecification.ContainerEntrypoint), e.g. [Rscript, /opt/program/score.R]; not with script, whose entry point plc runs.
   *
   * @minItems 1
   * @maxItems 100
   */
  containerEntrypoint?: [string, ...string[]];
  /**
   * Arguments passed to the container's entrypoint, in order (AppSpecification.ContainerArguments), each a literal or bound to ${config.*} / ${jobType}; not with script, whose arguments are script.arguments.
   *
   * @minItems 1
   * @maxItems 256
   */
  containerArguments?: [ScalarBinding, ...ScalarBinding[]];
  env?: Environment1;
}
/**
 * Environment variables of the container (Environment), each bound to a ${config.*} field, ${jobType} or a literal; not with script, whose environment is script.env.
 */
export interface Environment1 {
  [k: string]: ScalarBinding;
}
export interface Variant {
  /**
   * Replaces the description for this job type.
   */
  description?: string;
  /**
   * Input ports to add, change (merged key by key) or remove (null).
   */
  inputs?: {} | null;
  /**
   * Output ports to add, change or remove.
   */
  outputs?: {} | null;
  /**
   * Changes to the config schema (e.g. other defaults).
   */
  config?: {} | null;
  /**
   * Changes to the script (env, arguments).
   */
  script?: {} | null;
  /**
   * Changes to image or resources.
   */
  compute?: {} | null;
  /**
   * Changes to training settings.
   */
  training?: {} | null;
  /**
   * Changes to tuning settings.
   */
  tuning?: {} | null;
  /**
   * Changes to the container of its own (processing:).
   */
  processing?: {} | null;
  /**
   * Changes to transform settings.
   */
  transform?: {} | null;
  /**
   * Changes to registration settings.
   */
  registration?: {} | null;
  /**
   * Changes to the Lambda invocation.
   */
  lambda?: {} | null;
  /**
   * Changes to the callback.
   */
  callback?: {} | null;
  /**
   * Changes to the EMR step.
   */
  emr?: {} | null;
  /**
   * Changes to the check settings.
   */
  check?: {} | null;
  /**
   * Changes to serving settings.
   */
  serving?: {} | null;
}

export type Parameter = {
  /**
   * Parameter type.
   */
  type: 'String' | 'Integer' | 'Float' | 'Boolean';
  /**
   * Default value, of the parameter's type.
   */
  default?: string | number | boolean;
  /**
   * Allowed values (String parameters only).
   *
   * @minItems 1
   */
  enum?: [string, ...string[]];
  /**
   * What the parameter controls.
   */
  description?: string;
};
/**
 * A literal, a string with ${params.*}, ${execution.*} or ${steps.<node>.<property>}, or { jsonGet: [<node>.<output>, <json path>] } reading the output's property file.
 */
export type Operand = (string | number | boolean) | JsonGet;
/**
 * An S3 location: a string, or { jsonGet: [<node>.<output>, <json path>] } read from a property file when the pipeline runs.
 */
export type Location = string | JsonGet;

/**
 * A SageMaker pipeline: parameters, shared defaults and nodes that instantiate step types. Compiled by plc build into a pipeline definition.
 */
export interface PipelineDocument {
  /**
   * Document kind; always Pipeline for a pipeline.
   */
  kind: 'Pipeline';
  /**
   * Pipeline name as SageMaker stores it: letters, digits and single hyphens, 1-256 characters.
   */
  name: string;
  /**
   * What the pipeline does.
   */
  description?: string;
  /**
   * PipelineDisplayName of CreatePipeline and UpdatePipeline: letters, digits and single hyphens, at most 256.
   */
  displayName?: string;
  tags?: Tags;
  /**
   * At most this many steps run at once (ParallelismConfiguration.MaxParallelExecutionSteps, set by plc deploy; plc run --parallelism overrides it for one execution).
   */
  parallelism?: number;
  /**
   * PipelineExperimentConfig: by default an experiment named after the pipeline with a trial per execution, as the SageMaker SDK writes it. false turns experiment tracking off; experimentName and trialName may use ${pipeline.name}, ${execution.*} and ${params.*}.
   */
  experiment?:
    | false
    | {
        /**
         * The experiment (ExperimentName); the pipeline's name by default.
         */
        experimentName?: string;
        /**
         * The trial of each execution (TrialName); the execution's id by default.
         */
        trialName?: string;
      };
  /**
   * AWS region the pipeline runs in; framework images resolve to this region's ECR URIs.
   */
  region?: string;
  /**
   * S3 prefix for step code. Each script or source folder is stored under <codePrefix>/code/<sha256>/, so the definition changes exactly when code does.
   */
  codePrefix?: string;
  /**
   * Extra step libraries (folders of *.step.yaml), relative to this file and inside its folder. The built-in library is always available.
   */
  steps?: string[];
  /**
   * Pipeline parameters by name, overridable per execution; reference them as ${params.<Name>}.
   */
  parameters?: {
    [k: string]: Parameter;
  };
  defaults?: BaseConfig;
  /**
   * Pipeline nodes by id; the id is the SageMaker step name unless the node sets name. Step names are letters, digits, - and _, at most 64 characters.
   */
  nodes: {
    [k: string]: Node;
  };
}
/**
 * Tags of the pipeline itself (CreatePipeline Tags; plc deploy keeps the deployed pipeline's in sync with them), as Key: Value. At most 50; keys of 1 to 128 characters, values of at most 256. Jobs take theirs from the tags config field.
 */
export interface Tags {
  [k: string]: string;
}
/**
 * Config values shared by every node whose step declares the field (step defaults < these < node config).
 */
export interface BaseConfig {
  /**
   * IAM role ARN the jobs run as.
   */
  role?: string;
  /**
   * S3 prefix under which each step writes its outputs (<outputPrefix>/<step name>/<port>). May use ${pipeline.name} and ${execution.*}.
   */
  outputPrefix?: string;
  /**
   * Network settings of the jobs, as each kind's API takes them: Processing (NetworkConfig), Training and Tuning (VpcConfig, EnableNetworkIsolation, EnableInterContainerTrafficEncryption) and Model (VpcConfig, EnableNetworkIsolation). Kinds whose API has no such member (Transform runs in its model's network) do not use it.
   */
  network?: {
    /**
     * IDs of the VPC subnets the jobs run in (VpcConfig.Subnets, 1 to 16). Give securityGroupIds with them.
     *
     * @minItems 1
     * @maxItems 16
     *
     * Items: A subnet ID, e.g. subnet-0123456789abcdef0.
     */
    subnets?:
      | [string]
      | [string, string]
      | [string, string, string]
      | [string, string, string, string]
      | [string, string, string, string, string]
      | [string, string, string, string, string, string]
      | [string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string, string, string, string]
      | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
      | [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string
        ]
      | [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string,
          string
        ];
    /**
     * IDs of the VPC security groups of the jobs (VpcConfig.SecurityGroupIds, 1 to 5). Give subnets with them.
     *
     * @minItems 1
     * @maxItems 5
     *
     * Items: A security group ID, e.g. sg-0123456789abcdef0.
     */
    securityGroupIds?:
      | [string]
      | [string, string]
      | [string, string, string]
      | [string, string, string, string]
      | [string, string, string, string, string];
    /**
     * Run the containers without network access (EnableNetworkIsolation).
     */
    enableNetworkIsolation?: boolean;
    /**
     * Encrypt the traffic between the instances of a distributed job (EnableInterContainerTrafficEncryption; Processing, Training, Tuning).
     */
    encryptInterContainerTraffic?: boolean;
  };
  /**
   * KMS keys of the jobs, as each kind's API takes them: the storage volumes of Processing, Training, Tuning and Transform jobs (VolumeKmsKeyId) and what they upload (KmsKeyId of the output config). Model, RegisterModel, Lambda, Callback and EMR steps do not use them.
   */
  encryption?: {
    /**
     * KMS key (ID, ARN or alias) that encrypts the ML storage volumes attached to the instances (VolumeKmsKeyId).
     */
    volumeKmsKeyId?: string;
    /**
     * KMS key (ID, ARN or alias) that encrypts the job's outputs in S3 (KmsKeyId of ProcessingOutputConfig, OutputDataConfig or TransformOutput).
     */
    outputKmsKeyId?: string;
  };
  tags?: Tags1;
  [k: string]: unknown;
}
/**
 * Tags of the jobs (Tags of CreateProcessingJob, CreateTrainingJob, CreateHyperParameterTuningJob, CreateTransformJob, CreateModel and CreateModelPackage, where a registration's own tags win), as Key: Value. At most 50; keys of 1 to 128 characters, values of at most 256; a value may be a ${params.*} String parameter.
 */
export interface Tags1 {
  [k: string]: string;
}
/**
 * A pipeline node: a step (step:), a condition (condition: with then:/else:) or a fail node (fail:).
 */
export interface Node {
  /**
   * The step type this node runs. Every node has exactly one of step:, condition: or fail:.
   */
  step?: string;
  /**
   * Makes this node a condition: when it holds, the nodes under then: run, otherwise those under else:. A list of conditions must all hold.
   */
  condition?: Condition | [Condition, ...Condition[]];
  /**
   * Nodes that run when the condition holds. They run only inside this condition's branch.
   */
  then?: string[];
  /**
   * Nodes that run when the condition does not hold. They run only inside this condition's branch.
   */
  else?: string[];
  /**
   * Makes this node a Fail step that stops the execution with this message; may use ${params.*}, ${execution.*} and ${steps.<node>.<property>}.
   */
  fail?: string;
  /**
   * Which of the step type's job types this node runs.
   */
  jobType?: string;
  /**
   * SageMaker step name, when it should differ from the node id: letters, digits, - and _, at most 64 characters.
   */
  name?: string;
  /**
   * Step display name in SageMaker Studio.
   */
  displayName?: string;
  /**
   * Step description.
   */
  description?: string;
  /**
   * Nodes that must finish before this one starts (DependsOn).
   */
  after?: string[];
  /**
   * Explicit wiring by input port: <node>.<output port>, a folder below it (<node>.<output port>/<folder>), an S3 URI (may use ${params.*} and ${steps.<node>.<property>}), or { jsonGet: [<node>.<output>, <json path>] }: a location read from a property file when the pipeline runs.
   */
  inputs?: {
    [k: string]: Location;
  };
  /**
   * S3 locations for output ports, replacing <outputPrefix>/<step name>/<port>: an S3 URI (may use ${params.*} and ${steps.<node>.<property>}) or { jsonGet: [<node>.<output>, <json path>] }.
   */
  outputs?: {
    [k: string]: Location;
  };
  /**
   * Config values for this node's step (highest precedence).
   */
  config?: {};
  /**
   * Data options of this node's ports, by port name, over the ones its step type declares on the port: contentType, distribution, inputMode, compression, recordWrapper, dataType and attributeNames on inputs, uploadMode on outputs. A value may use ${params.*}; the kind's API decides which options and values a port takes.
   */
  ports?: {
    [k: string]: PortOptions;
  };
  /**
   * Step caching: true, or an object with the ISO-8601 duration cached results stay valid.
   */
  cache?:
    | boolean
    | {
        /**
         * ISO-8601 duration, e.g. PT1H or P30D.
         */
        expireAfter: string;
      };
  /**
   * Retry policies for the step.
   */
  retry?: RetryPolicy[];
}
/**
 * One test: equal, greaterThan, greaterThanOrEqual, lessThan, lessThanOrEqual (each [a, b]), in ([value, [candidates]]), not (a condition), or and allOf (lists of conditions).
 */
export interface Condition {
  /**
   * [a, b]: a equals b (Equals).
   *
   * @minItems 2
   * @maxItems 2
   */
  equal?: [Operand, Operand];
  /**
   * [a, b]: a > b (GreaterThan).
   *
   * @minItems 2
   * @maxItems 2
   */
  greaterThan?: [Operand, Operand];
  /**
   * [a, b]: a >= b (GreaterThanOrEqualTo).
   *
   * @minItems 2
   * @maxItems 2
   */
  greaterThanOrEqual?: [Operand, Operand];
  /**
   * [a, b]: a < b (LessThan).
   *
   * @minItems 2
   * @maxItems 2
   */
  lessThan?: [Operand, Operand];
  /**
   * [a, b]: a <= b (LessThanOrEqualTo).
   *
   * @minItems 2
   * @maxItems 2
   */
  lessThanOrEqual?: [Operand, Operand];
  /**
   * [value, [candidates…]]: the value is one of the candidates (In).
   *
   * @minItems 2
   * @maxItems 2
   */
  in?: [Operand, [Operand, ...Operand[]]];
  /**
   * The condition does not hold (Not).
   */
  not?: Condition;
  /**
   * At least one of the conditions holds (Or).
   *
   * @minItems 1
   */
  or?: [Condition, ...Condition[]];
  /**
   * Every condition holds (the conditions are AND-ed).
   *
   * @minItems 1
   */
  allOf?: [Condition, ...Condition[]];
}
export interface JsonGet {
  /**
   * [<node>.<output>, <path>]: a value from the property file of a processing node's output, e.g. [evaluate.metrics, metrics.auc].
   *
   * @minItems 2
   * @maxItems 2
   */
  jsonGet: [string, string];
}
/**
 * A port's data options as a node sets them (step.schema.json inputPort and outputPort describe each); which values a port takes depends on its step's kind (PLC5060).
 */
export interface PortOptions {
  /**
   * MIME type of the channel's data (Channel.ContentType).
   */
  contentType?: string;
  /**
   * FullyReplicated or ShardedByS3Key (S3DataDistributionType).
   */
  distribution?: string;
  /**
   * File, Pipe or FastFile (training only).
   */
  inputMode?: string;
  /**
   * None or Gzip.
   */
  compression?: string;
  /**
   * None or RecordIO (training only).
   */
  recordWrapper?: string;
  /**
   * S3Prefix, ManifestFile or AugmentedManifestFile (training only).
   */
  dataType?: string;
  /**
   * The attributes of each augmented manifest line the job reads (S3DataSource.AttributeNames).
   *
   * @minItems 1
   * @maxItems 16
   */
  attributeNames?:
    | [string]
    | [string, string]
    | [string, string, string]
    | [string, string, string, string]
    | [string, string, string, string, string]
    | [string, string, string, string, string, string]
    | [string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [string, string, string, string, string, string, string, string, string, string, string, string, string, string]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    | [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ];
  /**
   * EndOfJob or Continuous (processing outputs: S3UploadMode).
   */
  uploadMode?: string;
}
/**
 * Retry policy; give maxAttempts or expireAfterMin, not both.
 */
export interface RetryPolicy {
  /**
   * Failures that trigger a retry.
   *
   * @minItems 1
   */
  exceptionTypes: [
    (
      | 'Step.SERVICE_FAULT'
      | 'Step.THROTTLING'
      | 'SageMaker.JOB_INTERNAL_ERROR'
      | 'SageMaker.CAPACITY_ERROR'
      | 'SageMaker.RESOURCE_LIMIT'
    ),
    ...(
      | 'Step.SERVICE_FAULT'
      | 'Step.THROTTLING'
      | 'SageMaker.JOB_INTERNAL_ERROR'
      | 'SageMaker.CAPACITY_ERROR'
      | 'SageMaker.RESOURCE_LIMIT'
    )[]
  ];
  /**
   * Seconds before the first retry (default 1).
   */
  intervalSeconds?: number;
  /**
   * Multiplier of the interval per attempt (default 2.0).
   */
  backoffRate?: number;
  /**
   * Maximum attempts, 1-20 (give this or expireAfterMin).
   */
  maxAttempts?: number;
  /**
   * Stop retrying after this many minutes, 0-14400 (give this or maxAttempts).
   */
  expireAfterMin?: number;
}

/**
 * plc.config.yaml in the folder plc runs in: project-wide settings for checks.
 */
export interface ProjectConfigDocument {
  /**
   * Severity per diagnostic code: error, warning, info, or off to drop it. Codes are listed in docs/diagnostics.md.
   */
  rules?: {
    /**
     * The severity findings of this code get.
     */
    [k: string]: 'error' | 'warning' | 'info' | 'off';
  };
  /**
   * Findings to drop by file path. A finding is dropped, and counted as suppressed, when its file matches one of an entry's patterns and its code is one of the entry's rules (any code when the entry has no rules). plc check with no file arguments warns about entries that hid nothing (PLC0013).
   *
   * Items: One ignore: which files, which codes, and why.
   */
  ignores?: {
    /**
     * Glob patterns (picomatch: *, **, ?, {a,b}, [abc]) matched against the path of the finding's file relative to the folder plc runs in, with forward slashes: legacy/**, experiments/*.pipeline.yaml. A folder needs /** to cover what is inside it.
     *
     * @minItems 1
     *
     * Items: A glob pattern, relative to the folder plc runs in.
     */
    files: [string, ...string[]];
    /**
     * The codes this entry hides; without rules, every code. Codes are listed in docs/diagnostics.md.
     *
     * @minItems 1
     *
     * Items: A diagnostic code: PLC and four digits.
     */
    rules?: [string, ...string[]];
    /**
     * Why these findings are acceptable in these files. Required, as for # plc-ignore-next-line comments.
     */
    reason: string;
  }[];
}
