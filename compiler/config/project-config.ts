// plc.config.yaml: project-wide rule levels and ignores by path. A code set to `off` is dropped;
// any other level replaces the code's default severity. An ignore drops the findings of the listed
// codes (every code without a list) in files matching its globs, relative to the config's folder.
// Found like eslint's and prettier's: in the folder plc runs in or the nearest one above it, up to
// the repository root (a folder with .git).
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import picomatch from 'picomatch/posix.js';
import type { ProjectConfigDocument } from '../../schema/types.generated.js';
import { diagnosticTable, type DiagnosticCode, type Severity } from '../diagnostics/codes.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { loadYaml, type Session } from '../load/load-yaml.js';
import type { DataPath, Location } from '../source/source-file.js';
import { documentSchemaReporters, reportSchemaErrors } from '../validate/schema-errors.js';
import { validatorFor } from '../validate/validate-document.js';

export const projectConfigFile = 'plc.config.yaml';

export type RuleLevels = ReadonlyMap<DiagnosticCode, Severity | 'off'>;

export interface ProjectConfig {
  rules: RuleLevels;
  /** The `ignores:` entries; shared by every compilation of a run, which records what they hid. */
  ignores: PathIgnores;
  /** Problems in the config file itself. */
  diagnostics: Diagnostic[];
  sources: Session['sources'];
  /** The folder holding plc.config.yaml (the working folder when there is none). */
  folder: string;
}

/** The nearest folder from `cwd` upward that has plc.config.yaml, stopping at a repository root. */
function configFolder(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, projectConfigFile))) return dir;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

type Locate = (path: DataPath, part?: 'key' | 'value') => Location;

const startOf = (file: string): Locate => () => ({ file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } });
const startOfFile = startOf(projectConfigFile);

export function loadProjectConfig(cwd: string): ProjectConfig {
  const session: Session = { cwd, bag: new DiagnosticBag(), sources: new Map() };
  const rules = new Map<DiagnosticCode, Severity | 'off'>();
  const ignores: PathIgnore[] = [];
  const folder = configFolder(cwd);
  const shown = folder === undefined ? projectConfigFile : relative(cwd, join(folder, projectConfigFile));
  let locate: Locate = startOf(shown);
  if (folder !== undefined) {
    const loaded = loadYaml(shown, session);
    if (loaded) {
      locate = (path, part) => loaded.source.locate(path, part);
      const validate = validatorFor('Config');
      if (!validate(loaded.data ?? {})) {
        reportSchemaErrors(validate.errors ?? [], loaded.data, { locate: (p, part) => loaded.source.locate(p, part), describe: (p) => (p.length ? `"${p.join('.')}"` : shown) }, documentSchemaReporters(session.bag));
      } else {
        const data = (loaded.data ?? {}) as ProjectConfigDocument;
        const codes = Object.keys(diagnosticTable);
        const known = (code: string, at: Location): code is DiagnosticCode => {
          if (Object.hasOwn(diagnosticTable, code)) return true;
          session.bag.report('PLC0012', at, { code }, suggest(code, codes));
          return false;
        };
        for (const [code, level] of Object.entries(data.rules ?? {})) {
          if (known(code, loaded.source.locate(['rules', code], 'key'))) rules.set(code, level);
        }
        (data.ignores ?? []).forEach((entry, index) => {
          const listed = entry.rules?.flatMap((code, at) => (known(code, loaded.source.locate(['ignores', index, 'rules', at])) ? [{ code, at }] : []));
          // An entry whose codes are all unknown hides nothing (rather than every code); PLC0012 says why.
          if (listed?.length === 0) return;
          ignores.push({ index, files: entry.files, ...(listed ? { rules: listed } : {}) });
        });
      }
    }
  }
  const base = folder === undefined ? '' : relative(folder, cwd).split(sep).join('/');
  return { rules, ignores: new PathIgnores(ignores, locate, base), diagnostics: session.bag.sorted(), sources: session.sources, folder: folder ?? cwd };
}

/** The diagnostics with the project's levels applied. */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], rules: RuleLevels): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const level = rules.get(d.code);
    if (level === undefined) return [d];
    return level === 'off' ? [] : [{ ...d, severity: level }];
  });
}

/** One entry of `ignores:`, with its known codes and where each was written. */
interface PathIgnore {
  /** Its position in the list, for locating it in the file. */
  index: number;
  files: readonly string[];
  /** Absent: every code. `at` is the code's position in the entry's list. */
  rules?: { code: DiagnosticCode; at: number }[];
}

interface Tracked extends PathIgnore {
  matchers: ((path: string) => boolean)[];
  usedFiles: Set<number>;
  usedCodes: Set<DiagnosticCode>;
}

/**
 * The project's ignores by path. `apply` drops covered findings and remembers which patterns and
 * codes hid something; `unused` then reports the rest. The same instance is handed to every
 * compilation of one run, so "unused" means "over everything this run analysed".
 */
export class PathIgnores {
  private readonly entries: Tracked[];

  /** `base`: the working folder relative to the config's, since globs are relative to the config. */
  constructor(entries: readonly PathIgnore[] = [], private readonly locate: Locate = startOfFile, private readonly base = '') {
    this.entries = entries.map((entry) => ({ ...entry, matchers: entry.files.map((glob) => picomatch(glob, { dot: true })), usedFiles: new Set(), usedCodes: new Set() }));
  }

  /** Drops the findings an ignore covers; each counts once, however many entries cover it. */
  apply(diagnostics: readonly Diagnostic[]): { diagnostics: Diagnostic[]; suppressed: number } {
    if (this.entries.length === 0) return { diagnostics: [...diagnostics], suppressed: 0 };
    let suppressed = 0;
    const kept = diagnostics.filter((d) => {
      // Files outside the folder plc runs in are shown by absolute path, which no ignore covers.
      if (isAbsolute(d.file)) return true;
      const path = posix.join(this.base, sep === '/' ? d.file : d.file.split(sep).join('/'));
      let hidden = false;
      for (const entry of this.entries) {
        if (entry.rules && !entry.rules.some((r) => r.code === d.code)) continue;
        const matching = entry.matchers.flatMap((matches, i) => (matches(path) ? [i] : []));
        if (matching.length === 0) continue;
        for (const i of matching) entry.usedFiles.add(i);
        entry.usedCodes.add(d.code);
        hidden = true;
      }
      if (hidden) suppressed += 1;
      return !hidden;
    });
    return { diagnostics: kept, suppressed };
  }

  /**
   * PLC0013 for what hid nothing so far: a whole entry once, or else each of its patterns and
   * listed codes that hid nothing. Meaningful only after a run over the whole project.
   */
  unused(): Diagnostic[] {
    const bag = new DiagnosticBag();
    const codesOf = (entry: Tracked) => (entry.rules ? entry.rules.map((r) => r.code) : ['every code']);
    for (const entry of this.entries) {
      if (entry.usedFiles.size === 0) {
        bag.report('PLC0013', this.locate(['ignores', entry.index, 'files'], 'key'), { codes: codesOf(entry).join(', '), files: entry.files.join(', ') });
        continue;
      }
      entry.files.forEach((glob, i) => {
        if (!entry.usedFiles.has(i)) bag.report('PLC0013', this.locate(['ignores', entry.index, 'files', i]), { codes: codesOf(entry).join(', '), files: glob });
      });
      for (const { code, at } of entry.rules ?? []) {
        if (!entry.usedCodes.has(code)) bag.report('PLC0013', this.locate(['ignores', entry.index, 'rules', at]), { codes: code, files: entry.files.join(', ') });
      }
    }
    return bag.sorted();
  }
}
