// S3 as a folder: s3://bucket/key is <root>/bucket/key, so a pipeline's own URIs work unchanged.
// A mount maps one prefix onto a folder of the user's (sample data, say) that is only read.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseS3Uri } from '../aws/s3-location.js';

export interface Mount {
  prefix: string;
  folder: string;
}

export class S3FolderError extends Error {}

export class S3Folder {
  constructor(readonly root: string, private readonly mounts: readonly Mount[] = []) {}

  /** The local path of an S3 URI; a mounted prefix resolves into its folder. */
  path(uri: string): string {
    const location = parseS3Uri(uri);
    if (!location || location.key.split('/').includes('..')) throw new S3FolderError(`${uri} is not an s3://bucket/key URI plc can map to a folder`);
    const plain = `s3://${location.bucket}/${location.key}`;
    for (const mount of this.mounts) {
      const prefix = mount.prefix.replace(/\/+$/, '');
      if (plain === prefix || plain.startsWith(`${prefix}/`)) return join(mount.folder, plain.slice(prefix.length));
    }
    return join(this.root, location.bucket, location.key);
  }

  /** The local path to write an S3 URI to; a mounted prefix is read-only. */
  writablePath(uri: string): string {
    const path = this.path(uri);
    const root = resolve(this.root);
    if (resolve(path) !== root && !resolve(path).startsWith(root + sep)) throw new S3FolderError(`${uri} is mounted read-only (--mount); a step cannot write there`);
    return path;
  }

  /**
   * Copies what an S3Prefix input names into `target`: every object below the prefix at its
   * relative path, or one object (a prefix that is a whole key) under its own name.
   */
  download(uri: string, target: string): void {
    const source = this.path(uri.replace(/\/+$/, ''));
    if (!existsSync(source)) throw new S3FolderError(`${uri} does not exist (looked in ${source})`);
    mkdirSync(target, { recursive: true });
    if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true });
    else cpSync(source, join(target, basename(source)));
  }

  /** Copies a job's output folder to an S3 URI. */
  upload(folder: string, uri: string): void {
    const target = this.writablePath(uri.replace(/\/+$/, ''));
    mkdirSync(target, { recursive: true });
    if (existsSync(folder)) cpSync(folder, target, { recursive: true });
  }

  /** Copies one file to an S3 URI that names an object. */
  uploadFile(file: string, uri: string): void {
    const target = this.writablePath(uri);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}

/** Every file below a folder, as sorted paths relative to it. */
export function filesBelow(folder: string): string[] {
  if (!existsSync(folder)) return [];
  if (!statSync(folder).isDirectory()) return [''];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)))
    .sort();
}
