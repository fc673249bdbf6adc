// The files `plc init` writes: a project that checks and builds as it stands, wired for editors
// (modeline, .vscode/settings.json), CI (a GitHub Actions workflow uploading SARIF) and
// pre-commit. Pure: it returns paths and contents, and the command decides what to write.
import { stringify } from 'yaml';
import { documentFile } from '../document-files.js';

export interface ProjectFile { path: string; contents: string }

/** A pipeline name SageMaker accepts, from the project folder's name. */
export function pipelineName(folder: string): string {
  const name = folder.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' ? 'my-pipeline' : name.slice(0, 256);
}

/** Where a project keeps its generated pipeline schema; plc new step regenerates it. */
export const pipelineSchema = '.plc/pipeline.schema.json';
/** Where a project keeps the step schema; plc new step points its step documents' modeline here. */
export const stepSchema = '.plc/step.schema.json';

function pipeline(name: string): string {
  return `# yaml-language-server: $schema=${pipelineSchema}
kind: Pipeline
name: ${name}
description: Preprocess a tabular data set and train an XGBoost model on it.
region: us-east-1
codePrefix: s3://my-ml-bucket/plc                  # scripts are stored under <codePrefix>/code/<sha256>/
steps: [./steps]                                   # this project's step types (plc new step adds one)
parameters:
  InputUri: { type: String, default: s3://my-ml-bucket/data/tabular, description: Raw training data. }
defaults:                                          # config every node gets (step defaults < defaults < node config)
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://my-ml-bucket/pipelines/\${pipeline.name}/\${execution.PipelineExecutionId}
  labelField: label
nodes:
  prep:
    step: TabularPreprocessing
    jobType: training
    inputs: { data: "\${params.InputUri}" }
  train:
    step: XGBoostTraining
    inputs: { training_data: prep.processed_data }  # explicit wire: <node>.<output>
    config: { numRound: 100 }
`;
}

// Current majors of the actions (checkout and setup-node run on Node 24; upload-sarif@v3 is
// deprecated). `npm ci` installs the plc that package-lock.json pins, from the spec `plc init`
// wrote — never a registry package named plc. Code scanning is off in some repositories (private
// ones without GitHub Advanced Security): the upload may fail there, and the findings then appear
// as workflow annotations instead.
function workflow(pipelineFile: string): string {
  return stringify({
    name: 'plc',
    on: { push: { branches: ['main'] }, pull_request: {} },
    permissions: { contents: 'read', 'security-events': 'write', actions: 'read' },
    jobs: {
      check: {
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: 'actions/checkout@v7' },
          { uses: 'actions/setup-node@v7', with: { 'node-version': 24, cache: 'npm' } },
          { name: 'Install plc as package-lock.json pins it', run: 'npm ci' },
          { name: 'plc check', id: 'check', run: 'npx --no plc check --format sarif > plc.sarif' },
          // Findings fail the check step; the upload still runs so they appear in code scanning.
          { name: 'Upload findings to code scanning', id: 'upload', if: "always() && steps.check.outcome != 'skipped'", 'continue-on-error': true, uses: 'github/codeql-action/upload-sarif@v4', with: { sarif_file: 'plc.sarif', category: 'plc' } },
          { name: 'Findings as annotations (code scanning is off)', if: "always() && steps.upload.outcome == 'failure'", run: 'npx --no plc check --format github' },
          { name: 'plc build', run: `npx --no plc build ${pipelineFile} -o build/definition.json` },
        ],
      },
    },
  });
}

// `npx --no` runs the project's own plc and never fetches a package of that name.
const preCommit = `# pre-commit (https://pre-commit.com): check pipelines and step types before each commit.
repos:
  - repo: local
    hooks:
      - id: plc-check
        name: plc check
        entry: npx --no plc check
        language: system
        files: ${documentFile.source}
        pass_filenames: false
`;

function readme(name: string, pipelineFile: string, plcSpec: string): string {
  return `# ${name}

A SageMaker pipeline compiled by plc, a declarative compiler for Amazon SageMaker Pipelines.
\`package.json\` installs plc from \`${plcSpec}\` (plc is not on the npm registry; change the
spec to a git URL or a tarball in this repository if CI cannot reach that one).

\`\`\`sh
npm install                                        # plc itself; commit package-lock.json (CI runs npm ci)
npx --no plc check                                 # every pipeline and step type, as CI does
npx --no plc build ${pipelineFile} -o build/definition.json
npx --no plc new step MyStep --kind processing     # a step type of your own in steps/, with its script and test
npx --no plc schema -p ${pipelineFile} -o ${pipelineSchema}   # after adding nodes (plc check says when it is stale)
\`\`\`

- \`${pipelineFile}\` — the pipeline; built-in step types are listed by \`npx --no plc steps list\`.
- \`steps/\` — this project's step types and their scripts.
- \`${pipelineSchema}\`, \`${stepSchema}\` — JSON Schemas for the editor (modeline and \`.vscode/settings.json\`).
- \`.github/workflows/plc.yml\` — CI: \`plc check\` uploaded as SARIF to code scanning, then \`plc build\`.
- \`.pre-commit-config.yaml\` — \`plc check\` before each commit.
`;
}

/** `pipelineSchemaText` makes the editor schema for the pipeline file and text it is given. */
export function projectFiles(options: { name: string; plcSpec: string; pipelineSchemaText: (pipelineFile: string, text: string) => string; stepSchemaText: string }): ProjectFile[] {
  const pipelineFile = `${options.name}.pipeline.yaml`;
  const pipelineText = pipeline(options.name);
  const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
  return [
    { path: pipelineFile, contents: pipelineText },
    { path: 'steps/.gitkeep', contents: '' },
    { path: pipelineSchema, contents: options.pipelineSchemaText(pipelineFile, pipelineText) },
    { path: stepSchema, contents: options.stepSchemaText },
    { path: '.vscode/settings.json', contents: json({ 'yaml.schemas': { [pipelineSchema]: '*.pipeline.yaml', [stepSchema]: '*.step.yaml' } }) },
    { path: 'package.json', contents: json({ name: options.name.toLowerCase(), private: true, scripts: { check: 'plc check', build: `plc build ${pipelineFile} -o build/definition.json` }, devDependencies: { plc: options.plcSpec } }) },
    { path: '.gitignore', contents: 'node_modules/\nbuild/\nplc.sarif\n.plc/local/\n' },
    { path: '.github/workflows/plc.yml', contents: workflow(pipelineFile) },
    { path: '.pre-commit-config.yaml', contents: preCommit },
    { path: 'README.md', contents: readme(options.name, pipelineFile, options.plcSpec) },
  ];
}
