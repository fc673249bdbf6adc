// The npm dependency spec `plc init` writes for plc itself. plc is not published under the name
// `plc` (and someone else may publish it one day), so a project must never depend on a registry
// version of that name: the spec names where the running plc came from — the tarball or git URL
// npm recorded when it installed plc into a project, or else the folder plc runs from (a clone,
// or a global install, for which npm records no origin).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

interface LockedPackage { resolved?: string; link?: boolean }

/** The origin npm recorded for the package installed at `root`, when a lockfile above it has one. */
function recordedOrigin(root: string): string | undefined {
  const parts = root.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const installRoot = parts.slice(0, at).join('/') || '/';
  const key = parts.slice(at).join('/');
  for (const lockfile of [join(installRoot, 'node_modules/.package-lock.json'), join(installRoot, 'package-lock.json')]) {
    if (!existsSync(lockfile)) continue;
    const locked = (JSON.parse(readFileSync(lockfile, 'utf8')) as { packages?: Record<string, LockedPackage> }).packages?.[key];
    const resolved = locked?.resolved;
    if (resolved === undefined || locked?.link) continue;
    // A local tarball is recorded relative to the folder holding the lockfile.
    if (resolved.startsWith('file:')) {
      const path = resolved.slice('file:'.length);
      return `file:${isAbsolute(path) ? path : resolve(installRoot, path)}`;
    }
    return resolved;
  }
  return undefined;
}

export interface PlcSpec { spec: string; /** Why CI may not reach it, when it names this machine's files. */ localOnly: boolean }

/** Where the plc installed at `root` came from, as a dependency spec. */
export function runningPlcSpec(root: string): PlcSpec {
  const real = realpathSync(root);
  const spec = recordedOrigin(real) ?? `file:${real}`;
  return { spec, localOnly: spec.startsWith('file:') };
}

/** A user's --plc-spec: a spec npm resolves without the registry, with local paths made absolute. */
export function givenPlcSpec(given: string, cwd: string): PlcSpec | { error: string } {
  if (/^(git\+|git:|github:|https?:)/.test(given)) return { spec: given, localOnly: false };
  const path = given.startsWith('file:') ? given.slice('file:'.length) : given;
  if (/^[./~]/.test(path) || isAbsolute(path) || /\.t(ar\.)?gz$/.test(path)) {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) return { error: `--plc-spec ${given}: no such file or folder` };
    return { spec: `file:${absolute}`, localOnly: true };
  }
  return { error: `--plc-spec ${given}: give a tarball, a folder, or a git or https URL — not a registry version, since no registry package is this plc` };
}

/** A local spec inside the project becomes relative to it, so CI finds it in the checkout. */
export function specForProject(plc: PlcSpec, projectDir: string): PlcSpec {
  if (!plc.spec.startsWith('file:')) return plc;
  const path = relative(projectDir, plc.spec.slice('file:'.length));
  if (path.startsWith('..') || isAbsolute(path)) return plc;
  return { spec: `file:./${path}`, localOnly: false };
}
