// Comments and docs cite only documents the repository contains, or public sources (issue 13): a
// Markdown document named anywhere outside node_modules/ and dist/ must be one the repository
// holds, and nothing points into the machine's own folders (/work/…), which no other
// checkout has. `X.md` and `PLCnnnn.md` stand for files and cite nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { repo } from './support/helpers.js';

const skipped = new Set(['node_modules', 'dist', '.git']);
const placeholders = new Set(['X.md', 'PLCnnnn.md']);

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (skipped.has(entry.name)) return []; // in a worktree .git is a file naming the main checkout
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** The text files of the repository (binary files and files over a mebibyte are no documents). */
const texts = filesUnder(repo).flatMap((path) => {
  if (statSync(path).size > 1 << 20) return [];
  const bytes = readFileSync(path);
  return bytes.includes(0) ? [] : [{ file: relative(repo, path), text: bytes.toString('utf8') }];
});
const markdownNames = new Set(texts.map(({ file }) => file.split('/').at(-1)!).filter((name) => name.endsWith('.md')));

test('the documents the checks below must catch are not in the repository', () => {
  // Comments once cited these three, which only the machine the project began on had; this
  // keeps the rule below one that would catch them.
  for (const name of ['DESIGN', 'sagemaker-format', 'seed-system']) assert.not.ok(markdownNames.has(`${name}.md`), `${name}.md`);
});

test('every Markdown document a file mentions is in the repository', () => {
  const missing = texts.flatMap(({ file, text }) =>
    [...text.matchAll(/(?<![\w-])([\w-]+\.md)\b/g)]
      .map((match) => match[1]!)
      .filter((name) => !markdownNames.has(name) && !placeholders.has(name))
      .map((name) => `${file}: ${name}`),
  );
  assert.equal(missing, []);
});

test('no file points into the folders of the machine it was written on', () => {
  const outside = texts.filter(({ text }) => /\/work\/(?:shared|wt|main)\//.test(text)).map(({ file }) => file);
  assert.equal(outside, []);
});

test.run();
