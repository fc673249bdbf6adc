// The examples of a rule's documentation (compiler/diagnostics/rules/<band>/PLCnnnn.md): each
// `## Trips` and `## Fixed` section is one example, a set of files (fenced blocks whose info string
// names the file: ```yaml file=train.pipeline.yaml) and optionally the plc commands to run on them
// (a ```sh block; without one the example is checked with `plc check .`). A fenced block anywhere
// else, or one that is neither a file nor commands, is a fragment no test could run: an error.
// Two words of a file's info string say how its bytes differ from the block's text, for the
// load rules that no UTF-8 text of a readable size can show: `encoding=utf-16le` (written with
// its byte-order mark) or `encoding=latin1`, and `size=<bytes>` (padded with comment lines).

export interface ExampleFile {
  readonly path: string;
  readonly text: string;
  readonly encoding?: 'utf-16le' | 'latin1';
  readonly size?: number;
}

export interface RuleExample {
  readonly kind: 'trips' | 'fixed';
  readonly files: readonly ExampleFile[];
  /** Command lines of a ```sh block, each starting with `plc `. */
  readonly commands: readonly string[];
  /** Words of the sh block's info string after `sh` (for example a server the commands need). */
  readonly needs: readonly string[];
}

export interface ParsedRuleDoc {
  readonly examples: readonly RuleExample[];
  readonly problems: readonly string[];
}

const heading = /^## (Trips|Fixed)\s*$/;
const fence = /^(`{3,})(.*)$/;
/** A fence this parser does not read: its block would pass as prose, untested. */
const otherFence = /^~{3,}/;

export function parseRuleDoc(markdown: string): ParsedRuleDoc {
  const examples: { kind: 'trips' | 'fixed'; files: ExampleFile[]; commands: string[]; needs: string[] }[] = [];
  const problems: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const section = heading.exec(line);
    if (section) {
      examples.push({ kind: section[1] === 'Trips' ? 'trips' : 'fixed', files: [], commands: [], needs: [] });
      continue;
    }
    if (/^## /.test(line) && examples.length > 0) {
      problems.push(`line ${i + 1}: "${line}" after the examples; Trips and Fixed sections come last`);
      continue;
    }
    if (otherFence.test(line)) problems.push(`line ${i + 1}: a ~~~ fence; examples are fenced with backticks`);
    const open = fence.exec(line);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== open[1]) body.push(lines[j++]!);
    if (j === lines.length) problems.push(`line ${i + 1}: a fenced block that is never closed`);
    const info = open[2]!.trim().split(/\s+/);
    const file = info.find((word) => word.startsWith('file='))?.slice('file='.length);
    const example = examples.at(-1);
    if (example === undefined) problems.push(`line ${i + 1}: a fenced block before the first "## Trips"; examples belong in Trips/Fixed sections`);
    else if (file !== undefined && (file.startsWith('/') || file.split('/').includes('..'))) problems.push(`line ${i + 1}: file=${file} is outside the example's folder`);
    else if (file !== undefined) {
      const encoding = info.find((word) => word.startsWith('encoding='))?.slice('encoding='.length);
      const size = info.find((word) => word.startsWith('size='))?.slice('size='.length);
      if (encoding !== undefined && encoding !== 'utf-16le' && encoding !== 'latin1') problems.push(`line ${i + 1}: encoding=${encoding}; examples are written as utf-16le or latin1`);
      if (size !== undefined && !/^\d+$/.test(size)) problems.push(`line ${i + 1}: size=${size} is not a number of bytes`);
      example.files.push({ path: file, text: body.join('\n') + '\n', ...(encoding === 'utf-16le' || encoding === 'latin1' ? { encoding } : {}), ...(size !== undefined ? { size: Number(size) } : {}) });
    }
    else if (info[0] === 'sh') {
      const commands = body.filter((command) => command.trim() !== '' && !command.trimStart().startsWith('#'));
      for (const command of commands) if (!command.startsWith('plc ')) problems.push(`line ${i + 1}: "${command}" is not a plc command`);
      example.commands.push(...commands);
      example.needs.push(...info.slice(1));
    } else problems.push(`line ${i + 1}: a \`\`\`${open[2]} block with no file=<path>; an example is files and plc commands`);
    i = j;
  }
  for (const [n, example] of examples.entries()) if (example.files.length === 0 && example.commands.length === 0) problems.push(`example ${n + 1} (${example.kind}) has no files`);
  // plc check of a folder reads only *.pipeline.yaml and *.step.yaml: a document named otherwise
  // would be skipped, and a Fixed example pass without being checked.
  const documentName = { Pipeline: /\.pipeline\.ya?ml$/, Step: /\.step\.ya?ml$/ } as const;
  for (const [n, example] of examples.entries()) {
    for (const file of example.files) {
      const kind = /^kind: (Pipeline|Step)\s*$/m.exec(file.text)?.[1] as keyof typeof documentName | undefined;
      if (kind && !documentName[kind].test(file.path)) problems.push(`example ${n + 1} (${example.kind}): ${file.path} is a ${kind} document, so its name ends in .${kind.toLowerCase()}.yaml`);
    }
  }
  if (!examples.some((e) => e.kind === 'trips')) problems.push('no "## Trips" example');
  if (!examples.some((e) => e.kind === 'fixed')) problems.push('no "## Fixed" example');
  return { examples, problems };
}

/** The bytes of an example file: its text in its encoding, padded to its size. */
export function exampleFileBytes(file: ExampleFile): Buffer {
  const text = file.size === undefined ? file.text : paddedWithComments(file.text, file.size);
  if (file.encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text, file.encoding ?? 'utf8');
}

/** YAML text grown to exactly `bytes` bytes by comment lines at its end (for the size limit). */
export function paddedWithComments(text: string, bytes: number): string {
  const missing = bytes - Buffer.byteLength(text);
  if (missing <= 0) return text;
  const line = `#${'-'.repeat(78)}\n`;
  const rest = missing % line.length;
  const tail = rest === 0 ? '' : rest === 1 ? '\n' : `#${'-'.repeat(rest - 2)}\n`;
  return text + line.repeat(Math.floor(missing / line.length)) + tail;
}
