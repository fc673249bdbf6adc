// Uploads objects that are not already in S3 byte for byte. Keys are content-addressed, so an
// object that is there with the same size and MD5 ETag is the same object and is left alone.
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { call, isNotFound } from './aws-call.js';
import { s3Uri } from './s3-location.js';
import type { Upload } from './deploy-plan.js';

export interface UploadCount {
  uploaded: number;
  present: number;
}

/** Counts into `count` as it goes, so that a caller knows what was uploaded when a call fails. */
export async function uploadMissing(s3: S3Client, uploads: readonly Upload[], count: UploadCount = { uploaded: 0, present: 0 }): Promise<UploadCount> {
  for (const { location, bytes } of uploads) {
    const md5 = createHash('md5').update(bytes);
    const etag = `"${md5.copy().digest('hex')}"`;
    const head = await call(`s3:HeadObject ${s3Uri(location)}`, () => s3.send(new HeadObjectCommand({ Bucket: location.bucket, Key: location.key }))).catch((failure: { cause: unknown }) => {
      if (isNotFound(failure.cause)) return undefined;
      throw failure;
    });
    // A single-part upload's ETag is the MD5 of its bytes; a multipart one's never matches, and is replaced.
    if (head && head.ContentLength === bytes.length && head.ETag === etag) {
      count.present += 1;
      continue;
    }
    await call(`s3:PutObject ${s3Uri(location)}`, () => s3.send(new PutObjectCommand({ Bucket: location.bucket, Key: location.key, Body: bytes, ContentMD5: md5.digest('base64') })));
    count.uploaded += 1;
  }
  return count;
}
