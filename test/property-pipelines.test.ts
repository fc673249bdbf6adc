// Property: any pipeline put together from the built-in catalog — random node counts, wiring, job
// types, parameters, conditions, and config values that break API patterns or ranges — is either
// refused with a diagnostic or yields a definition that the botocore-based oracle
// (test/support/check_definition.py) accepts. Never a throw, never an invalid definition.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePipeline } from '../compiler/driver.js';
import { catalog, inputSource, pipelineText, plainNode, plainValue, ports, type CatalogPorts } from './support/catalog.js';
import { botocorePython, haveBotocore, repo, tempDir } from './support/helpers.js';

const runs = 500;
const steps = catalog();

const hostileStrings = ['x_y', 'é', '', ' ', 'a'.repeat(300), 'bad/name', '-lead', 'trail-', 'ml.fake.xlarge', 'a\nb', '${params.P0}', '${params.P1}', '${params.P2}', '${execution.PipelineExecutionId}'];
const hostileNumbers = [-1, 0, 1, 2 ** 31, 1e12, 0.5, 9007199254740991, 100001];

// Mostly the field's own plain value (undefined here), so that many pipelines build.
const value = fc.oneof(
  { arbitrary: fc.constant<unknown>(undefined), weight: 12 },
  { arbitrary: fc.constantFrom<unknown>(...hostileStrings), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(...hostileNumbers), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
);

const nodePlan = fc.record({
  step: fc.nat(steps.length - 1),
  jobType: fc.nat(40),
  inputs: fc.array(fc.nat(50), { minLength: 6, maxLength: 6 }),
  overrides: fc.array(fc.tuple(fc.nat(50), value), { maxLength: 3 }),
  after: fc.option(fc.nat(10)),
});

// P0 (Integer) and P1 (String) are always declared, since values may name them; more are random,
// with defaults of their type, or now and then of another.
const defaults = {
  String: fc.constantFrom<unknown>('s3://bucket/x', 'x_y', 'text', ''),
  Integer: fc.integer(),
  Float: fc.double({ noNaN: true, noDefaultInfinity: true }),
  Boolean: fc.boolean(),
};
const parameterPlan = fc.constantFrom(...(Object.keys(defaults) as (keyof typeof defaults)[])).chain((type) =>
  fc.record({ type: fc.constant(type), default: fc.oneof({ arbitrary: defaults[type], weight: 9 }, { arbitrary: fc.oneof(...Object.values(defaults)), weight: 1 }) }));

const pipelinePlan = fc.record({
  nodes: fc.array(nodePlan, { minLength: 1, maxLength: 6 }),
  parameters: fc.array(parameterPlan, { maxLength: 2 }),
  condition: fc.option(fc.record({ left: fc.constantFrom('${params.P0}', 1, 'x'), right: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant('${params.P2}')), failElse: fc.boolean() })),
});

type Plan = typeof pipelinePlan extends fc.Arbitrary<infer T> ? T : never;

/** The pipeline document a plan describes: later nodes read earlier nodes' outputs where types agree. */
function pipelineFor(plan: Plan): string {
  const nodes: Record<string, unknown> = {};
  const made: { id: string; ports: CatalogPorts }[] = [];
  plan.nodes.forEach((nodePlan, i) => {
    const step = steps[nodePlan.step]!;
    const id = `n${i}`;
    const config: Record<string, unknown> = {};
    const fields = Object.keys(step.config);
    for (const [pick, override] of nodePlan.overrides) {
      if (fields.length === 0) break;
      const key = fields[pick % fields.length]!;
      config[key] = override === undefined ? plainValue(step.config[key]!) : override;
    }
    const node = plainNode(step, id, config);
    const jobType = step.jobTypes.length === 0 ? undefined : nodePlan.jobType === 0 ? 'bogus' : step.jobTypes[nodePlan.jobType % step.jobTypes.length];
    if (jobType !== undefined) node['jobType'] = jobType;
    const own = ports(step, jobType);
    const inputs: Record<string, string> = {};
    own.inputs.forEach((input, k) => {
      const pick = nodePlan.inputs[k % nodePlan.inputs.length]!;
      const producers = made.flatMap(({ id: producer, ports: p }) => p.outputs.filter((o) => o.type === input.type).map((o) => `${producer}.${o.port}`));
      if (producers.length > 0 && pick % 3 !== 0) inputs[input.port] = producers[pick % producers.length]!;
      else if (input.required || pick % 5 === 1) inputs[input.port] = inputSource(input.type, id, input.port);
    });
    node['inputs'] = inputs;
    if (nodePlan.after !== null && i > 0) node['after'] = [`n${nodePlan.after % i}`];
    nodes[id] = node;
    made.push({ id, ports: own });
  });
  if (plan.condition && made.length >= 2) {
    const last = made[made.length - 1]!.id;
    nodes['gate'] = { condition: { greaterThanOrEqual: [plan.condition.left, plan.condition.right] }, then: [last], ...(plan.condition.failElse ? { else: ['stop'] } : {}) };
    if (plan.condition.failElse) nodes['stop'] = { fail: 'below the threshold' };
  }
  const parameters = { P0: { type: 'Integer', default: 3 }, P1: { type: 'String', default: 's3://bucket/p1' }, ...Object.fromEntries(plan.parameters.map((p, i) => [`P${i + 2}`, p])) };
  return pipelineText(nodes, { parameters });
}

test(`${runs} random catalog pipelines are refused with a diagnostic or build definitions SageMaker accepts`, () => {
  if (!haveBotocore()) return;
  const dir = tempDir();
  const built: { definition: string; pipeline: string }[] = [];
  let refused = 0;
  let index = 0;
  fc.assert(
    fc.property(pipelinePlan, (plan) => {
      const pipeline = pipelineFor(plan);
      const file = join(dir, `case-${index++}.pipeline.yaml`);
      writeFileSync(file, pipeline);
      const result = compilePipeline(file, { cwd: dir });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        refused += 1;
        assert.ok(errors.every((d) => /^PLC\d{4}$/.test(d.code) && d.range.start.line >= 1), 'each refusal is a located diagnostic');
        return;
      }
      assert.ok(result.files, 'a pipeline without errors builds');
      const definition = join(dir, `case-${index}.json`);
      writeFileSync(definition, result.files![0]!.contents);
      built.push({ definition, pipeline });
    }),
    { numRuns: runs, seed: 20261201 },
  );
  // One python process checks every definition (the botocore model loads once).
  const checked = spawnSync(botocorePython!, [join(repo, 'test/support/check_definitions.py'), ...built.map((b) => b.definition)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.is(checked.status, 0, checked.stderr);
  const violations = JSON.parse(checked.stdout) as Record<string, { step: string | null; path: string; message: string }[]>;
  for (const { definition, pipeline } of built) {
    const found = violations[definition] ?? [];
    assert.equal(found, [], `${pipeline}\n→ ${found.map((v) => `${v.step}: ${v.path}: ${v.message}`).join('\n')}`);
  }
  // Both outcomes must be common, or the generator tests little.
  assert.ok(built.length >= runs / 10 && refused >= runs / 10, `${built.length} built, ${refused} refused`);
});

test.run();
