// Property paths walked through the Describe* shapes (compiler/sagemaker/property-paths.ts) and the
// JSONPath filters a batch transform takes (compiler/kinds/transform/json-path.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonPathProblem } from '../compiler/kinds/transform/json-path.js';
import { walkPropertyPath } from '../compiler/sagemaker/property-paths.js';

test('a path down to a value has that value\'s type; lists take [n] or [\'name\'], maps [\'key\']', () => {
  assert.equal(walkPropertyPath('Processing', "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"), { ok: true, type: 'String' });
  assert.equal(walkPropertyPath('Processing', 'ProcessingOutputConfig.Outputs[0].S3Output.S3Uri'), { ok: true, type: 'String' });
  assert.equal(walkPropertyPath('Training', 'ResourceConfig.InstanceCount'), { ok: true, type: 'Integer' });
  assert.equal(walkPropertyPath('Training', "FinalMetricDataList['auc'].Value"), { ok: true, type: 'Float' });
  assert.equal(walkPropertyPath('Training', "HyperParameters['eta']"), { ok: true, type: 'String' });
  assert.equal(walkPropertyPath('Training', 'EnableManagedSpotTraining'), { ok: true, type: 'Boolean' });
  assert.equal(walkPropertyPath('Tuning', 'TrainingJobSummaries[0].TrainingJobName'), { ok: true, type: 'String' });
  assert.equal(walkPropertyPath('Tuning', 'BestTrainingJob.TrainingJobName'), { ok: true, type: 'String' });
  // Timestamps are strings in a definition.
  assert.equal(walkPropertyPath('Transform', 'CreationTime'), { ok: true, type: 'String' });
});

test('an unknown member below the first, a structure or list at the end, and the wrong access are reported', () => {
  const member = walkPropertyPath('Training', 'ModelArtifacts.S3ModelArtifact');
  assert.ok(member && !member.ok && member.problem === 'member');
  assert.equal(member && !member.ok && member.problem === 'member' ? [member.at, member.member, member.allowed] : undefined, ['ModelArtifacts', 'S3ModelArtifact', ['S3ModelArtifacts']]);
  const shape = (path: string) => {
    const walked = walkPropertyPath('Processing', path);
    return walked && !walked.ok && walked.problem === 'shape' ? walked.detail : undefined;
  };
  assert.match(shape('ProcessingOutputConfig') ?? '', /is a structure; go on to one of its members: KmsKeyId, Outputs/);
  assert.match(shape('ProcessingOutputConfig.Outputs') ?? '', /is a list; pick an item/);
  assert.match(shape('ProcessingOutputConfig.Outputs.S3Output') ?? '', /ProcessingOutputConfig\.Outputs is a list/);
  assert.match(shape('Environment[0]') ?? '', /Environment is a map; pick an entry with \['key'\]/);
  assert.match(shape('ProcessingJobName.Length') ?? '', /ProcessingJobName is a String value, with nothing below it/);
  assert.match(shape("ProcessingOutputConfig['Outputs']") ?? '', /is a structure; name one of its members/);
});

test('kinds without Describe* shapes are left to the first-member check', () => {
  assert.is(walkPropertyPath('Lambda', "OutputParameters['rows']"), undefined);
});

test('JSONPath filters: the operators SageMaker batch transform documents', () => {
  for (const ok of ['$', '$[1:]', '$[0,-1]', '$[0,5:]', '$[-1]', '$.features', "$['id','features']", '$.*', '$[*]', '$.a.b[2]', '$[:3]']) {
    assert.is(jsonPathProblem(ok), undefined, ok);
  }
  assert.match(jsonPathProblem('[1:]') ?? '', /must start with \$/);
  for (const bad of ['$[1:', '$..a', '$[?(@.a)]', '$.', '$[a]', '$ [1]']) assert.ok(jsonPathProblem(bad), bad);
});

test.run();
