// A local npm registry that knows exactly the packages in this repository's package-lock.json
// and nothing else — in particular no `plc` — so an install test proves that nothing asks the
// registry for that unpublished name. Packuments are built from the lockfile; tarballs keep their
// registry.npmjs.org URLs and integrity, so npm takes them from its cache (the install of this
// repository put them there) without reaching the network.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface LockedPackage {
  version?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: Record<string, string> | string;
  engines?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

type Packument = { name: string; 'dist-tags': { latest: string }; versions: Record<string, object> };

function packuments(lockfile: string): Map<string, Packument> {
  const { packages } = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, LockedPackage> };
  const byName = new Map<string, Packument>();
  for (const [path, locked] of Object.entries(packages)) {
    if (!path.includes('node_modules/') || locked.link || !locked.version || !locked.integrity) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const file = `${name.split('/').pop()}-${locked.version}.tgz`;
    const { version, integrity, dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta, bin, engines, os, cpu } = locked;
    const manifest = { name, version, dependencies, optionalDependencies, peerDependencies, peerDependenciesMeta, bin, engines, os, cpu, dist: { integrity, tarball: `https://registry.npmjs.org/${name}/-/${file}` } };
    const entry = byName.get(name) ?? { name, 'dist-tags': { latest: version }, versions: {} };
    entry.versions[version] = manifest;
    byName.set(name, entry);
  }
  return byName;
}

export interface LockfileRegistry { url: string; requested: string[]; close(): Promise<void> }

export async function startLockfileRegistry(repo: string): Promise<LockfileRegistry> {
  const known = packuments(join(repo, 'package-lock.json'));
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const name = decodeURIComponent((request.url ?? '/').slice(1).split('?')[0]!);
    requested.push(name);
    const packument = known.get(name);
    response.writeHead(packument ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(packument ?? { error: 'Not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requested, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
