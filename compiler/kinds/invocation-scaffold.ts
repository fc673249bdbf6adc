// The `plc new step` template of the Lambda and Callback kinds, which invocation.ts makes alike.
/** Lambda and Callback steps alike: wired inputs become arguments, outputs output parameters. */
export function invocationBody(section: 'lambda' | 'callback', target: { key: string; field: string; description: string }, answers: string): string {
  return `inputs:
  data:
    type: any
    required: false
    description: A wired value (another step's output, a parameter, an S3 location), passed under "data".
outputs:
  result:
    type: any
    outputType: String
    description: The "result" output parameter ${answers} returns.
config:
  required: [${target.field}]
  properties:
    ${target.field}: { type: string, description: ${target.description} }
    dryRun: { type: boolean, default: false, description: Passed in the ${section === 'lambda' ? 'event' : 'message'} as dry_run. }
${section}:
  ${target.key}: \${config.${target.field}}
  arguments:
    dry_run: \${config.dryRun}
`;
}
