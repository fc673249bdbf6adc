// s3://bucket/prefix URIs as the pipeline's codePrefix gives them, and the keys below them.

export interface S3Location {
  bucket: string;
  key: string;
}

/** The bucket and key of `s3://bucket/some/key`; a trailing slash on the prefix is dropped. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match ? { bucket: match[1]!, key: match[2]!.replace(/\/+$/, '') } : undefined;
}

/** `relative` below the prefix: `code/<sha>/x.py` under `s3://b/plc` is key `plc/code/<sha>/x.py`. */
export function below(prefix: S3Location, relative: string): S3Location {
  return { bucket: prefix.bucket, key: prefix.key === '' ? relative : `${prefix.key}/${relative}` };
}

export const s3Uri = (location: S3Location): string => `s3://${location.bucket}/${location.key}`;
