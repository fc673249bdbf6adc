// `npm run build` step: precompiles the built-in step library (with its job-type variants merged) and analyses its scripts (contracts and what main() does)
// (see builtin-library.ts). A file is
// precompiled only when it loads and validates without a single diagnostic and its data survives
// JSON unchanged; any other file is left to be loaded at run time, where its problems are reported.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import standalone from 'ajv/dist/standalone/index.js';
import { builtinStepsDir } from '../../schema/paths.js';
import type { StepDocument } from '../../schema/types.generated.js';
import { configJsonSchema } from '../bind/config-schema.js';
import { loadPythonParser } from '../check/python/parser.js';
import { analyseScript } from '../check/script-contract.js';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { deepMerge } from '../expand/deep-merge.js';
import { loadYaml, type Session } from '../load/load-yaml.js';
import { createAjv, validateDocument, validateStepData } from '../validate/validate-document.js';
import { builtinConfigValidatorPath, builtinLibraryPath, contentHash, scriptAnalysisJson, validatorKey, type BuiltinManifest } from './builtin-library.js';
import { builtinRelativePath, builtinStepFiles } from './step-library.js';

const manifest: BuiltinManifest = { steps: {}, scriptAnalyses: {} };
const parsePython = await loadPythonParser();
const ajv = createAjv({ code: { source: true } });
const exports: Record<string, string> = {};

for (const file of builtinStepFiles()) {
  const session: Session = { cwd: builtinStepsDir, bag: new DiagnosticBag(), sources: new Map() };
  const loaded = loadYaml(file, session);
  const doc = loaded && validateDocument(loaded, 'Step', session.bag);
  if (!loaded || !doc || session.bag.sorted().length > 0 || !isDeepStrictEqual(JSON.parse(JSON.stringify(doc)), doc)) continue;
  const { variants, ...base } = doc;
  const merged: Record<string, string> = {};
  for (const [jobType, variant] of Object.entries(variants ?? {})) {
    const bag = new DiagnosticBag();
    const variantDoc = validateStepData(deepMerge(base, variant), loaded.source.overlay(['variants', jobType]), (path) => path.join('.'), bag);
    if (variantDoc && bag.sorted().length === 0 && isDeepStrictEqual(JSON.parse(JSON.stringify(variantDoc)), variantDoc)) merged[jobType] = JSON.stringify(variantDoc);
  }
  manifest.steps[builtinRelativePath(file)] = { sha256: contentHash(loaded.source.text), json: JSON.stringify(doc), ...(Object.keys(merged).length > 0 ? { variants: merged } : {}) };
  const entry = doc.script && resolve(dirname(file), doc.script.sourceDir ?? '.', doc.script.entryPoint);
  if (entry && existsSync(entry)) {
    const text = readFileSync(entry, 'utf8');
    manifest.scriptAnalyses[contentHash(text)] = scriptAnalysisJson(analyseScript(parsePython(text), ''));
  }
  // The base step type and each job-type variant, merged the way expand-variants.ts merges them.
  const docs = [doc, ...Object.values(variants ?? {}).map((variant) => deepMerge(base, variant) as StepDocument)];
  for (const stepDoc of docs) {
    const { jsonSchema } = configJsonSchema({ doc: stepDoc, source: loaded.source, builtin: true });
    const key = validatorKey(contentHash(JSON.stringify(jsonSchema)));
    if (exports[key]) continue;
    try {
      ajv.addSchema(jsonSchema, key);
      ajv.getSchema(key);
      exports[key] = key;
    } catch {
      ajv.removeSchema(key); // an invalid config schema is compiled, and reported, at run time
    }
  }
}
mkdirSync(dirname(builtinLibraryPath), { recursive: true });
writeFileSync(builtinLibraryPath, JSON.stringify(manifest));
// ajv's standalone modules are CommonJS, one per validator (named by its key), so a run compiles only those it uses.
rmSync(dirname(builtinConfigValidatorPath('')), { recursive: true, force: true });
mkdirSync(dirname(builtinConfigValidatorPath('')), { recursive: true });
for (const key of Object.keys(exports)) writeFileSync(builtinConfigValidatorPath(key), standalone.default(ajv, { [key]: key }));
