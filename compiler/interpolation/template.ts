// Parses `${…}` interpolation in YAML strings. `$${` writes a literal `${`.
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /**
   * `ref` is the text between the braces; offset/length locate `${…}` in the string, `written` is
   * that `${…}`; `namespace` and `name` are `ref` read as <namespace>[.<name>] (no namespace: it is not).
   */
  | { readonly kind: 'ref'; readonly ref: string; readonly offset: number; readonly length: number; readonly written: string; readonly namespace: string | undefined; readonly name: string | undefined };

export type ParsedTemplate = { readonly ok: true; readonly parts: readonly TemplatePart[] } | { readonly ok: false; readonly offset: number; readonly detail: string };

/**
 * Each text parsed once: a step type's bindings are the same strings on every node that uses it,
 * and a parse depends on nothing but the text (callers only read it).
 */
const parsed = new Map<string, ParsedTemplate>();

export function parseTemplate(text: string): ParsedTemplate {
  let template = parsed.get(text);
  if (template === undefined) {
    template = parse(text);
    parsed.set(text, template);
  }
  return template;
}

const reference = /^([A-Za-z]+)(?:\.(.+))?$/;

function parse(text: string): ParsedTemplate {
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
      const ref = text.slice(i + 2, close).trim();
      const match = reference.exec(ref);
      parts.push({ kind: 'ref', ref, offset: i, length: close + 1 - i, written: text.slice(i, close + 1), namespace: match?.[1], name: match?.[2] });
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
  const template = parseTemplate(text);
  return template.ok && template.parts.length === 1 && template.parts[0]!.kind === 'ref' ? template.parts[0]!.ref : undefined;
}
