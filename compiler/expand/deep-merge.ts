// The one merge rule for job-type variants: mappings merge key by key, lists and scalars
// replace, and an explicit null removes the key. Keys such as __proto__ stay plain data
// (Object.fromEntries defines own properties; assignment would set the prototype).
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isMapping = (value: unknown): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value);

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMapping(base) || !isMapping(override)) return override;
  const merged = new Map<string, unknown>(Object.entries(base));
  for (const [key, value] of Object.entries(override)) {
    if (value === null) merged.delete(key);
    else merged.set(key, merged.has(key) ? deepMerge(merged.get(key), value) : value);
  }
  return Object.fromEntries(merged);
}
