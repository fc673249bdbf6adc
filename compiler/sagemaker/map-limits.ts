// The entry and value limits of a botocore map shape (an EnvironmentMap), for context.checkStringMap.
import { apiShapes, type ApiShape } from './api-shapes.js';

const maxOf = (shape: ApiShape | undefined): number => (shape && 'max' in shape && shape.max !== undefined ? shape.max : Infinity);

/** How many entries the map shape `name` takes and how long each value may be (Infinity where botocore sets no bound). */
export function mapLimits(name: string): { entries: { max: number }; value: { max: number } } {
  const shape = apiShapes.shapes[name];
  const value = shape && 'value' in shape && typeof shape.value === 'string' ? apiShapes.shapes[shape.value] : undefined;
  return { entries: { max: maxOf(shape) }, value: { max: maxOf(value) } };
}
