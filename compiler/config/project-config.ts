// plc.config.yaml: project-wide rule levels. A code set to `off` is dropped; any other level
// replaces the code's default severity. Read from the folder plc runs in.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { schemaPath } from '../../schema/paths.js';
import { diagnosticTable, type DiagnosticCode, type Severity } from '../diagnostics/codes.js';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/did-you-mean.js';
import { loadYaml, type Session } from '../load/load-yaml.js';
import { reportSchemaErrors } from '../validate/schema-errors.js';

export const projectConfigFile = 'plc.config.yaml';

export type RuleLevels = ReadonlyMap<DiagnosticCode, Severity | 'off'>;

export interface ProjectConfig {
  rules: RuleLevels;
  /** Problems in the config file itself. */
  diagnostics: Diagnostic[];
  sources: Session['sources'];
}

export function loadProjectConfig(cwd: string): ProjectConfig {
  const session: Session = { cwd, bag: new DiagnosticBag(), sources: new Map() };
  const rules = new Map<DiagnosticCode, Severity | 'off'>();
  if (existsSync(join(cwd, projectConfigFile))) {
    const loaded = loadYaml(projectConfigFile, session);
    if (loaded) {
      const validate = new Ajv({ allErrors: true, verbose: true }).compile(JSON.parse(readFileSync(schemaPath('config.schema.json'), 'utf8')));
      if (!validate(loaded.data ?? {})) {
        reportSchemaErrors(validate.errors ?? [], loaded.data, { locate: (p, part) => loaded.source.locate(p, part), describe: (p) => (p.length ? `"${p.join('.')}"` : projectConfigFile) }, session.bag);
      } else {
        const codes = Object.keys(diagnosticTable);
        for (const [code, level] of Object.entries((loaded.data as { rules?: Record<string, Severity | 'off'> } | null)?.rules ?? {})) {
          if (Object.hasOwn(diagnosticTable, code)) rules.set(code as DiagnosticCode, level);
          else session.bag.report('PLC0012', loaded.source.locate(['rules', code], 'key'), { code }, suggest(code, codes));
        }
      }
    }
  }
  return { rules, diagnostics: session.bag.sorted(), sources: session.sources };
}

/** The diagnostics with the project's levels applied. */
export function applyRuleLevels(diagnostics: readonly Diagnostic[], rules: RuleLevels): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const level = rules.get(d.code);
    if (level === undefined) return [d];
    return level === 'off' ? [] : [{ ...d, severity: level }];
  });
}
