// plc check as a CI gate: discovery, formats (SARIF validated against the official 2.1.0 schema,
// GitHub workflow commands), fail levels and exit codes.
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fixture, repo, runPlcInProcess, tempDir } from './support/helpers.js';

const require = createRequire(import.meta.url);

test('every built-in step type and every example passes plc check with no finding', async () => {
  const result = await runPlcInProcess(['check', 'steps', 'examples']);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stderr, /^plc check: \d+ files \(2 pipelines, \d+ step types\), \d+ nodes: 0 errors, 0 warnings, 0 infos, 0 suppressed\n$/);
});

test('with no files, plc check finds pipelines and step types below the folder, skipping node_modules and hidden folders', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'team/pipelines'), { recursive: true });
  cpSync(join(repo, 'fixtures/builds/variants/steps'), join(dir, 'team/pipelines/steps'), { recursive: true });
  cpSync(join(repo, 'fixtures/builds/variants/pipeline.yaml'), join(dir, 'team/pipelines/variants.pipeline.yaml'));
  mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/x/broken.pipeline.yaml'), 'kind: [');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git/broken.step.yaml'), 'kind: [');
  const result = await runPlcInProcess(['check'], dir);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stderr, /plc check: 2 files \(1 pipeline, 1 step type\), 4 nodes: 0 errors/);
});

test('# plc-ignore-next-line hides a finding, counts it, and reports suppressions without reason, code or use', async () => {
  const cases = ['suppression-without-reason', 'suppression-unknown-code', 'suppression-hides-nothing'];
  const result = await runPlcInProcess(['check', ...cases.map((name) => fixture('errors', name, 'pipeline.yaml')), '--format', 'json']);
  assert.is(result.status, 1);
  const codes = (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  assert.equal(codes, ['PLC0011', 'PLC0010', 'PLC0009']);
  assert.match(result.stderr, /2 errors, 1 warning, 0 infos, 1 suppressed\n$/);
});

test('a suppression without a reason hides nothing', async () => {
  const dir = tempDir();
  const lines = readFileSync(fixture('errors/unused-default/pipeline.yaml'), 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes('lableField'));
  lines.splice(at, 0, '  # plc-ignore-next-line PLC2008');
  writeFileSync(join(dir, 'p.pipeline.yaml'), lines.join('\n'));
  const result = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(result.status, 1);
  const codes = (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  assert.equal(codes, ['PLC0009', 'PLC2008']);
});

test('plc.config.yaml sets rule levels: a warning made an error fails, off drops it, unknown codes are reported', async () => {
  const dir = tempDir();
  cpSync(fixture('errors/unused-default/pipeline.yaml'), join(dir, 'p.pipeline.yaml'));
  writeFileSync(join(dir, 'plc.config.yaml'), 'rules:\n  PLC2008: error\n');
  const raised = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(raised.status, 1);
  assert.equal(JSON.parse(raised.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`), ['PLC2008 error']);
  writeFileSync(join(dir, 'plc.config.yaml'), 'rules:\n  PLC2008: off\n');
  const dropped = await runPlcInProcess(['check', '--fail-level', 'info'], dir);
  assert.is(dropped.status, 0, dropped.stderr);
  writeFileSync(join(dir, 'plc.config.yaml'), 'rules:\n  PLC2080: off\n');
  const unknown = await runPlcInProcess(['check'], dir);
  assert.is(unknown.status, 1);
  assert.match(unknown.stderr, /plc.config.yaml:2:3: error PLC0012: .* unknown code PLC2080 — did you mean "PLC2008"\?/);
});

interface JsonDiagnostic { code: string; severity: string; message: string; file: string; range: { start: { line: number; column: number } } }
const jsonDiagnostics = (stdout: string): JsonDiagnostic[] => (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
const at = (d: JsonDiagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`;

/** legacy/a.pipeline.yaml and current/b.pipeline.yaml, each with one PLC2008 warning on line 9. */
function twoFolders(config: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'legacy'));
  mkdirSync(join(dir, 'current'));
  cpSync(fixture('errors/unused-default/pipeline.yaml'), join(dir, 'legacy/a.pipeline.yaml'));
  cpSync(fixture('errors/unused-default/pipeline.yaml'), join(dir, 'current/b.pipeline.yaml'));
  writeFileSync(join(dir, 'plc.config.yaml'), config);
  return dir;
}

// The definition-size findings come from the whole definition, yet they are findings like any other:
// the pipeline's name: line carries them, so a comment above it, rule levels and ignores apply.
test('the definition-size findings (PLC5018, PLC5019) honour # plc-ignore-next-line, rule levels and ignores', async () => {
  const dir = tempDir();
  const nodes = (count: number) => Array.from({ length: count }, (_, i) => `  n${i}: { step: TabularPreprocessing, jobType: testing, inputs: { data: s3://bucket/in }${i > 0 ? `, after: [n${i - 1}]` : ''} }`).join('\n');
  const pipeline = (count: number, comment = '') => `kind: Pipeline\n${comment}name: big\nregion: us-east-1\ncodePrefix: s3://bucket/code\ndefaults:\n  role: arn:aws:iam::111122223333:role/SageMakerExecution\n  outputPrefix: s3://bucket/out\n  labelField: label\nnodes:\n${nodes(count)}\n`;
  const codes = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  writeFileSync(join(dir, 'big.pipeline.yaml'), pipeline(100));
  assert.equal(codes((await runPlcInProcess(['check', '--format', 'json'], dir)).stdout), ['PLC5019']);
  writeFileSync(join(dir, 'big.pipeline.yaml'), pipeline(100, '# plc-ignore-next-line PLC5019: our deploy job uploads definitions to S3\n'));
  const commented = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.equal(codes(commented.stdout), []);
  assert.match(commented.stderr, /0 errors, 0 warnings, 0 infos, 1 suppressed\n$/);
  writeFileSync(join(dir, 'big.pipeline.yaml'), pipeline(900, '# plc-ignore-next-line PLC5018: split in the next release\n'));
  const huge = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(huge.status, 0, huge.stderr);
  assert.match(huge.stderr, /0 errors, 0 warnings, 0 infos, 1 suppressed\n$/);
  writeFileSync(join(dir, 'big.pipeline.yaml'), pipeline(100));
  writeFileSync(join(dir, 'plc.config.yaml'), 'rules:\n  PLC5019: error\n');
  const raised = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(raised.status, 1);
  assert.equal(codes(raised.stdout), ['PLC5019']);
  writeFileSync(join(dir, 'plc.config.yaml'), 'ignores:\n  - files: ["big.pipeline.yaml"]\n    rules: [PLC5019]\n    reason: uploaded by the deploy job\n');
  const ignored = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.equal(codes(ignored.stdout), []);
  assert.match(ignored.stderr, /1 suppressed\n$/);
});

test('plc.config.yaml ignores drop findings in files matching their globs and count them as suppressed', async () => {
  const dir = twoFolders('ignores:\n  - files: ["legacy/**"]\n    reason: frozen until the migration\n');
  const checked = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(checked.status, 0, checked.stderr);
  assert.equal(jsonDiagnostics(checked.stdout).map(at), ['current/b.pipeline.yaml:9:3 PLC2008']);
  assert.match(checked.stderr, /0 errors, 1 warning, 0 infos, 1 suppressed\n$/);
  const built = await runPlcInProcess(['build', 'legacy/a.pipeline.yaml'], dir);
  assert.is(built.status, 0, built.stderr);
  assert.is(built.stderr, '', 'the warning is ignored, and an ignore is never judged unused by build');
  assert.match((await runPlcInProcess(['build', 'current/b.pipeline.yaml'], dir)).stderr, /current\/b.pipeline.yaml:9:3: warning PLC2008/);
});

test('the rules of an ignore limit the codes it hides', async () => {
  const dir = tempDir();
  // A camelCase port (PLC1011) in a file not named after its step type (PLC1012).
  cpSync(fixture('errors/port-not-snake-case'), join(dir, 'legacy'), { recursive: true });
  renameSync(join(dir, 'legacy/steps/preprocessing.step.yaml'), join(dir, 'legacy/steps/preprocess.step.yaml'));
  cpSync(join(dir, 'legacy/pipeline.yaml'), join(dir, 'legacy/naming.pipeline.yaml'));
  writeFileSync(join(dir, 'plc.config.yaml'), 'ignores:\n  - files: ["legacy/steps/*.step.yaml"]\n    rules: [PLC1012]\n    reason: step files keep their old names\n');
  const result = await runPlcInProcess(['check', 'legacy/naming.pipeline.yaml', '--format', 'json'], dir);
  assert.equal(jsonDiagnostics(result.stdout).map(at), ['legacy/steps/preprocess.step.yaml:6:3 PLC1011']);
  assert.match(result.stderr, /0 errors, 1 warning, 0 infos, 1 suppressed\n$/);
});

test('an ignore needs a reason (a schema error with line and column), and unknown codes in its rules are reported', async () => {
  const dir = twoFolders('ignores:\n  - files: ["legacy/**"]\n    rules: [PLC2008]\n');
  const missing = await runPlcInProcess(['check'], dir);
  assert.is(missing.status, 1);
  assert.match(missing.stderr, /plc.config.yaml:2:5: error PLC0103: "ignores.0" is missing required key "reason"/);
  writeFileSync(join(dir, 'plc.config.yaml'), 'ignores:\n  - files: ["legacy/**"]\n    rules: [PLC2008]\n    reason: "  "\n');
  assert.match((await runPlcInProcess(['check'], dir)).stderr, /plc.config.yaml:4:13: error PLC0105: /);
  writeFileSync(join(dir, 'plc.config.yaml'), 'ignores:\n  - files: ["legacy/**"]\n    rules: [PLC2008, PLC2080]\n    reason: frozen\n');
  const unknown = await runPlcInProcess(['check', '--format', 'json'], dir);
  assert.is(unknown.status, 1);
  const found = jsonDiagnostics(unknown.stdout);
  assert.equal(found.map(at), ['current/b.pipeline.yaml:9:3 PLC2008', 'plc.config.yaml:3:22 PLC0012']);
  assert.is(found[1]!.message, 'plc.config.yaml names unknown code PLC2080 — did you mean "PLC2008"?');
});

test('plc check of the whole project warns about ignores, patterns and codes that hid nothing; partial runs do not', async () => {
  const config = [
    'ignores:',
    '  - files: ["legacy/**", "old/**"]',
    '    rules: [PLC2008, PLC1012]',
    '    reason: frozen until the migration',
    '  - files: ["experiments/**"]',
    '    reason: scratch work',
    '',
  ].join('\n');
  const dir = twoFolders(config);
  const whole = await runPlcInProcess(['check', '--format', 'json', '--fail-level', 'warning'], dir);
  assert.is(whole.status, 1, 'the unused ignores are the only warnings');
  const unused = jsonDiagnostics(whole.stdout).filter((d) => d.code === 'PLC0013');
  assert.equal(unused.map(at), ['plc.config.yaml:2:26 PLC0013', 'plc.config.yaml:3:22 PLC0013', 'plc.config.yaml:5:5 PLC0013']);
  assert.ok(unused.every((d) => d.severity === 'warning'));
  assert.match((await runPlcInProcess(['check', '.'], dir)).stderr, /plc.config.yaml:5:5: warning PLC0013: ignore of every code in experiments\/\*\* \(plc.config.yaml\) hides nothing/);
  for (const partial of [['check', 'legacy'], ['check', 'legacy/a.pipeline.yaml'], ['build', 'legacy/a.pipeline.yaml']]) {
    assert.not.match((await runPlcInProcess(partial, dir)).stderr, /PLC0013/, partial.join(' '));
  }
  writeFileSync(join(dir, 'plc.config.yaml'), `rules:\n  PLC0013: off\n${config}`);
  assert.equal(jsonDiagnostics((await runPlcInProcess(['check', '--format', 'json'], dir)).stdout).map(at), ['current/b.pipeline.yaml:9:3 PLC2008'], 'rules: levels apply to PLC0013');
});

test('findings fail at or above --fail-level; exit codes 0, 1 and 2', async () => {
  const warningOnly = fixture('errors/unused-default/pipeline.yaml');
  assert.is((await runPlcInProcess(['check', warningOnly])).status, 0);
  assert.is((await runPlcInProcess(['check', warningOnly, '--fail-level', 'warning'])).status, 1);
  assert.is((await runPlcInProcess(['check', fixture('errors/wire-missing-port/pipeline.yaml')])).status, 1);
  assert.is((await runPlcInProcess(['check', warningOnly, '--fail-level', 'fatal'])).status, 2);
});

test('--format github prints workflow commands with escaped properties and data', async () => {
  const result = await runPlcInProcess(['check', fixture('errors/unused-default/pipeline.yaml'), fixture('errors/wire-missing-port/pipeline.yaml'), '--format', 'github']);
  const lines = result.stdout.trimEnd().split('\n');
  assert.is(lines.length, 2);
  for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=PLC\d{4}::[^\n]+$/);
  assert.match(lines[0]!, /^::warning file=fixtures\/errors\/unused-default\/pipeline.yaml,line=9,col=3,.*title=PLC2008::default "lableField".*%0ARemove it/);
});

test('--format sarif is valid SARIF 2.1.0 with rule metadata', async () => {
  const cases = ['step-role-mismatch', 'processing-path-outside-opt-ml', 'accepts-unknown-step', 'processing-port-named-code', 'ports-share-path', 'entry-point-outside-folder', 'instance-count-not-integer', 'spot-training-without-max-wait'];
  const result = await runPlcInProcess(['check', ...cases.map((name) => fixture('errors', name, 'pipeline.yaml')), '--format', 'sarif']);
  assert.is(result.status, 1);
  const log = JSON.parse(result.stdout);
  const Ajv04 = (require('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } } }).default;
  const validate = new Ajv04({ strict: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  assert.ok(validate(log), JSON.stringify(validate.errors));
  const run = log.runs[0];
  assert.ok(run.tool.driver.rules.length > 50);
  assert.ok(run.results.length >= 8);
  for (const r of run.results) assert.is(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
  assert.equal(run.results[0].locations[0].physicalLocation.region.startLine > 0, true);
});

test('SARIF rules render well in code scanning: names, descriptions and help without raw {placeholders}, helpUri anchors that exist', async () => {
  const result = await runPlcInProcess(['check', fixture('errors', 'unknown-key', 'pipeline.yaml'), '--format', 'sarif']);
  const run = JSON.parse(result.stdout).runs[0];
  const reference = readFileSync(join(repo, 'docs/diagnostics.md'), 'utf8');
  const names = new Set<string>();
  for (const rule of run.tool.driver.rules as { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[]) {
    assert.match(rule.name, /^[A-Z][A-Za-z0-9]+$/, rule.id);
    names.add(rule.name);
    for (const text of [rule.name, rule.shortDescription.text, rule.fullDescription.text, rule.help.text]) assert.not.match(text, /(?<!\$)\{\w+\}/, `${rule.id}: ${text}`);
    assert.ok(rule.shortDescription.text.length > 10 && rule.shortDescription.text.length <= 1024, rule.id);
    assert.match(rule.help.markdown, /\n\n/, rule.id);
    const anchor = /#(plc\d{4})$/.exec(rule.helpUri)?.[1];
    assert.is(anchor, rule.id.toLowerCase());
    assert.ok(reference.includes(`<a id="${anchor}"></a>`), `${rule.id}: docs/diagnostics.md has its anchor`);
  }
  assert.ok(names.size > run.tool.driver.rules.length * 0.9, 'rule names tell rules apart');
  const [finding] = run.results;
  assert.is(finding.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.match(finding.partialFingerprints['plcFinding/v1'], /^[0-9a-f]{32}$/);
});

test('a project in a subfolder of a repository: SARIF and --format github name repository-relative paths; fingerprints do not move with lines', async () => {
  const root = tempDir();
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'ml/fraud'), { recursive: true });
  const text = readFileSync(fixture('errors', 'unknown-key', 'pipeline.yaml'), 'utf8');
  writeFileSync(join(root, 'ml/fraud/p.pipeline.yaml'), text);
  const project = join(root, 'ml/fraud');
  const sarif = JSON.parse((await runPlcInProcess(['check', '--format', 'sarif'], project)).stdout).runs[0].results[0];
  assert.is(sarif.locations[0].physicalLocation.artifactLocation.uri, 'ml/fraud/p.pipeline.yaml');
  assert.match((await runPlcInProcess(['check', '--format', 'github'], project)).stdout, /^::error file=ml\/fraud\/p\.pipeline\.yaml,line=/);
  writeFileSync(join(root, 'ml/fraud/p.pipeline.yaml'), `# a comment above moves every line\n${text}`);
  const moved = JSON.parse((await runPlcInProcess(['check', '--format', 'sarif'], project)).stdout).runs[0].results[0];
  assert.is(moved.locations[0].physicalLocation.region.startLine, sarif.locations[0].physicalLocation.region.startLine + 1);
  assert.equal(moved.partialFingerprints, sarif.partialFingerprints);
});

test.run();
