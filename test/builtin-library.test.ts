// The precompiled built-in library (compiler/link/builtin-library.ts): `npm run build` covers
// every built-in step file (with its job-type variants) and script, what it stored is exactly what loading them afresh gives,
// and an edited file is loaded afresh instead of served stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { configJsonSchema } from '../compiler/bind/config-schema.js';
import { analyseScript } from '../compiler/check/script-contract.js';
import { deepMerge } from '../compiler/expand/deep-merge.js';
import { DiagnosticBag } from '../compiler/diagnostics/diagnostic.js';
import { inspectLibrary } from '../compiler/driver.js';
import { precompiledConfigValidator, precompiledScriptAnalysis, precompiledStepData } from '../compiler/link/builtin-library.js';
import { builtinRelativePath, builtinStepFiles, stepFolder, type StepType } from '../compiler/link/step-library.js';
import { loadYaml, type Session } from '../compiler/load/load-yaml.js';
import { validateDocument, validateStepData } from '../compiler/validate/validate-document.js';
import { parsePython, repo } from './support/helpers.js';

const files = builtinStepFiles();

test('every built-in step file is precompiled, with the data loading it afresh gives', () => {
  assert.ok(files.length >= 20, `${files.length} files`);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const precompiled = precompiledStepData(builtinRelativePath(file), text);
    assert.ok(precompiled, `${file} is precompiled (run npm run build)`);
    const session: Session = { cwd: repo, bag: new DiagnosticBag(), sources: new Map() };
    const loaded = loadYaml(file, session)!;
    assert.equal(precompiled.data, validateDocument(loaded, 'Step', session.bag), file);
  }
});

test("every built-in step type's job-type variants are precompiled, each what merging and validating it afresh gives", () => {
  let variants = 0;
  for (const file of files) {
    const precompiled = precompiledStepData(builtinRelativePath(file), readFileSync(file, 'utf8'))!;
    const { variants: written, ...base } = precompiled.data as StepType['doc'];
    assert.equal(Object.keys(precompiled.variants), Object.keys(written ?? {}), file);
    for (const [jobType, variant] of Object.entries(written ?? {})) {
      const bag = new DiagnosticBag();
      const source = loadYaml(file, { cwd: repo, bag, sources: new Map() })!.source.overlay(['variants', jobType]);
      assert.equal(JSON.parse(precompiled.variants[jobType]!), validateStepData(deepMerge(base, variant), source, (path) => path.join('.'), bag), `${file} (${jobType})`);
      assert.equal(bag.sorted(), [], `${file} (${jobType})`);
      variants++;
    }
  }
  assert.ok(variants >= 10, `${variants} variants`);
});

test('an edited built-in step file is not served from the precompiled library', () => {
  const file = files[0]!;
  assert.is(precompiledStepData(builtinRelativePath(file), readFileSync(file, 'utf8') + '\n'), undefined);
});

test('every built-in step type and variant has its config validator precompiled', () => {
  const { library } = inspectLibrary({ cwd: repo });
  for (const step of library.steps.values()) {
    const { variants, ...base } = step.doc;
    assert.ok(precompiledConfigValidator(configJsonSchema(step).jsonSchema), step.doc.name);
    for (const [jobType, variant] of Object.entries(variants ?? {})) {
      const doc = deepMerge(base, variant) as StepType['doc'];
      assert.ok(precompiledConfigValidator(configJsonSchema({ ...step, doc }).jsonSchema), `${step.doc.name} (${jobType})`);
    }
  }
});

test("every built-in script's precompiled analysis is what parsing it now finds", () => {
  const { library } = inspectLibrary({ cwd: repo });
  let scripts = 0;
  for (const step of library.steps.values()) {
    const script = step.doc.script;
    if (!script) continue;
    const entry = join(stepFolder(step), script.sourceDir ?? '.', script.entryPoint);
    const text = readFileSync(entry, 'utf8');
    assert.equal(precompiledScriptAnalysis(text, 'shown/path.py'), analyseScript(parsePython(text), 'shown/path.py'), entry);
    scripts++;
  }
  assert.ok(scripts >= 15, `${scripts} scripts`);
  assert.is(precompiledScriptAnalysis('import os\n', 'x.py'), undefined);
});

test.run();
