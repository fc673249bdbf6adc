// Every config field of every built-in step type whose value lands in a member that the SageMaker
// API model constrains must be checked: the field is set to a sentinel to find where its value
// lands in the definition, then to a value breaking that member's constraint, which must be refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { matchesJavaPattern } from '../compiler/check/request-shapes.js';
import { compilePipeline } from '../compiler/driver.js';
import { apiShapes, type ApiShape } from '../compiler/sagemaker/api-shapes.js';
import { catalog, pipelineText, plainNode, type CatalogField } from './support/catalog.js';
import { tempDir } from './support/helpers.js';

interface Landing { member: string; shape: ApiShape }

/** Where `sentinel` sits in a step's Arguments, with the constrained shape of each place. */
function landings(args: unknown, shapeName: string | undefined, sentinel: unknown, member = ''): Landing[] {
  const shape = shapeName === undefined ? undefined : apiShapes.shapes[shapeName];
  if (args === sentinel) return shape && (shape.type === 'string' || shape.type === 'number') ? [{ member, shape }] : [];
  if (args === null || typeof args !== 'object') return [];
  const children = Array.isArray(args) ? args.map((item, i) => [String(i), item] as const) : Object.entries(args);
  return children.flatMap(([key, inner]) => {
    const next = !shape ? undefined : shape.type === undefined ? shape.members[key] : shape.type === 'list' ? shape.item : shape.type === 'map' ? shape.value : undefined;
    return landings(inner, next, sentinel, member ? `${member}.${key}` : key);
  });
}

/** Values the shape refuses: one past each bound, and one its pattern does not match. */
function breaking(shape: ApiShape): unknown[] {
  if (shape.type === 'number') return [shape.max === undefined ? undefined : shape.max + 1, shape.min === undefined ? undefined : shape.min - 1].filter((v) => v !== undefined);
  if (shape.type !== 'string') return [];
  // The compiler's reading of a botocore (Java) pattern, so that the test breaks what the check enforces.
  const pattern = shape.pattern;
  return [
    shape.max === undefined ? undefined : 'a'.repeat(shape.max + 1),
    shape.min === undefined || shape.min === 0 ? undefined : '',
    pattern && ['x_y', 'é', ' ', '\n', '-', ''].find((candidate) => !matchesJavaPattern(pattern, candidate)),
  ].filter((v) => v !== undefined);
}

const sentinelFor = (field: CatalogField): unknown => (field.type === 'integer' || field.type === 'number' ? 7654321 : field.type === 'string' && !field.enum ? 'plcsentinel' : undefined);

test('every built-in config value that reaches a constrained API member is checked there', () => {
  const dir = tempDir();
  let constrained = 0;
  const unchecked: string[] = [];
  for (const step of catalog()) {
    for (const [key, field] of Object.entries(step.config)) {
      const sentinel = sentinelFor(field);
      if (sentinel === undefined) continue;
      const build = (value: unknown) => {
        const file = join(dir, 'p.pipeline.yaml');
        writeFileSync(file, pipelineText({ n: plainNode(step, 'n', { [key]: value }) }));
        return compilePipeline(file, { cwd: dir });
      };
      // Sentinels outside a field's own range are refused by its config schema: nothing lands.
      const found = build(sentinel).files;
      if (!found) continue;
      const definition = JSON.parse(found[0]!.contents) as { Steps: { Type: string; Arguments: unknown }[] };
      for (const definitionStep of definition.Steps) {
        for (const landing of landings(definitionStep.Arguments, apiShapes.requests[definitionStep.Type], sentinel)) {
          for (const value of breaking(landing.shape)) {
            constrained += 1;
            const errors = build(value).diagnostics.filter((d) => d.severity === 'error');
            if (errors.length === 0) unchecked.push(`${step.name}.${key} = ${JSON.stringify(value).slice(0, 40)} reaches ${definitionStep.Type} ${landing.member} unchecked`);
          }
        }
      }
    }
  }
  assert.equal(unchecked, []);
  assert.ok(constrained >= 10, `${constrained} breaking values of config fields in constrained members`);
});

test.run();
