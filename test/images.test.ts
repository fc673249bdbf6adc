import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { frameworks, resolveImageUri, type ImageRequest, type ImageResolution } from '../compiler/sagemaker/images.js';

// Expected URIs below were checked by hand against the SDK's image_uri_config
// JSON (aws/sagemaker-python-sdk; commits named in compiler/sagemaker/image-table.ts).

function uri(request: ImageRequest): string {
  const result = resolveImageUri(request);
  if (!result.ok) {
    assert.unreachable(`expected a URI, got problem ${result.problem} (allowed: ${result.allowed.join(', ')})`);
    return '';
  }
  return result.uri;
}

function failure(request: ImageRequest): Extract<ImageResolution, { ok: false }> {
  const result = resolveImageUri(request);
  if (result.ok) {
    assert.unreachable(`expected a failure, got ${result.uri}`);
    throw new Error('unreachable');
  }
  return result;
}

test('frameworks lists the three supported frameworks, sorted', () => {
  assert.equal([...frameworks], ['pytorch', 'sklearn', 'xgboost']);
});

test('sklearn 1.2-1 in us-east-1 and eu-west-1', () => {
  assert.is(
    uri({ framework: 'sklearn', version: '1.2-1', scope: 'training', region: 'us-east-1' }),
    '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
  );
  assert.is(
    uri({ framework: 'sklearn', version: '1.2-1', scope: 'inference', region: 'eu-west-1' }),
    '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
  );
});

test('sklearn processing uses the same repository; explicit cpu/py3 match the defaults', () => {
  assert.is(
    uri({ framework: 'sklearn', version: '1.0-1', scope: 'processing', region: 'us-west-2' }),
    '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.0-1-cpu-py3',
  );
  assert.is(
    uri({ framework: 'sklearn', version: '0.23-1', pyVersion: 'py3', processor: 'cpu', scope: 'training', region: 'ap-southeast-2' }),
    '783357654285.dkr.ecr.ap-southeast-2.amazonaws.com/sagemaker-scikit-learn:0.23-1-cpu-py3',
  );
});

test('China regions use the amazonaws.com.cn domain', () => {
  assert.is(
    uri({ framework: 'sklearn', version: '1.2-1', scope: 'training', region: 'cn-north-1' }),
    '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-scikit-learn:1.2-1-cpu-py3',
  );
  assert.is(
    uri({ framework: 'pytorch', version: '2.0', scope: 'inference', region: 'cn-northwest-1' }),
    '727897471807.dkr.ecr.cn-northwest-1.amazonaws.com.cn/pytorch-inference:2.0.1-cpu-py310',
  );
});

test('xgboost 1.x tags are the bare version, in every scope', () => {
  assert.is(
    uri({ framework: 'xgboost', version: '1.7-1', scope: 'training', region: 'us-west-2' }),
    '246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1',
  );
  assert.is(
    uri({ framework: 'xgboost', version: '1.5-1', scope: 'inference', region: 'eu-central-1' }),
    '492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.5-1',
  );
  assert.is(
    uri({ framework: 'xgboost', version: '1.3-1', scope: 'processing', region: 'ap-northeast-1' }),
    '354813040037.dkr.ecr.ap-northeast-1.amazonaws.com/sagemaker-xgboost:1.3-1',
  );
  // The SDK lists no Python versions for xgboost 1.x and ignores one if given.
  assert.is(
    uri({ framework: 'xgboost', version: '1.7-1', pyVersion: 'py3', scope: 'training', region: 'sa-east-1' }),
    '737474898029.dkr.ecr.sa-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  );
});

test('pytorch 2.1 training, cpu and gpu, in us-east-1', () => {
  assert.is(
    uri({ framework: 'pytorch', version: '2.1', scope: 'training', region: 'us-east-1' }),
    '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310',
  );
  assert.is(
    uri({ framework: 'pytorch', version: '2.1', processor: 'gpu', scope: 'training', region: 'us-east-1' }),
    '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-gpu-py310',
  );
});

test('pytorch accepts the full and the short version alike', () => {
  const short = uri({ framework: 'pytorch', version: '2.1', processor: 'gpu', scope: 'inference', region: 'eu-west-1' });
  const full = uri({ framework: 'pytorch', version: '2.1.0', processor: 'gpu', scope: 'inference', region: 'eu-west-1' });
  assert.is(short, '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310');
  assert.is(full, short);
});

test('pytorch processing uses the training image; 1.13 defaults to py39', () => {
  assert.is(
    uri({ framework: 'pytorch', version: '1.13', scope: 'processing', region: 'us-west-2' }),
    '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:1.13.1-cpu-py39',
  );
  assert.is(
    uri({ framework: 'pytorch', version: '2.0.1', pyVersion: 'py310', scope: 'inference', region: 'ap-south-1' }),
    '763104351884.dkr.ecr.ap-south-1.amazonaws.com/pytorch-inference:2.0.1-cpu-py310',
  );
});

test('accounts differ by framework and by region', () => {
  assert.is(
    uri({ framework: 'pytorch', version: '2.1', scope: 'training', region: 'af-south-1' }),
    '626614931356.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310',
  );
  assert.is(
    uri({ framework: 'pytorch', version: '2.1', scope: 'training', region: 'ap-east-1' }),
    '871362719292.dkr.ecr.ap-east-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310',
  );
  assert.is(
    uri({ framework: 'sklearn', version: '1.2-1', scope: 'training', region: 'ap-east-1' }),
    '651117190479.dkr.ecr.ap-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
  );
  assert.is(
    uri({ framework: 'pytorch', version: '1.13', scope: 'inference', region: 'us-gov-west-1' }),
    '442386744353.dkr.ecr.us-gov-west-1.amazonaws.com/pytorch-inference:1.13.1-cpu-py39',
  );
});

test('regions the SDK lists only for some versions', () => {
  // ISO-F regions: listed for pytorch 2.1.0 but not 2.0.1.
  assert.is(
    uri({ framework: 'pytorch', version: '2.1', scope: 'training', region: 'us-isof-east-1' }),
    '303241398832.dkr.ecr.us-isof-east-1.csp.hci.ic.gov/pytorch-training:2.1.0-cpu-py310',
  );
  const isof = failure({ framework: 'pytorch', version: '2.0', scope: 'training', region: 'us-isof-east-1' });
  assert.is(isof.problem, 'region');
  assert.not.ok(isof.allowed.includes('us-isof-east-1'));
  assert.ok(isof.allowed.includes('ap-east-2'));
  // ap-east-2: a DLC region, not a scikit-learn one.
  const apEast2 = failure({ framework: 'sklearn', version: '1.2-1', scope: 'training', region: 'ap-east-2' });
  assert.is(apEast2.problem, 'region');
});

test('failure: unknown framework', () => {
  const result = failure({ framework: 'tensorflow', version: '2.13', scope: 'training', region: 'us-east-1' });
  assert.equal(result, { ok: false, problem: 'framework', allowed: ['pytorch', 'sklearn', 'xgboost'] });
});

test('failure: unknown version', () => {
  assert.equal(failure({ framework: 'sklearn', version: '1.3-1', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'version',
    allowed: ['0.23-1', '1.0-1', '1.2-1'],
  });
  assert.equal(failure({ framework: 'xgboost', version: '1.7', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'version',
    allowed: ['1.3-1', '1.5-1', '1.7-1'],
  });
  assert.equal(failure({ framework: 'pytorch', version: '2.2', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'version',
    allowed: ['1.13', '1.13.1', '2.0', '2.0.1', '2.1', '2.1.0'],
  });
});

test('failure: unknown region lists the regions of that version, sorted', () => {
  const result = failure({ framework: 'sklearn', version: '1.2-1', scope: 'training', region: 'us-east-3' });
  assert.is(result.problem, 'region');
  assert.equal(result.allowed, [...result.allowed].sort());
  assert.is(result.allowed.length, 37);
  for (const region of [
    'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1',
    'ap-southeast-2', 'ap-northeast-1', 'ca-central-1', 'eu-west-2', 'sa-east-1', 'ap-south-1',
  ]) {
    assert.ok(result.allowed.includes(region), region);
  }
  const pytorch = failure({ framework: 'pytorch', version: '2.1.0', scope: 'inference', region: 'eu-west-9' });
  assert.is(pytorch.problem, 'region');
  assert.is(pytorch.allowed.length, 42);
  assert.equal(pytorch.allowed, [...pytorch.allowed].sort());
});

test('failure: gpu for sklearn and xgboost 1.x', () => {
  assert.equal(failure({ framework: 'sklearn', version: '1.2-1', processor: 'gpu', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'processor',
    allowed: ['cpu'],
  });
  assert.equal(failure({ framework: 'xgboost', version: '1.7-1', processor: 'gpu', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'processor',
    allowed: ['cpu'],
  });
});

test('failure: unknown processor for pytorch', () => {
  const request = { framework: 'pytorch', version: '2.1', processor: 'tpu', scope: 'training', region: 'us-east-1' } as unknown as ImageRequest;
  assert.equal(failure(request), { ok: false, problem: 'processor', allowed: ['cpu', 'gpu'] });
});

test('failure: python version not built for that version', () => {
  assert.equal(failure({ framework: 'pytorch', version: '2.1', pyVersion: 'py39', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'pyVersion',
    allowed: ['py310'],
  });
  assert.equal(failure({ framework: 'pytorch', version: '1.13', pyVersion: 'py310', scope: 'inference', region: 'us-east-1' }), {
    ok: false,
    problem: 'pyVersion',
    allowed: ['py39'],
  });
  assert.equal(failure({ framework: 'sklearn', version: '1.2-1', pyVersion: 'py310', scope: 'training', region: 'us-east-1' }), {
    ok: false,
    problem: 'pyVersion',
    allowed: ['py3'],
  });
});

test('deterministic: same request, same answer', () => {
  const request: ImageRequest = { framework: 'pytorch', version: '2.0', processor: 'gpu', scope: 'training', region: 'eu-west-2' };
  const first = resolveImageUri(request);
  assert.equal(resolveImageUri({ ...request }), first);
  assert.equal(first, { ok: true, uri: '763104351884.dkr.ecr.eu-west-2.amazonaws.com/pytorch-training:2.0.1-gpu-py310' });
});

test.run();
