// The step type `plc new step --kind quality-check` writes (compiler/kinds/scaffold.ts).
import { baselines, checkParts } from '../check-step-scaffold.js';
import type { StepTemplate } from '../scaffold.js';

// A data quality check (the region's Model Monitor analyzer); type ModelQuality checks predictions.
const body = (): string => {
  const { config, compute, flags } = checkParts();
  return `inputs:
  data:
    type: dataset
    description: The CSV data set (with a header row) the baseline is computed from.
outputs:
${baselines('statistics and constraints')}config:
  properties:
${config}${compute}check:
  type: DataQuality
${flags}  datasetFormat: { csv: { header: true } }
`;
};

export const qualityCheckTemplate: StepTemplate = { option: 'quality-check', what: 'Model Monitor data quality check', body };
