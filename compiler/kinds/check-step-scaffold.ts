// The parts the check kinds' `plc new step` templates share (quality-check/, clarify-check/
// scaffold.ts): the job's resources and check flags as config, and the baseline outputs.
import { resources } from './scaffold.js';

/** Config fields and bindings of a check job: resources (the kind supplies its image) and the check flags. */
export function checkParts(): { config: string; compute: string; flags: string } {
  const { config, compute } = resources('Check job', ['instanceType', 'instanceCount', 'volumeSizeGB'], { image: false });
  return {
    config: `    skipCheck: { type: boolean, default: false, description: Run the job but compare nothing (for the first run). }
    registerNewBaseline: { type: boolean, default: false, description: Make this run's baseline the one used for drift checks. }
    modelPackageGroup: { type: string, minLength: 1, description: Model package group whose latest approved version supplies the baseline. }
${config}`,
    compute,
    flags: '  skipCheck: ${config.skipCheck}\n  registerNewBaseline: ${config.registerNewBaseline}\n  modelPackageGroup: ${config.modelPackageGroup}\n',
  };
}

/** Output ports named after the check step's properties (the baselines consumers read). */
export const baselines = (what: 'statistics and constraints' | 'constraints'): string => (what === 'constraints' ? ['constraints'] : ['statistics', 'constraints'])
  .flatMap((file) => [
    `  calculated_baseline_${file}:\n    type: ${file}\n    description: The ${file} this run calculated, for a RegisterModel's metrics.\n`,
    `  baseline_used_for_drift_check_${file}:\n    type: ${file}\n    description: The ${file} the check compared against, for a RegisterModel's drift-check baselines.\n`,
  ]).join('');
