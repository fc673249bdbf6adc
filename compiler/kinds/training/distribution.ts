// The hyperparameters a framework container reads to run one job over several instances (or GPUs),
// as the SageMaker SDK's estimators write them for their `distribution` argument
// (sagemaker/estimator.py Framework._distribution_configuration, sagemaker/pytorch/estimator.py):
// values JSON-encoded, like every script-mode hyperparameter.
import type { Training } from '../../../schema/types.generated.js';
import { constantOf, literal, type Expr } from '../../ir/expr.js';

export type Distribution = NonNullable<Training['distribution']>;

/** The settings of `distribution` that only the mpi strategy takes. */
export const mpiOnly = ['processesPerHost', 'customMpiOptions'] as const;

const json = (value: string | number | boolean): Expr => literal(JSON.stringify(value));

export function distributionHyperparameters(distribution: Distribution, instanceType: Expr): [string, Expr][] {
  switch (distribution.strategy) {
    case 'torch_distributed': {
      // The SDK passes a pipeline parameter as it is and a literal JSON-encoded.
      const type = constantOf(instanceType);
      return [['sagemaker_torch_distributed_enabled', json(true)], ['sagemaker_instance_type', typeof type === 'string' ? json(type) : instanceType]];
    }
    case 'mpi': {
      const perHost: [string, Expr][] = distribution.processesPerHost !== undefined ? [['sagemaker_mpi_num_of_processes_per_host', json(distribution.processesPerHost)]] : [];
      return [['sagemaker_mpi_enabled', json(true)], ...perHost, ['sagemaker_mpi_custom_mpi_options', json(distribution.customMpiOptions ?? '')]];
    }
    case 'parameter_server':
      return [['sagemaker_parameter_server_enabled', json(true)]];
  }
}
