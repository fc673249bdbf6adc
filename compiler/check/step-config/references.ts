// Every `${config.<field>}` a step document writes — in script.env, arguments, compute, the kind
// sections, variants and derived fields — with where it is, for the rules that compare them with
// the fields the step's config declares.
import { parseTemplate } from '../../interpolation/template.js';
import type { StepType } from '../../link/step-library.js';
import type { DataPath, Location } from '../../source/source-file.js';

export interface ConfigReference { name: string; at: Location }

export function configReferences(step: StepType): ConfigReference[] {
  const found: ConfigReference[] = [];
  const visit = (value: unknown, path: DataPath) => {
    if (typeof value === 'string') {
      const parsed = parseTemplate(value);
      if (!parsed.ok) return; // malformed templates are reported where they are bound (PLC1006)
      for (const part of parsed.parts) {
        if (part.kind === 'ref' && part.ref.startsWith('config.')) found.push({ name: part.ref.slice('config.'.length), at: step.source.locateWithin(path, part.offset, part.length) });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(step.doc, []);
  return found;
}
