// Lookups in records that came from YAML. Keys such as "constructor" or "__proto__" are plain
// data there, so every lookup must see own keys only, never Object.prototype.
export function hasOwn(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
