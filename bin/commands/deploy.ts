// `plc deploy`: compile, upload the code objects that are missing, then create or update the
// pipeline in one call; prints its ARN. `--dry-run` prints the plan and the request instead and
// calls nothing. The AWS SDK is loaded only here and in the other AWS commands.
import { parseAssignments } from '../assignments.js';
import type { PlcCommand } from '../cli-io.js';
import { awsTarget, compiledContext, pipelineRole, reportAwsFailure, withAwsOptions, type AwsArgs } from '../aws-options.js';
import { ExitCode, usageError } from '../exit.js';
import { diagnosticFormats, formatDiagnostics, type DiagnosticFormat } from '../report.js';

interface DeployArgs extends AwsArgs {
  pipeline: string;
  role?: string;
  tag: string[];
  'dry-run': boolean;
  format: DiagnosticFormat;
}

export const deployCommand: PlcCommand<DeployArgs> = {
  builder: (yargs) =>
    withAwsOptions(
      yargs
        .positional('pipeline', { type: 'string', demandOption: true, description: 'The pipeline file' })
        .option('role', { type: 'string', description: "IAM role ARN the pipeline runs as (default: the pipeline's defaults.role)" })
        .option('tag', { type: 'string', array: true, default: [], description: 'Key=Value tag of the pipeline, over the file\'s tags: (repeatable)' })
        .option('dry-run', { type: 'boolean', default: false, description: 'Print the uploads and the request as JSON; call nothing' })
        .option('format', { type: 'string', default: 'pretty', choices: diagnosticFormats, description: 'How to print diagnostics (to stderr)' }),
    )
      .example('$0 deploy pipeline.yaml', 'Deploy with the default credentials; prints the pipeline ARN')
      .example('$0 deploy pipeline.yaml --profile ml-deploy --region eu-west-1 --tag team=fraud', 'Choose the account, region and tags')
      .example('$0 deploy pipeline.yaml --dry-run', 'Show what would be uploaded and sent')
      .example('$0 deploy pipeline.yaml --endpoint-url http://127.0.0.1:5000', 'Deploy to a local moto server') as never,
  handler: async (args, io) => {
    const tags = parseAssignments(args.tag);
    if ('malformed' in tags) return usageError(io, `--tag ${tags.malformed}: write Key=Value`);
    const { compileReported } = await import('../compile.js');
    const compiled = await compileReported(io, args.pipeline, 'sagemaker', args.format);
    if (!compiled) return ExitCode.Findings;
    const { doc, source } = compiled.pipeline;
    const { createDiagnostic } = await import('../../compiler/diagnostics/diagnostic.js');
    const fail = async (diagnostic: ReturnType<typeof createDiagnostic>) => {
      io.stderr.write(await formatDiagnostics(io, io.stderr, [diagnostic], compiled.sources, args.format));
      return ExitCode.Findings;
    };
    const role = pipelineRole(args.role, compiled);
    if (role === undefined) return fail(createDiagnostic('PLC7016', source.locate(['name']), { name: doc.name }));

    const { planDeploy } = await import('../../aws/deploy-plan.js');
    const { definitionJson } = await import('../../compiler/backends/sagemaker/sagemaker-backend.js');
    const planned = planDeploy({ ir: compiled.ir, definition: definitionJson(compiled.ir), codePrefix: doc.codePrefix, role, tags: tags.assignments.map(({ name, value }) => ({ Key: name, Value: value })) });
    if ('definitionNeedsS3' in planned) return fail(createDiagnostic('PLC7019', source.locate(['name']), { size: planned.definitionNeedsS3 }));
    const { plan } = planned;

    if (args['dry-run']) {
      const { s3Uri } = await import('../../aws/s3-location.js');
      const objects = (uploads: typeof plan.code) => uploads.map((u) => ({ uri: s3Uri(u.location), bytes: u.bytes.length }));
      const dry = { code: objects(plan.code), ...(plan.definition ? { definition: objects([plan.definition])[0] } : {}), request: plan.request };
      io.stdout.write(JSON.stringify(dry, null, 2) + '\n');
      return ExitCode.Ok;
    }

    const target = awsTarget(io, args, doc.region);
    const { deploy } = await import('../../aws/deploy.js');
    try {
      const deployed = await deploy(target, plan);
      io.stderr.write(`plc: ${deployed.action} pipeline ${doc.name}; code objects: ${deployed.code.uploaded} uploaded, ${deployed.code.present} already there\n`);
      io.stdout.write(`${deployed.arn}\n`);
      return ExitCode.Ok;
    } catch (failure) {
      if (!(await reportAwsFailure(io, failure, compiledContext(io, target, compiled), args.format, compiled.sources))) throw failure;
      return ExitCode.Findings;
    }
  },
};
