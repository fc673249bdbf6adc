// The step type `plc new step --kind clarify-check` writes (compiler/kinds/scaffold.ts).
import { baselines, checkParts } from '../check-step-scaffold.js';
import type { StepTemplate } from '../scaffold.js';

// A data bias check (SageMaker Clarify); ModelBias and ModelExplainability also take a model-name input.
const body = (): string => {
  const { config, compute, flags } = checkParts();
  return `inputs:
  data:
    type: dataset
    description: The CSV data set (with a header row) holding the label and the facet.
outputs:
${baselines('constraints')}config:
  required: [labelField, facet]
  properties:
    labelField: { type: string, minLength: 1, description: Name of the label column. }
    facet: { type: string, minLength: 1, description: Name of the sensitive column bias is measured for. }
${config}${compute}check:
  type: DataBias
${flags}  # The Clarify analysis configuration (analysis_config.json), as Clarify's documentation spells it.
  analysis:
    dataset_type: text/csv
    label: \${config.labelField}
    label_values_or_threshold: [1]
    facet:
      - name_or_index: \${config.facet}
    methods: { pre_training_bias: { methods: all } }
`;
};

export const clarifyCheckTemplate: StepTemplate = { option: 'clarify-check', what: 'SageMaker Clarify data bias check', body };
