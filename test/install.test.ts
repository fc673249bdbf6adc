// The way in, as a new user takes it: pack plc, install the tarball into a fresh prefix, `plc
// init` a project, install the project's dependencies and `plc check` there — against a registry
// that has every dependency but no package named plc (test/support/lockfile-registry.ts), so
// nothing on the way may ask for that unpublished name.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startLockfileRegistry, type LockfileRegistry } from './support/lockfile-registry.js';
import { repo, runAsync, tempDir, type RunResult } from './support/helpers.js';

const run = (command: string, args: string[], cwd: string): Promise<RunResult> =>
  runAsync(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });

/** npm against the registry without plc; tarballs come from npm's cache by their integrity. */
const npm = (registry: LockfileRegistry, args: string[], cwd: string): Promise<RunResult> =>
  run('npm', [...args, '--registry', registry.url, '--prefer-offline', '--replace-registry-host=never', '--no-audit', '--no-fund'], cwd);

test('pack, install into a prefix, plc init, npm install, plc check: no registry package named plc is asked for', async () => {
  const root = tempDir();
  const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', root], repo);
  assert.is(pack.status, 0, pack.stderr);
  const tarball = join(root, readdirSync(root).find((name) => name.endsWith('.tgz'))!);
  const registry = await startLockfileRegistry(repo);
  try {
    const prefix = join(root, 'prefix');
    const install = await npm(registry, ['install', '--global', '--prefix', prefix, tarball], root);
    assert.is(install.status, 0, install.stderr);
    const plc = join(prefix, 'bin', 'plc');

    // Default spec: where the running plc came from (a global install records no origin, so the folder).
    const init = await run(plc, ['init', 'demo'], root);
    assert.is(init.status, 0, init.stderr);
    assert.match(init.stderr, /only this machine has/);
    const demo = join(root, 'demo');
    const spec = (JSON.parse(readFileSync(join(demo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['plc'];
    assert.is(spec, `file:${join(prefix, 'lib/node_modules/plc')}`);

    // The tarball given as --plc-spec: the project installs that tarball, with no plc on the registry.
    const fromTarball = await run(plc, ['init', 'tarball-demo', '--plc-spec', tarball], root);
    assert.is(fromTarball.status, 0, fromTarball.stderr);
    const tarballDemo = join(root, 'tarball-demo');
    assert.is((JSON.parse(readFileSync(join(tarballDemo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['plc'], `file:${tarball}`);
    for (const project of [demo, tarballDemo]) {
      const deps = await npm(registry, ['install'], project);
      assert.is(deps.status, 0, deps.stderr);
      const check = await run('npx', ['--no', 'plc', 'check'], project);
      assert.is(check.status, 0, check.stderr);
      assert.match(check.stderr, /1 pipeline, 0 step types\), 2 nodes: 0 errors/);
    }
    // A smaller package: one grammar, no tests; and only the AWS commands load the AWS SDK.
    const installed = join(prefix, 'lib/node_modules/plc');
    assert.not.ok(existsSync(join(installed, 'node_modules/@vscode/tree-sitter-wasm')), 'not every tree-sitter grammar');
    assert.ok(existsSync(join(installed, 'dist/tree-sitter/tree-sitter-python.wasm')));
    assert.not.ok(existsSync(join(installed, 'dist/test')), 'no tests in the package');
    renameSync(join(installed, 'node_modules/@aws-sdk'), join(installed, 'node_modules/aws-sdk-hidden'));
    for (const args of [['check'], ['build', 'demo.pipeline.yaml'], ['explain', 'demo.pipeline.yaml', 'train'], ['graph', 'demo.pipeline.yaml'], ['steps', 'list']]) {
      const result = await run(plc, args, demo);
      assert.is(result.status, 0, `plc ${args.join(' ')} without the AWS SDK: ${result.stderr}`);
    }
    renameSync(join(installed, 'node_modules/aws-sdk-hidden'), join(installed, 'node_modules/@aws-sdk'));
    assert.ok(registry.requested.includes('yaml'), 'the registry was used');
    assert.not.ok(registry.requested.includes('plc'), 'nothing asked the registry for plc');
  } finally {
    await registry.close();
  }
});

test('plc init --plc-spec refuses a registry version: no registry package is this plc', async () => {
  const root = tempDir();
  const result = await run(process.execPath, [join(repo, 'dist/bin/plc.js'), 'init', 'demo', '--plc-spec', '^0.1.0'], root);
  assert.is(result.status, 2);
  assert.match(result.stderr, /not a registry version/);
});

test('plc init --plc-spec with a tarball inside the project writes a project-relative spec CI can reach', async () => {
  const root = tempDir();
  mkdirSync(join(root, 'vendor'));
  writeFileSync(join(root, 'vendor', 'plc-0.1.0.tgz'), '');
  const result = await run(process.execPath, [join(repo, 'dist/bin/plc.js'), 'init', '--plc-spec', 'vendor/plc-0.1.0.tgz'], root);
  assert.is(result.status, 0, result.stderr);
  assert.not.match(result.stderr, /only this machine has/);
  assert.is((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['plc'], 'file:./vendor/plc-0.1.0.tgz');
});

test.run();
