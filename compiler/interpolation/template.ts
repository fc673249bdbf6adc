// Parses `${…}` interpolation in YAML strings. `$${` writes a literal `${`.
export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `ref` is the text between the braces; offset/length locate `${…}` in the string. */
  | { kind: 'ref'; ref: string; offset: number; length: number };

export type ParsedTemplate = { ok: true; parts: TemplatePart[] } | { ok: false; offset: number; detail: string };

export function parseTemplate(text: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let buffer = '';
  let i = 0;
  // From one `$` to the next, rather than copying the text a character at a time.
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      buffer += text.slice(i);
      break;
    }
    buffer += text.slice(i, dollar);
    i = dollar;
    if (text.startsWith('$${', i)) {
      buffer += '${';
      i += 3;
    } else if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return { ok: false, offset: i, detail: 'missing closing }' };
      if (buffer) parts.push({ kind: 'text', text: buffer });
      buffer = '';
      parts.push({ kind: 'ref', ref: text.slice(i + 2, close).trim(), offset: i, length: close + 1 - i });
      i = close + 1;
    } else {
      buffer += '$';
      i += 1;
    }
  }
  if (buffer) parts.push({ kind: 'text', text: buffer });
  return { ok: true, parts };
}

/** The reference when `text` is exactly one `${…}` and nothing else, e.g. `config.labelField`. */
export function singleReference(text: string): string | undefined {
  const parsed = parseTemplate(text);
  return parsed.ok && parsed.parts.length === 1 && parsed.parts[0]!.kind === 'ref' ? parsed.parts[0]!.ref : undefined;
}
