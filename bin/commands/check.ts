// `plc check`: the whole analysis of `plc build`, without output, as a CI gate. With no files it
// checks every *.pipeline.yaml and *.step.yaml (or .yml) below the working folder, and only then reports
// plc.config.yaml ignores that hid nothing (a partial run cannot tell).
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { SourceText } from '../../compiler/source/text-source.js';
import type { PlcCommand } from '../cli-io.js';
import { documentFile, stepFile } from '../document-files.js';
import { ExitCode, usageError } from '../exit.js';
import { diagnosticFormats, formatDiagnostics, type DiagnosticFormat } from '../report.js';

const failLevels = ['error', 'warning', 'info'] as const;
type FailLevel = (typeof failLevels)[number];
const rank: Record<FailLevel, number> = { error: 3, warning: 2, info: 1 };

interface CheckArgs {
  files: string[];
  format: DiagnosticFormat;
  'fail-level': FailLevel;
  quiet: boolean;
}

export const checkCommand: PlcCommand<CheckArgs> = {
  builder: (yargs) =>
    yargs
      .positional('files', { type: 'string', array: true, default: [], description: 'Pipeline and step files, or folders to search (default: the working folder)' })
      .option('format', { type: 'string', default: 'pretty', choices: diagnosticFormats, description: 'pretty (stderr), or json / sarif / github (stdout)' })
      .option('fail-level', { type: 'string', default: 'error', choices: failLevels, description: 'Lowest severity that fails the check' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, description: 'Report errors only, with no summary line (warnings still count for --fail-level)' })
      .example('$0 check', 'Check every *.pipeline.yaml and *.step.yaml (or .yml) below this folder')
      .example('$0 check --format sarif > plc.sarif', 'SARIF 2.1.0 for code scanning')
      .example('$0 check --format github --fail-level warning', 'Annotations in a GitHub Actions run; warnings fail too') as never,
  handler: async (args, io) => {
    const { cwd } = io;
    // No silent fallback to the working folder: plc reads documents from files only. yargs drops a
    // lone "-" from the positionals, so the command line itself is asked.
    if (io.argv.slice(io.argv.indexOf('check') + 1).includes('-')) return usageError(io, 'plc check reads files, not standard input: name pipeline or step files, or folders (default: the working folder)');
    const { compilePipeline, checkStepFile, checkStepCatalogs } = await import('../../compiler/driver.js');
    const { withPythonParser } = await import('../../compiler/check/python/parser.js');
    const { applyRuleLevels, loadProjectConfig } = await import('../../compiler/config/project-config.js');
    const config = loadProjectConfig(cwd);
    const { walkFiles } = await import('../../compiler/util/walk.js');
    const { staleSchemaDiagnostic } = await import('../../compiler/editor-schema/project-schema.js');
    const schemasCompared = new Set<string>();
    const targets: string[] = [];
    const unreadable: Diagnostic[] = [];
    for (const given of args.files.length > 0 ? args.files : ['.']) {
      const path = resolve(cwd, given);
      if (existsSync(path) && statSync(path).isDirectory()) {
        const found = walkFiles(path, { file: (name) => documentFile.test(name), skipFolder: (name) => name === 'node_modules' || name.startsWith('.') });
        targets.push(...found.files);
        // A document that is a FIFO, a device or a broken link is reported, never skipped in silence.
        for (const problem of found.problems) unreadable.push(createDiagnostic('PLC0003', { file: relative(cwd, problem.path) || problem.path, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }, { path: relative(cwd, problem.path) || problem.path, detail: problem.detail }));
      } else {
        targets.push(path); // a missing file is reported as PLC0003 by the analysis
      }
    }
    const unique = [...new Set(targets)].sort();
    // As eslint does: finding nothing to check is a mistake (a wrong folder or file names), not a pass.
    if (unique.length === 0 && unreadable.length === 0) return usageError(io, `no files: no *.pipeline.yaml or *.step.yaml (or .yml) in ${args.files.length > 0 ? args.files.join(', ') : 'the working folder'} or below`);
    const diagnostics = new Map<string, Diagnostic>([...config.diagnostics, ...applyRuleLevels(unreadable, config.rules)].map((d) => [JSON.stringify([d.file, d.range, d.code, d.message]), d]));
    const sources = new Map<string, SourceText>(config.sources);
    let pipelines = 0;
    let nodes = 0;
    let suppressed = 0;
    for (const target of unique) {
      const shown = relative(cwd, target) || target;
      const isStep = stepFile.test(target);
      // check writes nothing, so no backend renders files; the size limits are checked all the same.
      const result = await withPythonParser((parsePython) => {
        const options = { cwd, parsePython, ruleLevels: config.rules, ignores: config.ignores, backend: { emit: () => [] } };
        return isStep ? checkStepFile(shown, options) : compilePipeline(shown, options);
      });
      if (!isStep) pipelines += 1;
      nodes += Object.keys(result.pipeline?.doc.nodes ?? {}).length;
      suppressed += result.suppressed;
      const stale = isStep ? undefined : staleSchemaDiagnostic(target, cwd, schemasCompared);
      for (const d of stale ? [...result.diagnostics, ...applyRuleLevels([stale], config.rules)] : result.diagnostics) diagnostics.set(JSON.stringify([d.file, d.range, d.code, d.message]), d);
      for (const [key, source] of result.sources) sources.set(key, source);
    }
    // Across the step files checked: can every input be fed by some step type of its library?
    const catalog = checkStepCatalogs(unique.filter((target) => stepFile.test(target)).map((target) => relative(cwd, target) || target), { cwd, ruleLevels: config.rules, ignores: config.ignores });
    suppressed += catalog.suppressed;
    for (const d of catalog.diagnostics) diagnostics.set(JSON.stringify([d.file, d.range, d.code, d.message]), d);
    const wholeProject = args.files.every((given) => resolve(cwd, given) === cwd) && config.folder === cwd;

    if (wholeProject) {
      for (const d of applyRuleLevels(config.ignores.unused(), config.rules)) diagnostics.set(JSON.stringify([d.file, d.range, d.code, d.message]), d);
    }
    const all = [...diagnostics.values()].sort(compareDiagnostics);
    const stream = args.format === 'pretty' ? io.stderr : io.stdout;
    stream.write(await formatDiagnostics(io, stream, args.quiet ? all.filter((d) => d.severity === 'error') : all, sources, args.format, false));
    const count = (severity: Diagnostic['severity']) => all.filter((d) => d.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (!args.quiet) io.stderr.write(`plc check: ${plural(unique.length, 'file')} (${plural(pipelines, 'pipeline')}, ${plural(unique.length - pipelines, 'step type')}), ${plural(nodes, 'node')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}, ${suppressed} suppressed\n`);
    const failing = all.some((d) => rank[d.severity] >= rank[args['fail-level']]);
    return failing ? ExitCode.Findings : ExitCode.Ok;
  },
};
