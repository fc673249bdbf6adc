// Whether an output can feed an input by their port types, the one rule wiring and the catalog
// checks share: the same type, or `any` on either side.
export const typesMatch = (from: string, to: string): boolean => from === to || from === 'any' || to === 'any';
