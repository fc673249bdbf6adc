// Hostile files and outputs (issue 11): outputs onto devices, FIFOs and links, outputs naming an
// input, output options that are folders, inputs that are devices or FIFOs, text that is not UTF-8,
// YAML tags plc does not know and terminal control characters. Every case ends in the right exit
// code and diagnostic, never a stack trace, within 5 s, and never replaces a device or an input.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderPretty } from '../compiler/diagnostics/render/pretty.js';
import { compile, fixture, repo, runPlcBinaryAsync, tempDir, type RunResult } from './support/helpers.js';

const example = join(repo, 'examples/tabular-xgboost.pipeline.yaml');
const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;

/**
 * The CLI, checked for what every hostile case shares: no stack trace, no internal error, done
 * within 5 s (a run that hangs is killed then, and fails).
 */
function plc(args: string[], cwd = repo): RunResult {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(repo, 'dist/bin/plc.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 5000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 });
  const result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
  assert.ok(Date.now() - started < 5000 && run.status !== null, `plc ${args.join(' ')} took ${Date.now() - started} ms`);
  assert.not.match(result.stderr, stackTrace, 'no stack trace');
  assert.not.match(result.stderr, /internal error/, 'not an internal error');
  return result;
}

async function plcAsync(args: string[], cwd = repo): Promise<RunResult> {
  const started = Date.now();
  const result = await runPlcBinaryAsync(args, { cwd });
  assert.ok(Date.now() - started < 5000, `plc ${args.join(' ')} took ${Date.now() - started} ms`);
  assert.not.match(result.stderr, stackTrace, 'no stack trace');
  return result;
}

interface JsonReport { diagnostics: { code: string; message: string }[] }
/** A --format json run's diagnostics: plc check prints them on stdout, plc build on stderr. */
const reportOf = (command: string, result: RunResult): JsonReport => JSON.parse(command === 'check' ? result.stdout : result.stderr) as JsonReport;

/**
 * A character device to write to. As root (CI containers) a private copy of /dev/null made with
 * mknod, so a regression cannot replace the machine's own; otherwise /dev/null itself, which a
 * user cannot replace anyway.
 */
function characterDevice(dir: string): string {
  const made = join(dir, 'null');
  return spawnSync('mknod', [made, 'c', '1', '3']).status === 0 ? made : '/dev/null';
}

/** An in-process compile of dir/p.pipeline.yaml: its findings as `file:line:col CODE message`. */
const findings = (dir: string): string[] => compile(join(dir, 'p.pipeline.yaml'), dir).diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);

function fifo(dir: string, name = 'fifo'): string {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  assert.is(made.status, 0, `mkfifo: ${made.stderr}`);
  return path;
}

/** Everything written into a FIFO until its writer closes it. */
function readAll(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = spawn('cat', [path]);
    // A FIFO nobody writes to would block the reader forever.
    const timer = setTimeout(() => reader.kill('SIGKILL'), 5000);
    let text = '';
    reader.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    reader.on('error', reject);
    reader.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

/** A project: a pipeline using a step type of its own with a script. */
function project(): string {
  const dir = tempDir();
  cpSync(fixture('builds/variants'), dir, { recursive: true });
  return dir;
}

// 1 · -o onto something that is not a regular file

test('-o onto a character device writes into it and leaves the device in place', () => {
  const dir = tempDir();
  const device = characterDevice(dir);
  for (const args of [['build', example, '-o', device], ['graph', example, '-o', device], ['schema', '-o', device]]) {
    const result = plc(args);
    assert.is(result.status, 0, `${args[0]}: ${result.stderr}`);
    assert.ok(statSync(device).isCharacterDevice(), `${args[0]}: ${device} is still a device`);
  }
});

test('-o /dev/null and -o /dev/stdout work', () => {
  const toNull = plc(['build', example, '-o', '/dev/null']);
  assert.is(toNull.status, 0, toNull.stderr);
  assert.ok(statSync('/dev/null').isCharacterDevice());
  const toStdout = plc(['build', example, '-o', '/dev/stdout']);
  assert.is(toStdout.status, 0, toStdout.stderr);
  assert.is(JSON.parse(toStdout.stdout).Version, '2020-12-01');
});

test('-o a link to an open file descriptor (as /dev/stdout is) writes to that descriptor', () => {
  const dir = tempDir();
  symlinkSync('/proc/self/fd/1', join(dir, 'out'));
  const result = plc(['build', example, '-o', join(dir, 'out')]);
  assert.is(result.status, 0, result.stderr);
  assert.is(JSON.parse(result.stdout).Version, '2020-12-01');
  assert.is(readlinkSync(join(dir, 'out')), '/proc/self/fd/1', 'the link is kept');
});

test('-o onto a FIFO writes into it and leaves the FIFO in place', async () => {
  const dir = tempDir();
  const path = fifo(dir);
  const read = readAll(path);
  const result = await plcAsync(['build', example, '-o', path]);
  assert.is(result.status, 0, result.stderr);
  assert.is(JSON.parse(await read).Version, '2020-12-01');
  assert.ok(lstatSync(path).isFIFO(), 'still a FIFO');
});

test('-o onto a link writes its target (atomically there) and keeps the link', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'real'));
  writeFileSync(join(dir, 'real/definition.json'), 'earlier\n');
  symlinkSync('real/definition.json', join(dir, 'definition.json'));
  symlinkSync('real/missing.json', join(dir, 'dangling.json'));
  for (const name of ['definition.json', 'dangling.json']) {
    const result = plc(['build', example, '-o', join(dir, name)]);
    assert.is(result.status, 0, result.stderr);
    assert.ok(lstatSync(join(dir, name)).isSymbolicLink(), `${name} is still a link`);
    assert.is(JSON.parse(readFileSync(join(dir, name), 'utf8')).Version, '2020-12-01');
  }
  const schema = plc(['schema', '-o', join(dir, 'definition.json')]);
  assert.is(schema.status, 0, schema.stderr);
  assert.ok(lstatSync(join(dir, 'definition.json')).isSymbolicLink(), 'plc schema keeps the link too');
});

test('--emit-code, init and new step write through links as -o does', () => {
  const dir = project();
  mkdirSync(join(dir, 'real'));
  symlinkSync('real', join(dir, 'code'));
  const built = plc(['build', 'pipeline.yaml', '-o', 'out.json', '--emit-code', 'code'], dir);
  assert.is(built.status, 0, built.stderr);
  assert.ok(lstatSync(join(dir, 'code')).isSymbolicLink(), 'the code folder link is kept');
  const fresh = tempDir();
  mkdirSync(join(fresh, 'elsewhere'));
  symlinkSync('elsewhere/README.md', join(fresh, 'README.md'));
  const init = plc(['init', '.'], fresh);
  assert.is(init.status, 0, init.stderr);
  assert.ok(lstatSync(join(fresh, 'README.md')).isSymbolicLink(), 'init writes through a dangling link');
  assert.ok(statSync(join(fresh, 'elsewhere/README.md')).isFile());
});

test('-o onto a socket (or a block device, where mknod may make one) is refused with exit 2', async () => {
  const dir = tempDir();
  const socket = join(dir, 'socket');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  const targets = [socket];
  if (spawnSync('mknod', [join(dir, 'block'), 'b', '7', '250']).status === 0) targets.push(join(dir, 'block'));
  try {
    for (const target of targets) {
      const result = plc(['build', example, '-o', target]);
      assert.is(result.status, 2, result.stderr);
      assert.is(result.stderr, `plc: cannot write ${target}: it is not a regular file, a character device or a FIFO\n`);
    }
    assert.ok(lstatSync(socket).isSocket(), 'the socket is still there');
  } finally {
    server.close();
  }
});

// 2 · -o naming a file the compile read

test('-o naming the pipeline, a step type, a script or the project config is exit 2 and writes nothing', () => {
  const dir = project();
  writeFileSync(join(dir, 'plc.config.yaml'), 'rules: {}\n');
  linkSync(join(dir, 'pipeline.yaml'), join(dir, 'hard-link.yaml'));
  symlinkSync('pipeline.yaml', join(dir, 'soft-link.yaml'));
  const inputs = ['pipeline.yaml', 'steps/fit-apply.step.yaml', 'steps/scripts/fit_apply.py', 'plc.config.yaml', 'hard-link.yaml', 'soft-link.yaml', './steps/../pipeline.yaml'];
  for (const output of inputs) {
    const before = readFileSync(join(dir, output));
    const result = plc(['build', 'pipeline.yaml', '-o', output], dir);
    assert.is(result.status, 2, `-o ${output}: ${result.stderr}`);
    assert.match(result.stderr, /^plc: -o .* is a file this run reads \(.*\); nothing was written\n$/, output);
    assert.equal(readFileSync(join(dir, output)), before, `${output} is untouched`);
  }
  const graph = plc(['graph', 'pipeline.yaml', '-o', 'pipeline.yaml'], dir);
  assert.is(graph.status, 2, graph.stderr);
  const schema = plc(['schema', '-p', 'pipeline.yaml', '-o', 'steps/fit-apply.step.yaml'], dir);
  assert.is(schema.status, 2, schema.stderr);
  assert.match(schema.stderr, /is a file this run reads/);
});

// 3 · output options that name a folder, or a path under a file

test('plc schema -o DIR and -o FILE/x are usage errors with the message plc build gives', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-file'), '');
  for (const output of [dir, join(dir, 'a-file/x')]) {
    const build = plc(['build', example, '-o', output]);
    const schema = plc(['schema', '-o', output]);
    assert.is(build.status, 2, build.stderr);
    assert.is(schema.status, 2, schema.stderr);
    assert.is(schema.stderr, build.stderr);
  }
});

test('init and new step onto a file where their folder should be are usage errors', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a-file'), '');
  const init = plc(['init', 'a-file/project'], dir);
  assert.is(init.status, 2, init.stderr);
  assert.match(init.stderr, /^plc: cannot write .*: a file stands where a folder is needed\n$/);
  const step = plc(['new', 'step', 'Clean', '--dir', 'a-file'], dir);
  assert.is(step.status, 2, step.stderr);
  assert.match(step.stderr, /^plc: cannot write .*: a file stands where a folder is needed\n$/);
});

test('build --check against a device or FIFO is a usage error, not a hang', () => {
  const dir = tempDir();
  for (const output of ['/dev/zero', fifo(dir)]) {
    const result = plc(['build', example, '-o', output, '--check']);
    assert.is(result.status, 2, result.stderr);
    assert.match(result.stderr, /^plc: --check compares files: .* is not a regular file\n$/);
  }
});

// 4 · inputs that are not regular files

test('an input that is a device or a FIFO is refused at once as not a regular file', () => {
  const dir = tempDir();
  const path = fifo(dir, 'p.pipeline.yaml');
  for (const input of ['/dev/zero', path]) {
    for (const command of ['build', 'check']) {
      const result = plc([command, input, '--format', 'json']);
      assert.is(result.status, 1, `${command} ${input}: ${result.stderr}`);
      const report = reportOf(command, result);
      assert.equal(report.diagnostics.map((d) => d.code), ['PLC0003']);
      assert.match(report.diagnostics[0]!.message, /: not a regular file/);
    }
  }
});

test('a plc.config.yaml that links to a FIFO is refused, not read', () => {
  const dir = project();
  symlinkSync(fifo(dir), join(dir, 'plc.config.yaml'));
  const result = plc(['build', 'pipeline.yaml', '--format', 'json'], dir);
  assert.is(result.status, 1, result.stderr);
  assert.equal(reportOf('build', result).diagnostics.map((d) => d.code), ['PLC0003'], result.stderr);
});

test('a FIFO as a script, as a step type file or in a sourceDir is reported, not read', () => {
  const dir = project();
  rmSync(join(dir, 'steps/scripts/fit_apply.py'));
  fifo(dir, 'steps/scripts/fit_apply.py');
  const script = plc(['build', 'pipeline.yaml', '--format', 'json'], dir);
  assert.is(script.status, 1, script.stderr);
  assert.equal(reportOf('build', script).diagnostics.map((d) => d.code), ['PLC4001']);
  const library = project();
  fifo(library, 'steps/more.step.yaml');
  const step = plc(['build', 'pipeline.yaml', '--format', 'json'], library);
  assert.is(step.status, 1, step.stderr);
  assert.equal(reportOf('build', step).diagnostics.map((d) => `${d.code} ${d.message}`), ['PLC1003 step library "steps/more.step.yaml" is not a regular file (a device, FIFO or socket)']);
  const walked = tempDir();
  mkdirSync(join(walked, 'steps/src'), { recursive: true });
  writeFileSync(join(walked, 'steps/src/run.py'), 'print(1)\n');
  fifo(walked, 'steps/src/data.fifo');
  writeFileSync(join(walked, 'steps/tool.step.yaml'), 'kind: Step\nname: Tool\nsagemaker: Processing\nscript: { entryPoint: run.py, sourceDir: src }\ncompute: { image: my-image, instanceType: ml.m5.xlarge }\n');
  writeFileSync(join(walked, 'p.pipeline.yaml'), 'kind: Pipeline\nname: walked\nregion: us-east-1\ncodePrefix: s3://bucket/code\nsteps: [./steps]\ndefaults:\n  role: arn:aws:iam::111122223333:role/SageMakerExecution\n  outputPrefix: s3://bucket/out\nnodes:\n  t: { step: Tool }\n');
  const source = plc(['build', 'p.pipeline.yaml', '--format', 'json'], walked);
  assert.is(source.status, 1, source.stderr);
  assert.equal(reportOf('build', source).diagnostics.map((d) => d.code), ['PLC4002']);
  assert.match(reportOf('build', source).diagnostics[0]!.message, /holds data\.fifo, which is not a regular file/);
});

// 10 · encodings

test('invalid UTF-8 is reported at file:line:col with its byte offset', () => {
  const dir = tempDir();
  const text = readFileSync(example, 'utf8').replace('description: Preprocess', 'description: caf\xe9 Preprocess');
  writeFileSync(join(dir, 'p.pipeline.yaml'), Buffer.from(text, 'latin1'));
  const result = plc(['build', 'p.pipeline.yaml'], dir);
  assert.is(result.status, 1, result.stderr);
  const line = text.split('\n').findIndex((l) => l.startsWith('description:')) + 1;
  const offset = Buffer.from(text, 'latin1').indexOf(0xe9);
  assert.match(result.stderr, new RegExp(`^p\\.pipeline\\.yaml:${line}:17: error PLC0015: invalid UTF-8: byte 0xe9 at byte offset ${offset}`, 'm'));
});

test('UTF-16 and UTF-32 files are named by their byte-order mark', () => {
  const dir = tempDir();
  const text = readFileSync(example, 'utf8');
  const utf16be = Buffer.from('\ufeff' + text, 'utf16le').swap16();
  const utf32le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...text].map((c) => { const b = Buffer.alloc(4); b.writeUInt32LE(c.codePointAt(0)!); return b; })]);
  const cases: [string, Buffer][] = [['UTF-16LE', Buffer.from('\ufeff' + text, 'utf16le')], ['UTF-16BE', utf16be], ['UTF-32LE', utf32le], ['UTF-32BE', Buffer.from(utf32le).swap32()]];
  // In process, each encoding; through the CLI, the last one.
  for (const [encoding, bytes] of cases) {
    writeFileSync(join(dir, 'p.pipeline.yaml'), bytes);
    assert.equal(findings(dir), [`p.pipeline.yaml:1:1 PLC0014 the file is ${encoding} (its byte-order mark says so); plc reads UTF-8`]);
  }
  const result = plc(['build', 'p.pipeline.yaml'], dir);
  assert.is(result.status, 1, result.stderr);
  assert.match(result.stderr, /^p\.pipeline\.yaml:1:1: error PLC0014: the file is UTF-32BE/m);
});

// 11 · YAML tags

test('unknown YAML tags are diagnostics; CloudFormation tags get their own hint', () => {
  const dir = tempDir();
  const text = readFileSync(example, 'utf8');
  const cases: [string, string, string][] = [
    ['PLC0017', text.replace('name: tabular-xgboost', 'name: !Ref tabular-xgboost'), 'name: !Ref'],
    ['PLC0017', text.replace('name: tabular-xgboost', 'name: !Sub "${AWS::StackName}"'), 'name: !Sub'],
    ['PLC0016', `%TAG !e! tag:example.com,2000:\n---\n${text.replace('name: tabular-xgboost', 'name: !e!thing tabular-xgboost')}`, 'name: !e!thing'],
    ['PLC0016', text.replace('name: tabular-xgboost', 'name: !!binary dGFidWxhcg=='), 'name: !!binary'],
  ];
  for (const [code, source, written] of cases) {
    writeFileSync(join(dir, 'p.pipeline.yaml'), source);
    const line = source.split('\n').findIndex((l) => l.startsWith(written)) + 1;
    const [finding, ...more] = findings(dir);
    assert.equal(more, [], written);
    assert.match(finding!, new RegExp(`^p\\.pipeline\\.yaml:${line}:7 ${code} `), written);
  }
  // Through the CLI, the last one: exit 1, nothing written.
  const tagged = plc(['build', 'p.pipeline.yaml', '-o', join(dir, 'out.json')], dir);
  assert.is(tagged.status, 1, tagged.stderr);
  assert.match(tagged.stderr, /error PLC0016: unknown YAML tag !!binary\n/);
  assert.throws(() => readFileSync(join(dir, 'out.json')), 'nothing is written');
});

test('core YAML tags (!!str, !!int) still work, and the tags of %TAG ! tag:yaml.org,2002: too', () => {
  const dir = tempDir();
  const text = readFileSync(example, 'utf8');
  writeFileSync(join(dir, 'p.pipeline.yaml'), `%TAG ! tag:yaml.org,2002:\n---\n${text.replace('name: tabular-xgboost', 'name: !str tabular-xgboost')}`);
  const result = plc(['build', 'p.pipeline.yaml'], dir);
  assert.is(result.status, 0, result.stderr);
  writeFileSync(join(dir, 'p.pipeline.yaml'), text.replace('name: tabular-xgboost', 'name: !!str tabular-xgboost'));
  assert.is(plc(['build', 'p.pipeline.yaml'], dir).status, 0);
});

// 12 · terminal control characters

test('control characters in messages and code frames are escaped in pretty output', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'p.pipeline.yaml'), readFileSync(example, 'utf8').replace(/step: \S+/, 'step: \x1b]0;pwned\x07\x1b[2J\u009b31m'));
  const result = plc(['build', 'p.pipeline.yaml'], dir);
  assert.is(result.status, 1, result.stderr);
  assert.not.match(result.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, 'no raw control character reaches the terminal');
  assert.match(result.stderr, /error PLC1001: .*\\x1b\]0;pwned\\x07\\x1b\[2J\\x9b31m/, 'the message shows them escaped');
  assert.match(result.stderr, /^> *\d+ \|  +step: \\x1b\]0;pwned\\x07\\x1b\[2J\\x9b31m\n +\| +\^{30}$/m, 'so does the code frame, underlined to the escaped width');
});

test('with colour on, the only escapes in pretty output are plc\'s own', () => {
  const diagnostic = { code: 'PLC1001', severity: 'error', message: 'unknown step type "\x1b[2J"', hint: 'x\x1b[8m', file: 'p\x07.yaml', range: { start: { line: 1, column: 7 }, end: { line: 1, column: 11 } }, related: [] } as const;
  const shown = renderPretty({ ...diagnostic, related: [] }, { color: true, sources: new Map([['p\x07.yaml', { lineText: () => 'step: \x1b[2J' }]]) });
  const escapes = shown.match(/\x1b\[[\d;]*m/g) ?? [];
  assert.not.match(shown.replace(/\x1b\[[\d;]*m/g, ''), /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, shown);
  assert.ok(escapes.length > 0, 'colour is on');
  assert.not.match(shown, /\x1b\[(2J|8m)/);
});

// Found by the session's review: nothing half-written, nothing skipped or ignored in silence.

test('build -o inside --emit-code (or the other way round) is refused before anything is written', () => {
  const dir = tempDir();
  const result = plc(['build', example, '-o', join(dir, 'out.json'), '--emit-code', join(dir, 'out.json')]);
  assert.is(result.status, 2, result.stderr);
  assert.match(result.stderr, /overlap/);
  assert.equal(readdirSync(dir), []);
});

test('plc check of a folder reports a document that is a FIFO or a broken link instead of skipping it', () => {
  const dir = tempDir();
  spawnSync('mkfifo', [join(dir, 'x.pipeline.yaml')]);
  symlinkSync('/nonexistent', join(dir, 'bad.step.yaml'));
  const result = plc(['check', '--format', 'json'], dir);
  assert.is(result.status, 1, result.stderr);
  const found = (JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => `${d.code} ${d.file}`);
  assert.equal(found, ['PLC0003 bad.step.yaml', 'PLC0003 x.pipeline.yaml']);
});

test('run --local: a --s3-root that is a file, a --mount that is no folder and SageMaker-only options are usage errors', () => {
  for (const extra of [['--s3-root', example], ['--mount', 's3://b/p=/nonexistent'], ['--parallelism', '2'], ['--wait']]) {
    const result = plc(['run', example, '--local', ...extra]);
    assert.is(result.status, 2, `${extra.join(' ')}: ${result.stderr}`);
    assert.not.match(result.stderr, /internal error/);
  }
});

test('two integer keys past 2^53 that one number would round together are not duplicates', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'p.pipeline.yaml'), 'kind: Pipeline\nname: big\nnodes: {}\nx:\n  9007199254740993: a\n  9007199254740992: b\n');
  const codes = compile(join(dir, 'p.pipeline.yaml'), dir).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('PLC0031'), codes.join(' '));
  assert.not.ok(codes.includes('PLC0002'), codes.join(' '));
});

test.run();
