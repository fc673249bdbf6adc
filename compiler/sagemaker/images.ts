/**
 * Resolves SageMaker framework container images (sklearn, xgboost, pytorch)
 * to ECR image URIs: `<account>.dkr.ecr.<region>.<dns suffix>/<repo>:<tag>`.
 * Pure lookup over ./image-table.ts: deterministic, no I/O.
 */
import {
  accountMaps,
  defaultDnsSuffix,
  dnsSuffixByRegionPrefix,
  imageTable,
  type FrameworkImageFacts,
  type ImageVersionFacts,
} from './image-table.js';

export type Framework = 'sklearn' | 'xgboost' | 'pytorch';
export type ImageScope = 'training' | 'processing' | 'inference';

export interface ImageRequest {
  framework: string;
  version: string;
  pyVersion?: string;
  processor?: 'cpu' | 'gpu';
  scope: ImageScope;
  region: string;
}

export type ImageResolution =
  | { ok: true; uri: string }
  | {
      ok: false;
      problem: 'framework' | 'version' | 'region' | 'processor' | 'pyVersion';
      /** Valid alternatives for the failing field, sorted. */
      allowed: string[];
    };

export const frameworks: readonly string[] = Object.freeze(Object.keys(imageTable).sort());

const DEFAULT_PROCESSOR = 'cpu';

function isFramework(name: string): name is Framework {
  return Object.prototype.hasOwnProperty.call(imageTable, name);
}

function hasKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Finds the canonical version entry for a canonical version or one of its aliases. */
function findVersion(facts: FrameworkImageFacts, requested: string): [string, ImageVersionFacts] | undefined {
  if (hasKey(facts.versions, requested)) {
    return [requested, facts.versions[requested]!];
  }
  for (const [canonical, entry] of Object.entries(facts.versions)) {
    if (entry.aliases.includes(requested)) {
      return [canonical, entry];
    }
  }
  return undefined;
}

function acceptedVersionSpellings(facts: FrameworkImageFacts): string[] {
  const spellings: string[] = [];
  for (const [canonical, entry] of Object.entries(facts.versions)) {
    spellings.push(canonical, ...entry.aliases);
  }
  return spellings.sort();
}

/** `py3` -> [3], `py39` -> [3, 9], `py310` -> [3, 10]; for picking the newest. */
function pyVersionKey(py: string): [number, number] {
  const digits = /^py(\d)(\d*)$/.exec(py);
  if (!digits) return [-1, -1];
  return [Number(digits[1]), digits[2] === '' ? -1 : Number(digits[2])];
}

function newestPyVersion(pyVersions: readonly string[]): string {
  let best = pyVersions[0]!;
  for (const candidate of pyVersions.slice(1)) {
    const [bestMajor, bestMinor] = pyVersionKey(best);
    const [major, minor] = pyVersionKey(candidate);
    if (major > bestMajor || (major === bestMajor && minor > bestMinor)) best = candidate;
  }
  return best;
}

/** The ECR host suffix of the region's partition. */
export function dnsSuffixFor(region: string): string {
  for (const [prefix, suffix] of dnsSuffixByRegionPrefix) {
    if (region.startsWith(prefix)) return suffix;
  }
  return defaultDnsSuffix;
}

export function resolveImageUri(request: ImageRequest): ImageResolution {
  if (!isFramework(request.framework)) {
    return { ok: false, problem: 'framework', allowed: [...frameworks] };
  }
  const facts = imageTable[request.framework];

  const found = findVersion(facts, request.version);
  if (!found) {
    return { ok: false, problem: 'version', allowed: acceptedVersionSpellings(facts) };
  }
  const [version, entry] = found;

  const accounts = accountMaps[entry.accounts];
  if (!hasKey(accounts, request.region)) {
    return { ok: false, problem: 'region', allowed: Object.keys(accounts).sort() };
  }
  const account = accounts[request.region]!;

  // Where the SDK lists no processors (XGBoost 1.x) there is one image and it
  // is treated as the cpu image: asking for gpu is reported, not ignored.
  const processors: readonly string[] = entry.processors.length > 0 ? entry.processors : [DEFAULT_PROCESSOR];
  const processor = request.processor ?? DEFAULT_PROCESSOR;
  if (!processors.includes(processor)) {
    return { ok: false, problem: 'processor', allowed: [...processors].sort() };
  }

  // Where the SDK lists no Python versions (XGBoost 1.x) the tag has none and
  // a given pyVersion is ignored, as the SDK does.
  let pyVersion: string | undefined;
  if (entry.pyVersions.length > 0) {
    pyVersion = request.pyVersion ?? newestPyVersion(entry.pyVersions);
    if (!entry.pyVersions.includes(pyVersion)) {
      return { ok: false, problem: 'pyVersion', allowed: [...entry.pyVersions].sort() };
    }
  }

  if (!hasKey(facts.repositories, request.scope)) {
    throw new TypeError(`resolveImageUri: unknown image scope ${JSON.stringify(request.scope)}`);
  }
  const repository = facts.repositories[request.scope];

  const tag =
    facts.tagFormat === 'version' || pyVersion === undefined
      ? version
      : `${version}-${processor}-${pyVersion}`;

  return {
    ok: true,
    uri: `${account}.dkr.ecr.${request.region}.${dnsSuffixFor(request.region)}/${repository}:${tag}`,
  };
}
