// Part of `npm run build`, after bundle-cli.mjs: has the bundled CLI's yargs answer `plc --help`,
// `plc -h` and a bare `plc`, and writes the answers to dist/bin/prerendered-answers.json, which
// bin/prerendered-answers.ts prints without loading yargs when yargs would print the same bytes.
// Rendered with stdout a pipe (no columns: yargs wraps at 100, as on any terminal that wide) and
// under each kind of locale the entry accepts, which must all give the same text.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prerenderedCommandLines, speaksEnglish } from '../../dist/bin/prerendered-answers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'bin');
const target = join(bin, 'prerendered-answers.json');
rmSync(target, { force: true });

// The locales the entry takes for English must reach no translation but en.json.
const localesFolder = join(bin, 'bundle', 'yargs-locales');
const reached = readdirSync(localesFolder).filter((file) => file !== 'en.json' && speaksEnglish({ LANG: file.replace(/\.json$/, '') }));
if (reached.length > 0) throw new Error(`render-answers: yargs translates English-looking locales (${reached.join(', ')}); bin/prerendered-answers.ts must not take them for English`);

const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, LANGUAGE: _language, ...baseEnv } = process.env;
const environments = [baseEnv, { ...baseEnv, LANG: 'C.UTF-8' }, { ...baseEnv, LANG: 'en_US.UTF-8' }, { ...baseEnv, LC_ALL: 'POSIX' }];
const answers = {};
for (const line of prerenderedCommandLines) {
  const renders = environments.map((env) => {
    const result = spawnSync(process.execPath, [join(bin, 'plc.js'), ...(line === '' ? [] : [line])], { cwd: root, env, encoding: 'utf8' });
    if (result.error) throw result.error;
    return { stdout: result.stdout, stderr: result.stderr, exit: result.status };
  });
  const first = JSON.stringify(renders[0]);
  if (renders.some((render) => JSON.stringify(render) !== first)) throw new Error(`render-answers: \`plc ${line}\` answers differently under different English locales`);
  if (!renders[0].stdout && !renders[0].stderr) throw new Error(`render-answers: \`plc ${line}\` printed nothing`);
  answers[line] = renders[0];
}
writeFileSync(target, `${JSON.stringify(answers, null, 2)}\n`);
