// `plc deploy` against AWS, in the order that keeps a failure harmless: code objects first (new
// content-addressed keys, which nothing deployed reads yet), then a large definition the same way,
// then the one CreatePipeline or UpdatePipeline call that switches the pipeline over.
import { AwsFailure } from './aws-call.js';
import { sageMakerClient, s3Client, type AwsTarget } from './clients.js';
import type { DeployPlan } from './deploy-plan.js';
import { upsertPipeline, type Upserted } from './pipelines.js';
import { uploadMissing, type UploadCount } from './upload-objects.js';

export interface Deployed extends Upserted {
  code: UploadCount;
}

export async function deploy(target: AwsTarget, plan: DeployPlan): Promise<Deployed> {
  const code: UploadCount = { uploaded: 0, present: 0 };
  const definition: UploadCount = { uploaded: 0, present: 0 };
  try {
    if (plan.code.length > 0 || plan.definition) {
      const s3 = s3Client(target);
      await uploadMissing(s3, plan.code, code);
      if (plan.definition) await uploadMissing(s3, [plan.definition], definition);
    }
    return { ...(await upsertPipeline(sageMakerClient(target), plan.request)), code };
  } catch (failure) {
    const uploaded = [code.uploaded > 0 ? `${code.uploaded} code object${code.uploaded === 1 ? '' : 's'}` : '', definition.uploaded > 0 ? 'the definition' : ''].filter(Boolean);
    if (failure instanceof AwsFailure && uploaded.length > 0) {
      const were = uploaded.length > 1 || code.uploaded > 1 ? 'were' : 'was';
      failure.changed = `${uploaded.join(' and ')} ${were} uploaded before the failure, under new content-addressed keys that nothing deployed reads yet; the pipeline itself was not changed. Deploying again uploads only what is still missing.`;
    }
    throw failure;
  }
}
