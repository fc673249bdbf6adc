// The script-flow rules on a copy of a built-in step with misalignments of every kind the flow
// sees (each found at its line), and on hostile scripts (deep nesting, recursion) that must
// neither crash nor hang. The rule-by-rule fixtures are in fixtures/errors/ (diagnostics.test).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { followScript } from '../compiler/check/script-flow/flow.js';
import { parsePython, repo, runPlcInProcess, tempDir } from './support/helpers.js';

function copiedBuiltin(edit: (script: string) => string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'steps/scripts'), { recursive: true });
  const step = readFileSync(join(repo, 'steps/tabular-preprocessing.step.yaml'), 'utf8').replace('name: TabularPreprocessing', 'name: MyPrep');
  writeFileSync(join(dir, 'steps/my-prep.step.yaml'), step.replace('RANDOM_SEED: ${config.randomSeed}', 'RANDOM_SEED: ${config.randomSed}'));
  for (const file of ['plc_step.py', 'plc_tables.py']) cpSync(join(repo, 'steps/scripts', file), join(dir, 'steps/scripts', file));
  writeFileSync(join(dir, 'steps/scripts/tabular_preprocessing.py'), edit(readFileSync(join(repo, 'steps/scripts/tabular_preprocessing.py'), 'utf8')));
  return dir;
}

test('a copied built-in step: what main() really reads is checked, not only what it declares', async () => {
  const dir = copiedBuiltin((script) =>
    script
      .replace('    data_dir = input_paths["data"]', '    data_dir = input_paths["data"]\n    lookup = input_paths["lookup"]\n    mode = environ_vars.get("MODE")\n    extra = env.text("EXTRA_FIELD")\n    cache = "/opt/ml/processing/input/cache/x.csv"')
      .replace('    out_dir = output_paths["processed_data"]', '    out_dir = "/opt/ml/processing/output"'));
  const result = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(result.status, 1);
  const found = (JSON.parse(result.stdout) as { diagnostics: { code: string; file: string; range: { start: { line: number } } }[] }).diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code}`);
  // Each finding at the line of what it is about, wherever edits to the built-in files move it.
  const step = readFileSync(join(dir, 'steps/my-prep.step.yaml'), 'utf8');
  const script = readFileSync(join(dir, 'steps/scripts/tabular_preprocessing.py'), 'utf8');
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  assert.equal(found, [
    `steps/my-prep.step.yaml:${lineOf(step, 'path: /opt/ml/processing/output')} PLC4020`,
    `steps/my-prep.step.yaml:${lineOf(step, 'randomSeed: {')} PLC4026`,
    `steps/my-prep.step.yaml:${lineOf(step, 'RANDOM_SEED: ${config.randomSed}')} PLC2004`,
    `steps/scripts/tabular_preprocessing.py:${lineOf(script, 'lookup = input_paths["lookup"]')} PLC4019`,
    `steps/scripts/tabular_preprocessing.py:${lineOf(script, 'mode = environ_vars.get("MODE")')} PLC4021`,
    `steps/scripts/tabular_preprocessing.py:${lineOf(script, 'extra = env.text("EXTRA_FIELD")')} PLC4021`,
    `steps/scripts/tabular_preprocessing.py:${lineOf(script, 'cache = "/opt/ml/processing/input/cache/x.csv"')} PLC4023`,
  ]);
});

test('a copied built-in step left as it is checks clean', async () => {
  const dir = copiedBuiltin((script) => script);
  const step = join(dir, 'steps/my-prep.step.yaml');
  writeFileSync(step, readFileSync(step, 'utf8').replace('${config.randomSed}', '${config.randomSeed}'));
  const result = await runPlcInProcess(['check', '--fail-level', 'info'], dir);
  assert.is(result.status, 0, result.stderr);
});

test('hostile scripts: deep nesting and recursion through main are followed without crashing or hanging', async () => {
  const nested = `${'('.repeat(3000)}input_paths["data"]${')'.repeat(3000)}`;
  const script = [
    'def ping(environ_vars, n):',
    '    return pong(environ_vars, n) + environ_vars["A"]',
    'def pong(environ_vars, n):',
    '    return ping(environ_vars, n) + ping(environ_vars, n)',
    'def main(input_paths, output_paths, environ_vars, job_args):',
    `    x = ${nested}`,
    '    return ping(environ_vars, 1)',
    'if __name__ == "__main__":',
    '    main({"data": "/opt/ml/processing/input/data"}, {}, {}, None)',
  ].join('\n');
  const started = Date.now();
  const flow = followScript(parsePython(script), 'hostile.py');
  assert.ok(Date.now() - started < 5000, 'bounded');
  assert.equal([...new Set(flow.reads.map((r) => `${r.container}:${r.name}`))].sort(), ['environ_vars:A', 'input_paths:data']);
  assert.equal([...flow.main!.passed.input_paths!.keys], [['data', '/opt/ml/processing/input/data']]);
});

test.run();
