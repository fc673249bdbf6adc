// `plc deploy` against AWS, in the order that keeps a failure harmless: code objects first (new
// content-addressed keys, which nothing deployed reads yet), then a large definition the same way,
// then the one CreatePipeline or UpdatePipeline call that switches the pipeline over.
import { sageMakerClient, s3Client, type AwsTarget } from './clients.js';
import type { DeployPlan } from './deploy-plan.js';
import { upsertPipeline, type Upserted } from './pipelines.js';
import { uploadMissing, type UploadCount } from './upload-objects.js';

export interface Deployed extends Upserted {
  code: UploadCount;
}

export async function deploy(target: AwsTarget, plan: DeployPlan): Promise<Deployed> {
  let code: UploadCount = { uploaded: 0, present: 0 };
  if (plan.code.length > 0 || plan.definition) {
    const s3 = s3Client(target);
    code = await uploadMissing(s3, plan.code);
    if (plan.definition) await uploadMissing(s3, [plan.definition]);
  }
  return { ...(await upsertPipeline(sageMakerClient(target), plan.request)), code };
}
