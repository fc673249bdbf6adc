// The long description of each diagnostic: what the rule checks, why it matters for SageMaker or
// for the user, and an example that trips it with its fix. `plc explain <code>` prints an entry and
// docs/diagnostics.md is generated from these and the table in codes.ts. Entries are Markdown;
// keep them in step with the code that reports them (grep -rn "'PLCnnnn'" compiler).
import type { DiagnosticCode } from './codes.js';

/** The long description of each code: what it means, why plc checks it, an example that trips it and its fix. Markdown. */
export const explanations: Readonly<Record<DiagnosticCode, string>> = {
  PLC0001: `plc could not parse the file as YAML 1.2, so nothing in it is checked further. Common causes: a tab
used for indentation (YAML allows only spaces), a flow mapping \`{ … }\` or list \`[ … ]\` that is never
closed, and an unquoted value that contains \`: \` (quote it). The position is where the parser gave
up, which can be a line after the actual mistake. A document nested too deeply to read is reported
here too.

\`\`\`yaml
# trips PLC0001: the flow mapping of prep is not closed
nodes:
  prep: { step: TabularPreprocessing, jobType: training
  train: { step: XGBoostTraining }
\`\`\`

\`\`\`yaml
# fixed
nodes:
  prep: { step: TabularPreprocessing, jobType: training }
  train: { step: XGBoostTraining }
\`\`\``,
  PLC0002: `A mapping has the same key twice. YAML 1.2 forbids it, but many parsers silently keep the last
value; plc refuses the file so that no value is dropped without notice (a node with two \`jobType:\`
lines would otherwise run only one of them). The second occurrence is marked.

\`\`\`yaml
# trips PLC0002
prep:
  step: TabularPreprocessing
  jobType: training
  jobType: testing
\`\`\`

\`\`\`yaml
# fixed: one node per job type
prep-train: { step: TabularPreprocessing, jobType: training }
prep-test: { step: TabularPreprocessing, jobType: testing }
\`\`\``,
  PLC0003: `plc could not open a file it had to read: the pipeline or step file named on the command line, or a
\`*.step.yaml\` file in a step library. The detail says why: no such file, it is a folder,
permission denied, or it is not a regular file: a device such as \`/dev/zero\` (which never ends), a
FIFO (which blocks until something writes to it) or a socket is refused without being opened. A path
on the command line is relative to the working folder.

\`\`\`sh
# trips PLC0003: the file is train.pipeline.yaml
plc build train.pipline.yaml
\`\`\`

\`\`\`sh
# fixed
plc build train.pipeline.yaml
\`\`\``,
  PLC0004: `A plc file may be at most 1 MiB (1,048,576 bytes); a larger one is not read at all. Pipelines and
step types are short hand-written documents, so a larger file is almost always the wrong path, such
as a data set or a generated file.

\`\`\`sh
# trips PLC0004: a data file, not a pipeline
plc build data/train.csv
\`\`\`

\`\`\`sh
# fixed
plc build churn.pipeline.yaml
\`\`\``,
  PLC0005: `Aliases (\`*name\`) are expanded into copies of their anchored node when the file is read, and plc
stops after about 100 expansions, counted as the \`yaml\` library does: each use of an anchor counts,
multiplied by the aliases nested inside the anchored node. The limit guards against "billion laughs"
documents that grow exponentially. A pipeline rarely needs many aliases: shared config belongs in
\`defaults:\`, shared behaviour in a step type.

\`\`\`yaml
# trips PLC0005: three nested levels, 10 × 10 × 10 copies
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
\`\`\`

\`\`\`yaml
# fixed: one level of aliases
a: &a [x, x, x, x, x, x, x, x, x, x]
b: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
\`\`\``,
  PLC0006: `An alias \`*name\` must refer to an anchor \`&name\` set earlier in the same file. YAML resolves aliases
in document order, so an anchor defined below its first use does not count, and anchors never reach
across files (a pipeline cannot use an anchor from a step file).

\`\`\`yaml
# trips PLC0006: the anchor comes after the alias
nodes:
  prep-test: { step: TabularPreprocessing, jobType: testing, config: *prep }
  prep-train: { step: TabularPreprocessing, jobType: training, config: &prep { randomSeed: 7 } }
\`\`\`

\`\`\`yaml
# fixed
nodes:
  prep-train: { step: TabularPreprocessing, jobType: training, config: &prep { randomSeed: 7 } }
  prep-test: { step: TabularPreprocessing, jobType: testing, config: *prep }
\`\`\``,
  PLC0007: `A plc file holds exactly one document: one pipeline (\`*.pipeline.yaml\`) or one step type
(\`*.step.yaml\`). A \`---\` line between two documents starts a second one; a single \`---\` at the very
top of the file is fine.

\`\`\`yaml
# trips PLC0007: steps/prep.step.yaml with two step types
kind: Step
name: Clean
# …
---
kind: Step
name: Split
# …
\`\`\`

\`\`\`yaml
# fixed: steps/clean.step.yaml (and Split in steps/split.step.yaml)
kind: Step
name: Clean
# …
\`\`\``,
  PLC0008: `The file has no document: it is empty, or holds only comments, or only \`~\` or \`null\`. plc expects a
mapping that starts with \`kind: Pipeline\` or \`kind: Step\`. Usually the file was created but not
written yet, or the wrong file was named.

\`\`\`yaml
# trips PLC0008: nothing but a comment
# TODO: write the pipeline
\`\`\`

\`\`\`yaml
# fixed
kind: Pipeline
name: churn
nodes:
  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC0009: `A \`# plc-ignore-next-line\` comment hides the listed codes on the next line that is not blank or a
comment, but only when it gives a reason after a colon. The reason is what a later reader uses to
judge whether the suppression still holds. Without one the comment hides nothing, and the diagnostic
it was meant for is reported as well. Suppressions work in pipeline and step files, and in the
Python scripts plc checks (PLC4010 to PLC4027).

\`\`\`yaml
# trips PLC0009
defaults:
  # plc-ignore-next-line PLC2008
  calibrationMethod: isotonic
\`\`\`

\`\`\`yaml
# fixed
defaults:
  # plc-ignore-next-line PLC2008: for the calibration nodes added in the next release
  calibrationMethod: isotonic
\`\`\``,
  PLC0010: `A \`# plc-ignore-next-line\` comment names a code plc does not have, or no code at all. Codes are
written \`PLC\` and four digits, separated by commas, and the list ends at the first colon: without
the colon the reason is read as part of the code, so \`# plc-ignore-next-line PLC2008 kept for later\`
reports the unknown code \`PLC2008 kept for later\`. Such a comment hides nothing.

\`\`\`yaml
# trips PLC0010: PLC208 is not a code
defaults:
  # plc-ignore-next-line PLC208: for the calibration nodes added in the next release
  calibrationMethod: isotonic
\`\`\`

\`\`\`yaml
# fixed
defaults:
  # plc-ignore-next-line PLC2008: for the calibration nodes added in the next release
  calibrationMethod: isotonic
\`\`\``,
  PLC0011: `A \`# plc-ignore-next-line\` comment hides nothing: a code it lists is not reported on its target line
(the next line that is not blank or a comment). Either the problem was fixed, or the comment sits
above the wrong line; a diagnostic belongs to the line where it starts (PLC3004, for example, to the
line with the node's id). Remove the comment, so that it cannot later hide a new problem nobody has
looked at. Each code of a list is checked on its own. This is a warning.

\`\`\`yaml
# trips PLC0011: labelField is used, so PLC2008 is not reported there
defaults:
  # plc-ignore-next-line PLC2008: for later
  labelField: label
\`\`\`

\`\`\`yaml
# fixed
defaults:
  labelField: label
\`\`\``,
  PLC0012: `\`plc.config.yaml\` names a code that does not exist, under \`rules:\` or in the \`rules:\` list of
an ignore, so the setting would change nothing. \`rules:\` sets project-wide levels: \`error\`,
\`warning\`, \`info\`, or \`off\` to drop a code's findings; an ignore drops the findings of the codes it
lists in the files it matches. Codes are listed in docs/diagnostics.md. An ignore whose codes are all
unknown hides nothing (it does not fall back to every code).

\`\`\`yaml
# trips PLC0012 (plc.config.yaml)
rules:
  PLC2080: off
ignores:
  - files: ["legacy/**"]
    rules: [PLC1021]
    reason: legacy step types keep their old file names
\`\`\`

\`\`\`yaml
# fixed
rules:
  PLC2008: off
ignores:
  - files: ["legacy/**"]
    rules: [PLC1012]
    reason: legacy step types keep their old file names
\`\`\``,
  PLC0013: `An entry of \`ignores:\` in \`plc.config.yaml\` hid nothing in a \`plc check\` of the whole project:
no finding of the codes it lists (of any code, without \`rules:\`) was reported in a file its patterns
match. Either the problem was fixed, or the pattern or code is wrong (patterns are relative to the
folder plc runs in, use forward slashes, and a folder needs \`/**\`: \`legacy/**\`, not \`legacy/\`).
Remove or fix it, so that it cannot later hide a new problem nobody has looked at. When the entry hid
something, each of its patterns and codes that hid nothing is reported on its own. This is a warning.

Only \`plc check\` without file arguments (or with the working folder itself) judges ignores, since
only then has every file been analysed; \`plc build\` and \`plc check\` of some files apply ignores
but never report them. A finding that \`rules:\` turns \`off\` or a \`# plc-ignore-next-line\` comment
hides does not reach the ignores, so an ignore covering only such findings is reported too.

\`\`\`yaml
# trips PLC0013 (plc.config.yaml): "legacy/" matches the folder, not the files in it
ignores:
  - files: ["legacy/"]
    rules: [PLC1012]
    reason: legacy step types keep their old file names
\`\`\`

\`\`\`yaml
# fixed
ignores:
  - files: ["legacy/**"]
    rules: [PLC1012]
    reason: legacy step types keep their old file names
\`\`\``,
  PLC0014: `plc reads documents as UTF-8 (as YAML 1.2 editors and GitHub do), and this file starts with the
byte-order mark of UTF-16 or UTF-32, which Windows tools (PowerShell's \`Out-File\`, Notepad's
"Unicode") write. Read as UTF-8 it would be nonsense, so it is not read at all. Convert it, with the
encoding the message names: \`iconv -f UTF-16LE -t UTF-8 old.yaml > train.pipeline.yaml\`, or in
PowerShell \`Out-File -Encoding utf8\`.

\`\`\`sh
# trips PLC0014: PowerShell 5 writes UTF-16LE by default
Get-Content template.yaml | Out-File train.pipeline.yaml
\`\`\`

\`\`\`sh
# fixed
Get-Content template.yaml | Out-File -Encoding utf8 train.pipeline.yaml
\`\`\``,
  PLC0015: `The file holds bytes that are not UTF-8. Decoding would turn them into U+FFFD (the replacement
character), which would then end up in the definition as if written, so plc stops and says where:
the line and column, and the offset in bytes from the start of the file (\`cmp\`, \`xxd -s OFFSET\`
and editors' "go to byte" take it). The usual cause is text saved as Latin-1 or Windows-1252, where
\`é\` is the one byte 0xe9; convert the file, or retype the character in a UTF-8 editor.

\`\`\`yaml
# trips PLC0015: "café" saved as Latin-1 (the é is the byte 0xe9)
description: café model
\`\`\`

\`\`\`yaml
# fixed: saved as UTF-8 (é is 0xc3 0xa9)
description: café model
\`\`\``,
  PLC0016: `A YAML tag (\`!name\`, \`!!name\`, or one a \`%TAG\` directive defines) that plc does not know. A YAML
library keeps the value of a tag it cannot resolve and drops the tag, so the document would mean
something other than what was written; plc refuses it instead. The JSON-compatible core tags
(\`!!str\`, \`!!int\`, \`!!float\`, \`!!bool\`, \`!!null\`, \`!!map\`, \`!!seq\`) work. \`!!binary\`,
\`!!set\`, \`!!omap\`, \`!!pairs\` and \`!!timestamp\` are reported too: their values have no form in
a pipeline definition. A value that should start with \`!\` is quoted.

\`\`\`yaml
# trips PLC0016
description: !important Trains the churn model.
\`\`\`

\`\`\`yaml
# fixed
description: "!important Trains the churn model."
\`\`\``,
  PLC0017: `CloudFormation's short-form intrinsic functions (\`!Ref\`, \`!Sub\`, \`!GetAtt\`, \`!Join\`, \`!If\` …) are
tags of CloudFormation templates, not of YAML, and mean nothing in a plc document. A pipeline refers
to its parameters, its own name and the execution with \`\${…}\` references, which plc checks and
turns into the definition's \`Get\` expressions; step outputs are wired by port
(\`inputs: { data: prep.processed_data }\`). To get a CloudFormation template, let plc write it:
\`plc build --backend cloudformation\`.

\`\`\`yaml
# trips PLC0017
nodes:
  train: { step: XGBoostTraining, config: { instanceType: !Ref TrainingInstanceType } }
\`\`\`

\`\`\`yaml
# fixed
nodes:
  train: { step: XGBoostTraining, config: { instanceType: "\${params.TrainingInstanceType}" } }
\`\`\``,
  PLC0040: `A pipeline's modeline names an editor schema that \`plc schema\` generated (it records the
pipeline it was made for), and the schema differs from what \`plc schema\` writes now: a step type
was added, renamed or changed, or a node was added. The editor then flags a new step type as
unknown, or misses its config keys, while \`plc check\` passes. \`plc new step\` regenerates the
schema itself; after other changes run the command in the hint. A schema not generated by plc (no
\`x-plc-pipeline\`) is never compared.

\`\`\`yaml
# trips PLC0040: steps/ gained a step type after .plc/pipeline.schema.json was written
# yaml-language-server: $schema=.plc/pipeline.schema.json
kind: Pipeline
steps: [./steps]
\`\`\`

\`\`\`sh
# fixed
plc schema -p demo.pipeline.yaml -o .plc/pipeline.schema.json
\`\`\``,
  PLC0030: `A step type's config field has a \`pattern\` that plc cannot match in linear time. Patterns
from step libraries are matched with RE2 (the re2js engine), whose running time grows with the
length of the value only: on a backtracking engine a pattern such as \`^(a+)+$\` takes time that
doubles with every character, and one value in a pull request could stall \`plc check\`. RE2 leaves
out the features that need backtracking (lookahead, lookbehind, backreferences); a pattern using
them is refused.

\`\`\`yaml
# trips PLC0030: a lookahead
config:
  properties:
    bucket: { type: string, pattern: "^(?!xn--)[a-z0-9.-]+$" }
\`\`\`

\`\`\`yaml
# fixed
config:
  properties:
    bucket: { type: string, pattern: "^[a-z0-9.-]+$" }
\`\`\``,
  PLC0031: `An integer in a document is larger than a JavaScript number (and most JSON readers, the
SageMaker service's among them) holds exactly: beyond 2^53 − 1 = 9007199254740991, integers are
rounded, so \`9007199254740993\` would silently become \`9007199254740992\` and
\`99999999999999999999999\` would be written as \`1e+23\`. plc reads integers exactly and reports
each such one where it is written; a value within the range of the API member it lands in is also
checked there (PLC5040).

\`\`\`yaml
# trips PLC0031
parameters:
  Seed: { type: Integer, default: 18446744073709551616 }
\`\`\`

\`\`\`yaml
# fixed
parameters:
  Seed: { type: Integer, default: 42 }
\`\`\``,
  PLC0101: `A value has the wrong type for its place: text where a list is expected, a mapping where one value
is expected, a number where a string is expected. Most cases come from the JSON Schemas in
\`schema/\`, which editors show with the modeline. plc reports the same code in three later places: a
config value that is \`null\`; a step type's binding such as
\`compute.instanceCount: \${config.instanceCount}\` that has the wrong type for one node (the message
names the node and the value; SageMaker's \`InstanceCount\`, for example, must be an integer or an
Integer parameter); and a binding that must be one value but is a list or mapping.

\`\`\`yaml
# trips PLC0101: after takes a list
train: { step: XGBoostTraining, after: prep }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, after: [prep] }
\`\`\``,
  PLC0102: `A mapping has a key its schema does not define. Pipelines, nodes, parameters, step types and their
sections are closed, because an ignored key would mean silently building something other than what
you wrote: a misspelt \`inptus:\` would leave the node unwired. The message suggests the closest
allowed key and the hint lists them all. Config fields are checked elsewhere: an unknown field in a
node's \`config:\` is PLC2001, an unused key under \`defaults:\` PLC2008.

\`\`\`yaml
# trips PLC0102
train:
  step: XGBoostTraining
  inptus: { training_data: prep.processed_data }
\`\`\`

\`\`\`yaml
# fixed
train:
  step: XGBoostTraining
  inputs: { training_data: prep.processed_data }
\`\`\``,
  PLC0103: `A required key is missing. The schemas require, among others, \`kind\`, \`name\` and \`nodes\` in a
pipeline, \`step\` in a node, \`type\` in a parameter, \`kind\`, \`name\`, \`sagemaker\` and \`compute\` in a
step type, and \`type\` in a port. plc adds rules by SageMaker kind: a RegisterModel step type needs
\`registration:\`, a Processing, Training or Transform step type needs \`compute.instanceType\` (the
job's \`InstanceType\`), and every port of a Processing or Training step type needs the container
\`path\` its data is placed at.

\`\`\`yaml
# trips PLC0103
nodes:
  prep: { jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\`

\`\`\`yaml
# fixed
nodes:
  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC0104: `A value must be one of a fixed set and is not, for example a step type's \`sagemaker:\` kind, a port
\`type\`, a parameter \`type\`, a retry policy's \`exceptionTypes\` or \`training.inputMode\`. Values are
case-sensitive; several are written into the definition exactly as SageMaker spells them (\`String\`,
\`Integer\`, \`Float\`, \`Boolean\` for parameters, \`SageMaker.CAPACITY_ERROR\` for retries). The message
lists the allowed values and suggests the closest one.

\`\`\`yaml
# trips PLC0104
parameters:
  InputUri: { type: string, default: s3://my-bucket/raw }
\`\`\`

\`\`\`yaml
# fixed
parameters:
  InputUri: { type: String, default: s3://my-bucket/raw }
\`\`\``,
  PLC0105: `A value breaks a schema constraint other than its type or allowed values: a pattern, a length, a
numeric range, an empty list or mapping, repeated list items, or a key that does not match the
pattern for names there. Most patterns are SageMaker's own: a pipeline \`name\` is a PipelineName
(letters, digits and hyphens, no underscores or dots), node ids and \`name:\` are step names (letters,
digits, \`_\` and \`-\`, at most 64), \`role\` under \`defaults:\` is an IAM role ARN (in a node's \`config:\`
that check is PLC2003), and \`cache.expireAfter\` is an ISO-8601 duration. plc also reports here a
retry policy that sets both \`maxAttempts\` and \`expireAfterMin\`: a policy takes one of the two.

\`\`\`yaml
# trips PLC0105
kind: Pipeline
name: churn_model
\`\`\`

\`\`\`yaml
# fixed
kind: Pipeline
name: churn-model
\`\`\``,
  PLC0106: `The file's \`kind:\` is not what plc is reading it as. \`plc build\` and \`plc explain\` read a pipeline
(\`kind: Pipeline\`), and so does \`plc check\` for any file not named \`*.step.yaml\`; step libraries and
\`*.step.yaml\` files must hold a step type (\`kind: Step\`). The usual cause is giving a step file to
\`plc build\`.

\`\`\`sh
# trips PLC0106: a step type given to plc build
plc build steps/clean.step.yaml
\`\`\`

\`\`\`sh
# fixed: build the pipeline; check the step type on its own
plc build churn.pipeline.yaml
plc check steps/clean.step.yaml
\`\`\``,
  PLC1001: `A node's \`step:\` names no step type plc knows. Step types come from the built-in library
(\`plc steps list\` shows them) and from the folders listed under the pipeline's \`steps:\`, where only
files named \`*.step.yaml\` are read (hidden folders and \`node_modules\` are skipped). A step type is
known by the \`name:\` inside its file, not by the file name, and names are case-sensitive. When the
step file exists but has errors of its own, those are reported instead of this.

\`\`\`yaml
# trips PLC1001
train: { step: XGBoostTrainer, inputs: { training_data: prep.processed_data } }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC1002: `Two step files define the same \`name:\`, so a node using it would be ambiguous. The built-in library
is read first, then the pipeline's \`steps:\` folders in order, each in sorted file order, and the
later definition is reported. A project step type may replace a built-in one only with
\`override: true\`; two project step types may never share a name.

\`\`\`yaml
# trips PLC1002: steps/tabular-preprocessing.step.yaml
kind: Step
name: TabularPreprocessing
sagemaker: Processing
\`\`\`

\`\`\`yaml
# fixed: replace the built-in on purpose (or choose another name)
kind: Step
name: TabularPreprocessing
override: true
sagemaker: Processing
\`\`\``,
  PLC1003: `An entry under the pipeline's \`steps:\` cannot be used as a step library: it does not exist, is not a
folder, or resolves outside the folder that holds the pipeline file. The same code reports a
symbolic link inside a library that is broken, loops, or leads outside the library; nothing behind
such a link is read. Keeping libraries inside the pipeline's folder means everything a build reads
lives in the project.

\`\`\`yaml
# trips PLC1003: the library is outside the pipeline's folder
steps: [../shared-steps]
\`\`\`

\`\`\`yaml
# fixed: move (or link) the library into the project
steps: [./steps]
\`\`\``,
  PLC1004: `Two nodes would get the same SageMaker step name. A node's step name is its \`name:\` when set, else
its id. SageMaker requires step names to be unique within a pipeline: steps refer to each other by
name (\`Steps.<name>.…\`, \`DependsOn\`), and the console lists them by name. Node ids are unique as
mapping keys, so a clash always involves a \`name:\`.

\`\`\`yaml
# trips PLC1004
prep-train: { step: TabularPreprocessing, jobType: training, name: Prep }
prep-test: { step: TabularPreprocessing, jobType: testing, name: Prep }
\`\`\`

\`\`\`yaml
# fixed
prep-train: { step: TabularPreprocessing, jobType: training, name: PrepTrain }
prep-test: { step: TabularPreprocessing, jobType: testing, name: PrepTest }
\`\`\``,
  PLC1005: `A \`\${params.Name}\` reference names a parameter the pipeline does not declare under \`parameters:\`.
Names are case-sensitive. The reference compiles to \`{"Get": "Parameters.Name"}\`, which only works
for a parameter the definition declares.

\`\`\`yaml
# trips PLC1005
parameters:
  InputUri: { type: String, default: s3://my-bucket/raw }
nodes:
  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: "\${params.InputURI}" } }
\`\`\`

\`\`\`yaml
# fixed
parameters:
  InputUri: { type: String, default: s3://my-bucket/raw }
nodes:
  prep: { step: TabularPreprocessing, jobType: training, inputs: { data: "\${params.InputUri}" } }
\`\`\``,
  PLC1006: `A \`\${…}\` reference cannot be read, or uses a namespace that does not exist where it is written. In a
pipeline the references are \`\${params.<Name>}\`, \`\${execution.<Variable>}\` and \`\${pipeline.name}\`; in
a step type \`\${config.<field>}\` and \`\${jobType}\`. Also reported here: a missing closing \`}\`, an
empty \`\${}\`, a namespace without a name such as \`\${params}\`, and any \`\${pipeline.…}\` other than
\`\${pipeline.name}\` (reported as an unknown namespace). To write a literal \`\${\`, write \`$\${\`.

\`\`\`yaml
# trips PLC1006: the reference is not closed
inputs: { data: "s3://my-bucket/\${params.Split/raw" }
\`\`\`

\`\`\`yaml
# fixed
inputs: { data: "s3://my-bucket/\${params.Split}/raw" }
\`\`\``,
  PLC1007: `\`\${execution.<Variable>}\` names no execution variable. SageMaker fills these in when the pipeline
runs (\`{"Get": "Execution.<Variable>"}\`); the ones it has are \`CurrentDateTime\`, \`PipelineArn\`,
\`PipelineExecutionArn\`, \`PipelineExecutionId\`, \`PipelineName\`, \`ProcessingJobName\`, \`StartDateTime\`
and \`TrainingJobName\`. Names are case-sensitive.

\`\`\`yaml
# trips PLC1007
inputs: { data: "s3://my-bucket/\${execution.ExecutionId}" }
\`\`\`

\`\`\`yaml
# fixed
inputs: { data: "s3://my-bucket/\${execution.PipelineExecutionId}" }
\`\`\``,
  PLC1008: `A reference is well-formed but not allowed where it is written. A step type reads only \`\${config.*}\`
and \`\${jobType}\`: \`\${params.*}\`, \`\${execution.*}\` and \`\${pipeline.name}\` are refused there, so that
a step type stays reusable across pipelines and every value a script gets comes from a node's config
(a config field's \`derived:\` template is the exception: it may use \`\${pipeline.name}\` and
\`\${execution.*}\`). \`\${jobType}\` is refused in a step type that declares no \`jobTypes\`. And a
reference to a list or mapping cannot be part of a longer string.

\`\`\`yaml
# trips PLC1008: steps/score.step.yaml
script:
  entryPoint: score.py
  env: { THRESHOLD: "\${params.Threshold}" }
\`\`\`

\`\`\`yaml
# fixed: a config field, which the node sets with threshold: "\${params.Threshold}"
config:
  properties:
    threshold: { type: number, default: 0.5 }
script:
  entryPoint: score.py
  env: { THRESHOLD: "\${config.threshold}" }
\`\`\``,
  PLC1009: `An input's \`accepts:\` list names a step type that does not exist. \`accepts\` records which step types
are meant to feed the input; plc does not use it to refuse wires, so this check is what keeps the
list from naming step types that were renamed or removed. It runs for the step types the pipeline's
nodes use.

\`\`\`yaml
# trips PLC1009
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, accepts: [TabularPreprocesing] }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, accepts: [TabularPreprocessing] }
\`\`\``,
  PLC1010: `A step type's \`role:\` contradicts its ports: a \`source\` step (the start of a pipeline, which reads
no other step's output) declares inputs, or a \`sink\` step (an end point) declares outputs. \`role\`
describes where the step sits; correct whichever is wrong, the role or the ports.

\`\`\`yaml
# trips PLC1010
role: source
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
\`\`\`

\`\`\`yaml
# fixed
role: internal
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
\`\`\``,
  PLC1011: `A port name is not snake_case (lower-case words joined by underscores). Port names appear in wires
(\`<node>.<port>\`), in property paths (\`Outputs['<port>']\`) and in scripts' \`INPUT_PATHS\`; one
spelling convention keeps them guessable across a library. It is a warning: SageMaker accepts other
names, so a port that must match an outside name can keep it with a suppression.

\`\`\`yaml
# trips PLC1011
outputs:
  processedData: { type: dataset, path: /opt/ml/processing/output }
\`\`\`

\`\`\`yaml
# fixed
outputs:
  processed_data: { type: dataset, path: /opt/ml/processing/output }
\`\`\``,
  PLC1012: `A step file is not named after the step type it holds. Each step type lives in
\`<kebab-case name>.step.yaml\`, so the file holding \`TabularPreprocessing\` is found by its name alone.
Hyphens are not compared, so \`xgboost-training.step.yaml\` names \`XGBoostTraining\`.

\`\`\`sh
# trips PLC1012: steps/preprocess.step.yaml holds name: TabularPreprocessing
# fixed
mv steps/preprocess.step.yaml steps/tabular-preprocessing.step.yaml
\`\`\``,
  PLC1013: `A node must say what it is: a step (\`step:\` names its step type), a condition (\`condition:\`
with \`then:\`/\`else:\` lists of nodes) or a fail node (\`fail:\` with the message the execution stops
with). This one has none of the three keys.

\`\`\`yaml
# trips PLC1013
train: { jobType: training, config: { numRound: 100 } }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, config: { numRound: 100 } }
\`\`\``,
  PLC1014: `A node carries a key of another kind of node. Step nodes take \`step\`, \`jobType\`, \`inputs\`,
\`outputs\`, \`config\`, \`cache\` and \`retry\`; condition nodes \`condition\`, \`then\` and \`else\`; fail nodes
\`fail\`; all of them \`name\`, \`displayName\`, \`description\` and \`after\`. The node's kind comes from the
first of \`step:\`, \`condition:\`, \`fail:\` it has, so a step node with \`then:\` is reported at \`then:\`.

\`\`\`yaml
# trips PLC1014: a fail node has no config
too-weak: { fail: "AUC too low", config: { threshold: 0.8 } }
\`\`\`

\`\`\`yaml
# fixed
too-weak: { fail: "AUC below \${params.MinAuc}" }
\`\`\``,
  PLC2001: `A node's \`config:\` sets a field its step type does not declare. Every step has \`role\` and
\`outputPrefix\`, plus the fields under its step type's \`config.properties\` (after the job type's
variant is applied); \`plc steps show <Type>\` lists them. An unknown field would otherwise be
ignored, and a misspelt one would leave the step's default in place without a word.

\`\`\`yaml
# trips PLC2001
prep: { step: TabularPreprocessing, jobType: training, config: { trainRatoi: 0.8 } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, config: { trainRatio: 0.8 } }
\`\`\``,
  PLC2002: `A required config field has no value for this node. Every step requires \`role\` (the IAM role ARN the
job runs as, written as \`RoleArn\`) and \`outputPrefix\` (the S3 prefix its outputs go under); a step
type adds its own under \`config.required\`. A value may come from the node's \`config:\`, the
pipeline's \`defaults:\` or a default in the step type. Fields every node needs, such as \`role\`,
usually go in \`defaults:\`.

\`\`\`yaml
# trips PLC2002: no role anywhere
defaults:
  outputPrefix: s3://my-bucket/churn
\`\`\`

\`\`\`yaml
# fixed
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://my-bucket/churn
\`\`\``,
  PLC2003: `A config value does not satisfy its field's schema in the step type: its type, \`enum\`, range
(\`minimum\`, \`exclusiveMaximum\`, …), \`pattern\` or length. Values are checked after layering (step
default, pipeline \`defaults:\`, node \`config:\`) and interpolation, and the error points where the
value was written. A parameter stands for a value of its declared type, so only its type is checked:
a Float parameter cannot set an integer field, while ranges and patterns are left to run time.

\`\`\`yaml
# trips PLC2003: trainRatio must be between 0 and 1
prep: { step: TabularPreprocessing, jobType: training, config: { trainRatio: 1.5 } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, config: { trainRatio: 0.8 } }
\`\`\``,
  PLC2004: `A step type refers to \`\${config.<field>}\` for a field its config does not declare; the declared
fields are \`role\`, \`outputPrefix\` and those under \`config.properties\`. This is a mistake in the step
type (often a misspelling) and is reported at the reference, in the step file.

\`\`\`yaml
# trips PLC2004
config:
  properties:
    mode: { type: string, default: fast }
script:
  entryPoint: run.py
  env: { MODE: "\${config.mdoe}" }
\`\`\`

\`\`\`yaml
# fixed
config:
  properties:
    mode: { type: string, default: fast }
script:
  entryPoint: run.py
  env: { MODE: "\${config.mode}" }
\`\`\``,
  PLC2005: `A node's \`jobType:\` is not one of its step type's \`jobTypes\`. The job type picks the step type's
variant for that job type and is what \`\${jobType}\` gives the step (the built-in processing steps
pass it to their scripts as \`--job-type\`), so a misspelt one cannot simply be passed through.

\`\`\`yaml
# trips PLC2005
prep: { step: TabularPreprocessing, jobType: trainig }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training }
\`\`\``,
  PLC2006: `The node's step type declares \`jobTypes\`, and the node does not choose one. There is no default: the
job type decides which variant applies (for example which inputs and outputs the step has) and what
\`\${jobType}\` gives the script.

\`\`\`yaml
# trips PLC2006
prep: { step: TabularPreprocessing, inputs: { data: s3://my-bucket/raw } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC2007: `The node sets \`jobType:\`, but its step type declares no \`jobTypes\`, so there is nothing to choose
and the value would have no effect.

\`\`\`yaml
# trips PLC2007: XGBoostTraining has no job types
train: { step: XGBoostTraining, jobType: training }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining }
\`\`\``,
  PLC2008: `A key under the pipeline's \`defaults:\` is not a config field of any step type the nodes use, so it
sets nothing. This is a warning, not an error: defaults are shared, and a project may keep keys for
steps it adds later. A misspelt key is still reported, with the closest field. The check runs only
when every node's step type could be loaded, because until then plc does not know all the fields in
use.

\`\`\`yaml
# trips PLC2008
defaults:
  lableField: label
\`\`\`

\`\`\`yaml
# fixed
defaults:
  labelField: label
\`\`\``,
  PLC2009: `The \`config:\` section of a step type is not a schema plc can compile. Its shape is checked first
(PLC01xx); this code reports what only compiling shows, such as a \`pattern\` that is not a valid
regular expression, or a keyword without the type it applies to (\`minimum\` on a field with no
\`type: number\` or \`integer\`), since config schemas are compiled in ajv's strict mode. The detail is
ajv's message.

\`\`\`yaml
# trips PLC2009: minimum without a numeric type
config:
  properties:
    batchSize: { minimum: 1, default: 32 }
\`\`\`

\`\`\`yaml
# fixed
config:
  properties:
    batchSize: { type: integer, minimum: 1, default: 32 }
\`\`\``,
  PLC2010: `A step type uses \`\${config.<field>}\` for a declared field that has no value for this node: the field
is optional, has no default, and neither the node's \`config:\` nor the pipeline's \`defaults:\` sets
it. One case is allowed: an environment variable or hyperparameter whose whole value is that one
reference is left out, so the script's own default applies. Anywhere else, such as arguments,
compute, a \`derived:\` template or inside a longer string, there would be nothing to write.

\`\`\`yaml
# trips PLC2010 when a node leaves mode unset
config:
  properties:
    mode: { type: string }
script:
  entryPoint: run.py
  arguments: [--mode, "\${config.mode}"]
\`\`\`

\`\`\`yaml
# fixed: a default (or set mode in the node or in defaults:)
config:
  properties:
    mode: { type: string, default: fast }
script:
  entryPoint: run.py
  arguments: [--mode, "\${config.mode}"]
\`\`\``,
  PLC2011: `A String parameter's \`default\` is not one of its \`enum\` values. The default is what an execution
uses when nobody overrides the parameter, and the definition carries both (\`DefaultValue\` and
\`EnumValues\`), so they must agree.

\`\`\`yaml
# trips PLC2011
parameters:
  Split: { type: String, default: train, enum: [training, validation, testing] }
\`\`\`

\`\`\`yaml
# fixed
parameters:
  Split: { type: String, default: training, enum: [training, validation, testing] }
\`\`\``,
  PLC2012: `A key under the step type's \`variants:\` is not one of its \`jobTypes\`, so no node can ever select
that variant. Usually the job type is misspelt, or it was removed from \`jobTypes\` and its variant
was left behind.

\`\`\`yaml
# trips PLC2012
jobTypes: [training, validation]
variants:
  testing:
    inputs: { fitted: { type: artifacts, path: /opt/ml/processing/input/fitted } }
\`\`\`

\`\`\`yaml
# fixed
jobTypes: [training, validation, testing]
variants:
  testing:
    inputs: { fitted: { type: artifacts, path: /opt/ml/processing/input/fitted } }
\`\`\``,
  PLC2013: `Derived config fields (\`derived:\` templates) refer to each other in a loop, so none of them can be
computed; the message shows the loop. A derived field is computed only when neither the node nor the
pipeline's \`defaults:\` sets it, so the loop is reported for nodes that set none of its fields.

\`\`\`yaml
# trips PLC2013
config:
  properties:
    first: { type: string, derived: "\${config.second}-a" }
    second: { type: string, derived: "\${config.first}-b" }
\`\`\`

\`\`\`yaml
# fixed: one of them is a plain field with a default
config:
  properties:
    first: { type: string, default: base }
    second: { type: string, derived: "\${config.first}-b" }
\`\`\``,
  PLC2014: `A node's \`config:\` sets a job setting (\`network\`, …) that the API of its step's kind has no member
for, so plc would drop it. A Transform job, for one, runs in the network of its model: set the
network on the Model node. In the pipeline's \`defaults:\` a job setting applies to the kinds that
take it and is not reported.

\`\`\`yaml
# trips PLC2014
score: { step: BatchTransform, jobType: testing, config: { network: { enableNetworkIsolation: true } } }
\`\`\`

\`\`\`yaml
# fixed: the model the transform job uses is isolated
model: { step: XGBoostModel, config: { network: { enableNetworkIsolation: true } } }
\`\`\``,
  PLC3001: `A node id is expected and the name is not one: an entry of \`after:\`, or the \`<node>\` part of a wire
\`<node>.<output>\` under \`inputs:\`. Both use node ids, the keys under \`nodes:\`, not step type names
or \`name:\` values.

\`\`\`yaml
# trips PLC3001
train: { step: XGBoostTraining, inputs: { training_data: prepp.processed_data } }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC3002: `A wire \`<node>.<output>\` names an output the producing node's step type does not have. An output can
also be named by one of its \`aliases\`. Outputs can depend on the job type: the fit/apply built-ins,
such as RiskTableMapping, write their fitted artifacts only with \`jobType: training\`.
\`plc steps show <Type>\` lists a step type's outputs.

\`\`\`yaml
# trips PLC3002
train: { step: XGBoostTraining, inputs: { training_data: prep.processed } }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC3003: `A node binds an input its step type does not declare (after the job type's variant is applied).
Inputs are the ports under the step type's \`inputs:\`; a name that is not one of them has nowhere to
go in the job.

\`\`\`yaml
# trips PLC3003
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw, extra: s3://my-bucket/x } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC3004: `A required input of the node is not bound: it is not wired under \`inputs:\`, and no output of the
node's \`after:\` neighbours matched it (the hint lists the nearest candidates and why each was
passed over; \`plc explain <pipeline> <node> --wiring\` shows every score). Inputs are required
unless the step type says \`required: false\`. Without a source plc would leave the input out of
the job, and the script would find nothing at the path it reads (\`/opt/ml/processing/input/…\`, or
\`/opt/ml/input/data/<channel>\` for training). Variants can add inputs per job type: the fit/apply
built-ins need, for every job type but \`training\`, the artifacts their training node wrote.

\`\`\`yaml
# trips PLC3004: apply needs the risk tables fitted by a training node
risk-validation: { step: RiskTableMapping, jobType: validation, inputs: { data: s3://my-bucket/val } }
\`\`\`

\`\`\`yaml
# fixed
risk-train: { step: RiskTableMapping, jobType: training, inputs: { data: s3://my-bucket/train } }
risk-validation:
  step: RiskTableMapping
  jobType: validation
  inputs: { data: s3://my-bucket/val, risk_tables: risk-train.risk_tables }
\`\`\``,
  PLC3005: `A wire connects an output and an input of different port types. A port's type (\`dataset\`, \`model\`,
\`metrics\`, \`artifacts\`, …) says what the S3 location holds, so a mismatch usually means the wrong
output was picked. A port of type \`any\`, on either side, matches every type.

\`\`\`yaml
# trips PLC3005: train.model is a model, data expects a dataset
prep-again: { step: TabularPreprocessing, jobType: testing, inputs: { data: train.model } }
\`\`\`

\`\`\`yaml
# fixed
prep-again: { step: TabularPreprocessing, jobType: testing, inputs: { data: s3://my-bucket/test } }
\`\`\``,
  PLC3006: `A value under \`inputs:\` is neither a wire nor a location. A wire is \`<node id>.<output port>\`; a
location starts with \`s3://\` or \`https://\`, or contains a \`\${…}\` reference. Local paths, bare bucket
names and broken schemes such as \`s3:/bucket\` land here: SageMaker reads job inputs from S3
(\`S3Uri\`), never from your machine.

\`\`\`yaml
# trips PLC3006
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3:/my-bucket/raw } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC3007: `A node's \`outputs:\` places a port its step type does not have. \`outputs:\` maps existing output ports
to S3 locations that replace \`<outputPrefix>/<step name>/<port>\`; it cannot add outputs.

\`\`\`yaml
# trips PLC3007
prep: { step: TabularPreprocessing, jobType: training, outputs: { processed: s3://my-bucket/prep } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, outputs: { processed_data: s3://my-bucket/prep } }
\`\`\``,
  PLC3008: `A wire reads the node's own output. An output exists only after its step has run, so the step would
wait for itself. If a step should refine an earlier result, use two nodes.

\`\`\`yaml
# trips PLC3008
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: prep.processed_data } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
\`\`\``,
  PLC3009: `A value used as an S3 location (an input location, or a placement under \`outputs:\`) cannot be one.
plc accepts text starting with \`s3://<bucket>\` or \`https://<host>\`, a String parameter, or a string
that starts with one of those and continues with references, such as \`s3://\${params.Bucket}/raw\`. It
refuses Integer, Float and Boolean parameters, execution variables, lists and mappings, and text
that starts any other way, since SageMaker's \`S3Uri\` must match \`(https|s3)://…\`.

\`\`\`yaml
# trips PLC3009
outputs: { processed_data: "\${pipeline.name}/prep" }
\`\`\`

\`\`\`yaml
# fixed
outputs: { processed_data: "s3://my-bucket/\${pipeline.name}/prep" }
\`\`\``,
  PLC3010: `An input of type \`model-name\` (a Transform step's \`ModelName\`) is neither a wire from a Model step's
output nor a usable model name. Besides a wire, plc accepts a literal SageMaker model name (letters,
digits and hyphens, starting and ending with a letter or digit, at most 63 characters) or a String
parameter on its own; an S3 path, or a string joined from parts such as \`model-\${params.Env}\`, is
refused.

\`\`\`yaml
# trips PLC3010: a model artifact is not a model name
score: { step: BatchTransform, jobType: testing, inputs: { model_name: s3://my-bucket/model.tar.gz, data: s3://my-bucket/test } }
\`\`\`

\`\`\`yaml
# fixed: create the model, then wire its name
model: { step: XGBoostModel, inputs: { model: train.model } }
score: { step: BatchTransform, jobType: testing, inputs: { model_name: model.model_name, data: s3://my-bucket/test } }
\`\`\``,
  PLC3011: `The input needs a single S3 object, but the wire points at a processing output, which is a folder
(\`S3Output.S3Uri\` is a prefix). SageMaker reads \`ModelDataUrl\` (Model and RegisterModel),
RegisterModel's metrics and \`SamplePayloadUrl\` as single files. Training outputs already name one
(\`model.tar.gz\`); for a processing output, declare with \`file:\` on the output port which file in it
consumers read. A property file on the port counts as that file.

\`\`\`yaml
# trips PLC3011 when a Model step reads package.model: steps/package.step.yaml
outputs:
  model: { type: model, path: /opt/ml/processing/output/model }
\`\`\`

\`\`\`yaml
# fixed
outputs:
  model: { type: model, path: /opt/ml/processing/output/model, file: model.tar.gz }
\`\`\``,
  PLC3012: `An input left open under \`inputs:\` is matched against the outputs of the node's \`after:\`
neighbours, and two or more outputs scored best with the same score. plc never guesses between
them. A candidate scores a point for the same port type (a different type rules it out), 3 when
the output has the input's name or 2 when one of its \`aliases\` is that name, 2 when the input's
\`accepts\` lists the producer's step type (an \`accepts\` list that does not name it rules it
out), a point per shared keyword, and a point when both nodes have the same job type; it needs 2
points or more. Wire the input explicitly, or drop the producer that is only there for ordering
from \`after:\`.

\`\`\`yaml
# trips PLC3012: both preprocessing nodes offer a calibration dataset
prep-a: { step: TabularPreprocessing, jobType: calibration, inputs: { data: s3://my-bucket/a } }
prep-b: { step: TabularPreprocessing, jobType: calibration, inputs: { data: s3://my-bucket/b } }
evaluate: { step: XGBoostModelEval, jobType: calibration, after: [train, prep-a, prep-b] }
\`\`\`

\`\`\`yaml
# fixed
evaluate:
  step: XGBoostModelEval
  jobType: calibration
  after: [train]
  inputs: { eval_data: prep-a.processed_data }
\`\`\``,
  PLC3013: `A condition operand \`{ jsonGet: [<node>.<output>, <path>] }\` reads a JSON file that a processing
step wrote, through the step's \`PropertyFiles\`. The output it names declares no \`propertyFile\`, so
SageMaker would not know which file to read. Only outputs of processing steps can have one: the
step type declares it on the output, with the file's name inside the output folder.

\`\`\`yaml
# trips PLC3013: the evaluation's predictions are not a property file
condition: { greaterThan: [ { jsonGet: [evaluate.eval_output, metrics.auc] }, 0.8 ] }
\`\`\`

\`\`\`yaml
# fixed: metrics declares propertyFile: { name: EvaluationReport, path: metrics.json }
condition: { greaterThan: [ { jsonGet: [evaluate.metrics, metrics.auc] }, 0.8 ] }
\`\`\``,
  PLC3014: `A node's \`outputs:\` chooses the S3 location a job writes a port to. Processing, training, tuning
and transform jobs write to S3 where they are told; a Model step's output is a model name, a
RegisterModel step's a package ARN, and Lambda, Callback and EMR outputs are values or cluster
steps, so there is nothing to place and the entry would be ignored.

\`\`\`yaml
# trips PLC3014
model: { step: XGBoostModel, after: [train], outputs: { model_name: s3://my-bucket/models/fraud } }
\`\`\`

\`\`\`yaml
# fixed
model: { step: XGBoostModel, after: [train] }
\`\`\``,
  PLC3020: `\`plc check\` over step files runs the catalog-wide rule of the seed system's dependency check: every
input port of every step type (its base and its variants) can be fed by an output of some step type
in its library — the built-in one plus the folder of the step file — of a matching type (\`any\`
matches every type), from a step type its \`accepts:\` names when it has one. An input nothing can
produce can only be fed from an S3 URI in a pipeline, which is rarely what a library means: usually
the type or an \`accepts:\` entry is wrong, or the producing step type is missing.

\`\`\`yaml
# trips PLC3020: no step type has an output of type tokenizer
inputs:
  vocab: { type: tokenizer, path: /opt/ml/processing/input/vocab }
\`\`\`

\`\`\`yaml
# fixed: the vocabulary is an artifacts output of the step type that builds it
inputs:
  vocab: { type: artifacts, path: /opt/ml/processing/input/vocab, accepts: [BuildVocabulary] }
\`\`\``,
  PLC3021: `An input's \`accepts:\` names a step type that exists, but none of its outputs (in its base or any
variant) has a type this input takes. Wiring refuses a producer of another type (PLC3005), so that
entry can never bind: the list promises a producer that cannot feed the input. Checked by
\`plc check\` over step files, with the producer's outputs as the related location.

\`\`\`yaml
# trips PLC3021: XGBoostTraining's outputs are a model and metrics, never a dataset
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, accepts: [TabularPreprocessing, XGBoostTraining] }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, accepts: [TabularPreprocessing] }
\`\`\``,
  PLC3030: `A dataset port may declare its folder layout: \`splits\` (\`train/\`, \`val/\` and \`test/\` sub-folders,
as TabularPreprocessing's training job type writes) or \`single\` (one data set, as its other job
types write under \`<job type>/\`). An input that needs one layout is fed an output of the other, so
the job would fail only when it runs: a training step finds no \`train/\` folder, or a step that
reads a whole folder mixes train, validation and test rows. Steps that transform each file in place
(MissingValueImputation, RiskTableMapping, …) keep their input's layout (\`layoutFrom\`), so the
layout is followed through them.

\`\`\`yaml
# trips PLC3030: the calibration job type writes a single set, training needs train/val/test
prep: { step: TabularPreprocessing, jobType: calibration, inputs: { data: s3://my-bucket/raw } }
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC3031: `An output's \`layoutFrom\` says it keeps the folder layout of one of the step's inputs (a step that
writes each input file back at the same relative path). It must name an input of the step, and an
output gives either \`layoutFrom\` or a fixed \`layout\`, not both.

\`\`\`yaml
# trips PLC3031: the input is called data
inputs: { data: { type: dataset, path: /opt/ml/processing/input/data } }
outputs: { processed_data: { type: dataset, path: /opt/ml/processing/output, layoutFrom: input_data } }
\`\`\`

\`\`\`yaml
# fixed
outputs: { processed_data: { type: dataset, path: /opt/ml/processing/output, layoutFrom: data } }
\`\`\``,
  PLC4001: `The step type's \`script.entryPoint\` does not exist. It is resolved against \`sourceDir\` when that is
set, else against the step file's folder; the message shows the path relative to the step file's
folder. plc hashes the code to name its S3 location, so the script must exist when the pipeline is
built.

\`\`\`yaml
# trips PLC4001: the script is scripts/train.py, next to the step file
script:
  entryPoint: train.py
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/train.py
\`\`\``,
  PLC4002: `\`script.sourceDir\` cannot be shipped: it is not a folder, it lies outside the step file's folder, or
it holds a symbolic link that is broken, loops or leads outside it. plc ships and hashes the whole
folder (without hidden files, \`__pycache__\` and \`*.pyc\`), so all of it must be readable and inside
the step type's own folder.

\`\`\`yaml
# trips PLC4002: the folder is outside the step file's folder
script:
  entryPoint: train.py
  sourceDir: ../src
\`\`\`

\`\`\`yaml
# fixed: the code lives next to the step file
script:
  entryPoint: train.py
  sourceDir: src
\`\`\``,
  PLC4003: `The entry point resolves outside the code plc ships: outside \`sourceDir\` when that is set, else
outside the step file's folder (for example \`entryPoint: ../run.py\`, or a link that leads out). Only
that folder is uploaded, so the job could not find a script that lies outside it.

\`\`\`yaml
# trips PLC4003
script:
  entryPoint: ../train.py
  sourceDir: src
\`\`\`

\`\`\`yaml
# fixed: move train.py into src/
script:
  entryPoint: train.py
  sourceDir: src
\`\`\``,
  PLC4004: `A step type sets both \`include:\` and \`sourceDir:\`. \`sourceDir\` already ships its whole folder;
\`include\` lists extra files (such as shared helper modules) to ship next to an entry point when
there is no \`sourceDir\`. Choose one.

\`\`\`yaml
# trips PLC4004
script:
  entryPoint: run.py
  sourceDir: scripts
  include: [scripts/helpers.py]
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/run.py
  include: [scripts/helpers.py]
\`\`\``,
  PLC4005: `A file listed under \`script.include\` does not exist (or is not a file), or lies outside the step
file's folder. Included files are shipped at their paths relative to the step file, next to the
entry point, and count in the code hash, so each must be a real file inside that folder.

\`\`\`yaml
# trips PLC4005: the helpers live in scripts/common/
script:
  entryPoint: scripts/run.py
  include: [scripts/helpers.py]
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/run.py
  include: [scripts/common/helpers.py]
\`\`\``,
  PLC4010: `The script reads an environment variable that the step type does not bind under \`script.env\`, in its
base or in any variant. plc parses the entry point and finds every \`os.environ["NAME"]\`,
\`os.environ.get("NAME")\` and \`os.getenv("NAME")\` with a literal name. A SageMaker job gets only the
variables in the definition's \`Environment\`, plus the container's own, so an unbound read falls back
to its default or fails at run time. Variables the containers set themselves (\`SM_*\`, \`SAGEMAKER_*\`,
\`HOME\`, \`PATH\`, \`PYTHONPATH\`, \`TMPDIR\`, \`AWS_REGION\`, \`AWS_DEFAULT_REGION\`) are not reported; excuse
any other deliberate read with \`# plc-ignore-next-line PLC4010: <reason>\`. Scripts are checked by
\`plc build\` and \`plc check\`.

\`\`\`python
# trips PLC4010: scripts/score.py, whose step type binds no THRESHOLD
THRESHOLD = float(os.environ.get("THRESHOLD", "0.5"))
\`\`\`

\`\`\`yaml
# fixed: steps/score.step.yaml binds it
script:
  entryPoint: scripts/score.py
  env: { THRESHOLD: "\${config.threshold}" }
\`\`\``,
  PLC4011: `The step type binds an environment variable under \`script.env\` that the script never reads: the name
is not in the script's \`REQUIRED_ENV_VARS\` or \`OPTIONAL_ENV_VARS\`, and not read directly with
\`os.environ[…]\`, \`os.environ.get(…)\` or \`os.getenv(…)\`. Usually the script renamed the variable, and
the config field behind the binding no longer changes anything. plc does not follow reads through
helper functions, so this rule applies only to scripts that declare \`REQUIRED_ENV_VARS\` or
\`OPTIONAL_ENV_VARS\`; a script that reads its environment through helpers lists the names there.

\`\`\`yaml
# trips PLC4011: scripts/split.py reads RATIO
script:
  entryPoint: scripts/split.py
  env: { TRAIN_RATIO: "\${config.trainRatio}" }
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/split.py
  env: { RATIO: "\${config.trainRatio}" }
\`\`\``,
  PLC4012: `A name in the script's \`REQUIRED_ENV_VARS\` is not bound under the step type's \`script.env\`. The
script states it cannot run without the variable, so the job would fail on SageMaker when it starts,
rather than now. Bind it, or, if the script has a sensible default, move it to \`OPTIONAL_ENV_VARS\`.

\`\`\`yaml
# trips PLC4012: scripts/split.py has REQUIRED_ENV_VARS = ["LABEL_FIELD"]
script:
  entryPoint: scripts/split.py
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/split.py
  env: { LABEL_FIELD: "\${config.labelField}" }
\`\`\``,
  PLC4013: `The script's \`INPUT_PATHS\` or \`OUTPUT_PATHS\` names a container path at which the step type declares
no port, in its base or in any variant (trailing slashes do not count). SageMaker places input data
and collects outputs only at the paths of the job's declared inputs and outputs, so the script would
find nothing there, or write files that are never uploaded. The check runs when the script assigns
either constant at module level; plc reads the literal strings of the dictionary's values.

\`\`\`python
# trips PLC4013: scripts/enrich.py reads a lookup table its step type has no port for
INPUT_PATHS = {"data": "/opt/ml/processing/input/data", "lookup": "/opt/ml/processing/input/lookup"}
\`\`\`

\`\`\`yaml
# fixed: steps/enrich.step.yaml declares the port
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
  lookup: { type: dataset, path: /opt/ml/processing/input/lookup }
\`\`\``,
  PLC4014: `A port of the step type is at a path that the script's \`INPUT_PATHS\` and \`OUTPUT_PATHS\` never list.
For an input, the job downloads data the script ignores; for an output, the script writes nothing
there and consumers wired to it read an empty location. Optional inputs (\`required: false\`) are
exempt, and the check runs only when the script defines one of the two constants.

\`\`\`yaml
# trips PLC4014: scripts/clean.py lists only /opt/ml/processing/input/data
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
  extra: { type: dataset, path: /opt/ml/processing/input/extra }
\`\`\`

\`\`\`yaml
# fixed: extra is optional (or add it to INPUT_PATHS and use it, or remove the port)
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
  extra: { type: dataset, path: /opt/ml/processing/input/extra, required: false }
\`\`\``,
  PLC4015: `The script's \`CLI_ARGS\` marks a flag \`"required": True\`, and the step type's \`script.arguments\`
(base or any variant) never passes it. plc passes a processing step's arguments to the script as the
job's \`ContainerArguments\`, so the script would stop when it starts. Flags are compared by name:
leading dashes, an \`=value\` part and case are ignored, and \`_\` equals \`-\`, so \`--job_type\` matches
\`--job-type\`.

\`\`\`yaml
# trips PLC4015: scripts/split.py has CLI_ARGS = {"--job-type": {"required": True}}
script:
  entryPoint: scripts/split.py
\`\`\`

\`\`\`yaml
# fixed
script:
  entryPoint: scripts/split.py
  arguments: [--job-type, "\${jobType}"]
\`\`\``,
  PLC4016: `The step type passes a flag in \`script.arguments\` that the script's \`CLI_ARGS\` does not list. A
script that parses its arguments with argparse's \`parse_args()\` exits with an error on an unknown
flag, so the job would fail when it starts. Every argument that starts with \`-\` counts as a flag (a
negative number such as \`"-1"\` too), and names are compared as for PLC4015. The check runs only when
the script defines \`CLI_ARGS\`.

\`\`\`yaml
# trips PLC4016: scripts/clean.py has CLI_ARGS = {"--job-type": {"required": True}}
script:
  entryPoint: scripts/clean.py
  arguments: [--job-type, "\${jobType}", --verbose]
\`\`\`

\`\`\`yaml
# fixed (or add "--verbose" to CLI_ARGS and to the script's parser)
script:
  entryPoint: scripts/clean.py
  arguments: [--job-type, "\${jobType}"]
\`\`\``,
  PLC4017: `A name in the script's \`REQUIRED_HYPERPARAMETERS\` is not set under the step type's
\`training.hyperparameters\`. A training job receives only the hyperparameters in the definition
(\`HyperParameters\`), so the script would not get it. The check runs when \`training.hyperparameters\`
is a mapping (not one \`\${config.…}\` object) and the script defines \`REQUIRED_HYPERPARAMETERS\` or
\`OPTIONAL_HYPERPARAMETERS\`.

\`\`\`yaml
# trips PLC4017: scripts/train.py has REQUIRED_HYPERPARAMETERS = ["label_field", "num_round"]
training:
  hyperparameters:
    label_field: \${config.labelField}
\`\`\`

\`\`\`yaml
# fixed
training:
  hyperparameters:
    label_field: \${config.labelField}
    num_round: \${config.numRound}
\`\`\``,
  PLC4018: `The step type sets a hyperparameter under \`training.hyperparameters\` that the script lists in
neither \`REQUIRED_HYPERPARAMETERS\` nor \`OPTIONAL_HYPERPARAMETERS\`. The job would receive it and
ignore it, which usually means a renamed or misspelt name, and a config field that changes nothing.
It runs under the same conditions as PLC4017; the script-mode hyperparameters plc adds itself
(\`sagemaker_program\`, \`sagemaker_submit_directory\`) are not compared.

\`\`\`yaml
# trips PLC4018: scripts/train.py lists label_field and num_round
training:
  hyperparameters:
    label_field: \${config.labelField}
    max_depth: \${config.maxDepth}
\`\`\`

\`\`\`yaml
# fixed (or read max_depth in the script and list it in OPTIONAL_HYPERPARAMETERS)
training:
  hyperparameters:
    label_field: \${config.labelField}
\`\`\``,
  PLC4019: `\`main()\` reads \`input_paths["k"]\` or \`output_paths["k"]\` (a subscript, \`.get\`, through a name it was
assigned to, or in one of the script's functions main passes it to) for a key that the dictionary
\`__main__\` hands to main does not have. With plc's harness (\`run_processing_job\`,
\`run_training_job\`) that dictionary is \`INPUT_PATHS\` / \`OUTPUT_PATHS\`; a direct \`main(...)\` call
hands over whatever dictionary it names. The job fails with a KeyError, or \`.get\` returns None, for a
port the step type does not declare. Keys that come from a literal loop or a call argument are
followed; computed keys are PLC4025.

\`\`\`python
# trips PLC4019: scripts/enrich.py reads a lookup table its step type has no port for
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}

def main(input_paths, output_paths, environ_vars, job_args):
    lookup = input_paths["lookup"]
\`\`\`

\`\`\`yaml
# fixed: the step type declares the port, and INPUT_PATHS lists its path under "lookup"
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
  lookup: { type: dataset, path: /opt/ml/processing/input/lookup }
\`\`\``,
  PLC4020: `A port of the step type (an input that is not \`required: false\`, or an output) is handed to \`main()\`
under a key that main, and the script's functions it calls, never read. For an input, the job
downloads data it ignores; for an output, nothing is written there and consumers wired to it read an
empty location. PLC4014 covers a port whose path the dictionary does not list at all; this rule
looks at what main does with the dictionary. It is skipped for a dictionary main iterates whole
(\`.items()\`) or uses in a way plc cannot follow (PLC4025).

\`\`\`python
# trips PLC4020: OUTPUT_PATHS lists "report", but main() writes only "processed_data"
def main(input_paths, output_paths, environ_vars, job_args):
    write(output_paths["processed_data"])
\`\`\`

\`\`\`python
# fixed
def main(input_paths, output_paths, environ_vars, job_args):
    write(output_paths["processed_data"])
    write_report(output_paths["report"])
\`\`\``,
  PLC4021: `\`main()\` reads an environment variable through its \`environ_vars\` dictionary — a subscript, \`.get\`,
or a method of plc's \`StepEnv\` reader built on it (\`env.required("NAME", …)\`, \`env.number(…)\`, …) —
that the step type does not bind under \`script.env\`. The container never has it: a KeyError, an
error from \`StepEnv.required\`, or a default the step type cannot change. Variables SageMaker sets
itself (\`SM_*\`, \`SAGEMAKER_*\`, \`AWS_REGION\`, …) are exempt; reads of \`os.environ\` are PLC4010.

\`\`\`python
# trips PLC4021: the step type binds LABEL_FIELD but not RANDOM_SEED
env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
seed = env.number("RANDOM_SEED", int, 0, 2**32)
\`\`\`

\`\`\`yaml
# fixed: the step type binds it
script:
  env:
    LABEL_FIELD: \${config.labelField}
    RANDOM_SEED: \${config.randomSeed}
\`\`\``,
  PLC4022: `The script's argparse defines a flag (\`parser.add_argument("--x", …)\`, also through a loop over a
literal or a module constant) that its \`CLI_ARGS\` does not declare — or, in a script without
\`CLI_ARGS\`, that the step type's \`script.arguments\` never pass. The declarations plc compares
(PLC4015, PLC4016) then no longer describe what the script parses, and a required flag the step does
not pass stops the job with "the following arguments are required". \`--x-y\` and \`--x_y\` are one flag.

\`\`\`python
# trips PLC4022: CLI_ARGS = {"--job-type": {"required": True}}
parser.add_argument("--job-type", required=True)
parser.add_argument("--sample-rate", required=True)
\`\`\`

\`\`\`python
# fixed: declared, and passed by the step type (script.arguments: [--job-type, \${jobType}, --sample-rate, \${config.sampleRate}])
CLI_ARGS = {"--job-type": {"required": True}, "--sample-rate": {"required": True}}
\`\`\``,
  PLC4023: `A string literal under \`/opt/ml\` inside \`main()\` (or a function of the script main calls) names a
container path where the step type declares no port. SageMaker mounts inputs and collects outputs
only at declared ports, so the script reads nothing there or writes files that are never uploaded;
and a hard-coded path bypasses the dictionaries the other checks follow. Paths inside a port's
folder, folders above a port, and what SageMaker provides itself (\`/opt/ml/input/config\`,
\`/opt/ml/output/failure\` and \`message\`, the code folders) are fine.

\`\`\`python
# trips PLC4023: no port is at /opt/ml/processing/input/lookup
def main(input_paths, output_paths, environ_vars, job_args):
    lookup = read_table("/opt/ml/processing/input/lookup/rates.csv")
\`\`\`

\`\`\`python
# fixed: declare the port lookup at /opt/ml/processing/input/lookup, list it in INPUT_PATHS, and read
def main(input_paths, output_paths, environ_vars, job_args):
    lookup = read_table(os.path.join(input_paths["lookup"], "rates.csv"))
\`\`\``,
  PLC4024: `A script that takes part in the contract convention — it declares \`INPUT_PATHS\`, \`OUTPUT_PATHS\`, the
env-var, CLI or hyperparameter constants, or defines \`main\` — must define
\`main(input_paths, output_paths, environ_vars, job_args)\` and call it from its
\`if __name__ == "__main__":\` block, directly with the four values or through plc's harness
(\`run_processing_job\` / \`run_training_job\` from \`plc_step\`, which build them from the constants).
That is what \`plc new step\` writes and the built-in scripts follow; it lets plc follow what the job
reads (PLC4019 to PLC4023, PLC4027), and lets a unittest call main() on temporary folders. Reported: no main,
a main with other parameters, or a main nothing calls.

\`\`\`python
# trips PLC4024: main takes its paths under other names
def main(inputs, outputs, env, args):
    ...
\`\`\`

\`\`\`python
# fixed
def main(input_paths, output_paths, environ_vars, job_args):
    ...

if __name__ == "__main__":
    run_processing_job("Clean", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS, CLI_ARGS)
\`\`\``,
  PLC4025: `An information, once per script, at the first place where plc cannot follow what \`main()\` does with
one of its dictionaries: a key computed at run time (\`input_paths[name]\` where \`name\` is not a
literal, a literal loop or a call argument), the dictionary handed to code outside the script (an
imported function, a method), or an argparse flag that is not a literal. Reads there are not checked,
and PLC4020 is skipped for that dictionary — plc says so instead of guessing. The message counts the
other such places.

\`\`\`python
# reports PLC4025: the key comes from the data
for name in discovered_channels():
    load(input_paths[name])
\`\`\`

\`\`\`python
# followed: the keys are written out
for name in ("train", "val"):
    load(input_paths[name])
\`\`\``,
  PLC4026: `A field declared under the step type's \`config.properties\` that no \`\${config.<field>}\` in the step
document binds: not in \`script.env\` or \`arguments\`, \`compute\`, the kind's section (\`training\`,
\`transform\`, …), a variant or another field's \`derived\` template. A pipeline that sets it changes
nothing in the definition, which usually means the binding is misspelt (\`\${config.randomSed}\`, then
also PLC2004) or the field is left over. Checked by \`plc check\` over step files (a step library),
not by pipeline builds, where a step type with a structural error would report it as a follow-on.

\`\`\`yaml
# trips PLC4026: randomSeed is declared, but script.env binds RANDOM_SEED to a literal
config:
  properties:
    randomSeed: { type: integer, default: 42 }
\`\`\`

\`\`\`yaml
# fixed
script:
  env:
    RANDOM_SEED: \${config.randomSeed}
\`\`\``,
  PLC4027: `\`main()\` reads an attribute of \`job_args\` (\`job_args.sample_rate\`) that no argument the script parses
defines: not a flag of \`CLI_ARGS\` (what plc_step's \`run_processing_job\` parses) nor a literal
\`parser.add_argument(…)\`. argparse gives \`--sample-rate\` the attribute \`sample_rate\`; anything else
is an AttributeError when the job runs. Not checked when a flag is computed at run time (PLC4025).

\`\`\`python
# trips PLC4027: CLI_ARGS = {"--job-type": {"required": True}}
rate = float(job_args.sample_rate)
\`\`\`

\`\`\`python
# fixed: declared (and passed by the step type's script.arguments)
CLI_ARGS = {"--job-type": {"required": True}, "--sample-rate": {"required": True}}
\`\`\``,
  PLC5001: `A Training step's input is a channel: the port name is the \`ChannelName\`, and SageMaker places
channel \`<name>\` at \`/opt/ml/input/data/<name>\` in the container. The port's \`path:\` must be exactly
that folder; any other path is not where the data arrives.

\`\`\`yaml
# trips PLC5001
inputs:
  data: { type: dataset, path: /opt/ml/input/data/train }
\`\`\`

\`\`\`yaml
# fixed: name the port after the channel (or change the path to /opt/ml/input/data/data)
inputs:
  train: { type: dataset, path: /opt/ml/input/data/train }
\`\`\``,
  PLC5002: `A Training step's output is at a path the job does not upload. A training job uploads only
\`/opt/ml/model\`, as \`model.tar.gz\` (read as \`ModelArtifacts.S3ModelArtifacts\`), and
\`/opt/ml/output/data\`, as \`<S3OutputPath>/<job name>/output/output.tar.gz\`. Anything the script
writes elsewhere is lost when the job ends.

\`\`\`yaml
# trips PLC5002
outputs:
  report: { type: metrics, path: /opt/ml/output/report }
\`\`\`

\`\`\`yaml
# fixed
outputs:
  report: { type: metrics, path: /opt/ml/output/data }
\`\`\``,
  PLC5003: `A Processing step type with a \`script:\` has a port named \`code\` or a port at
\`/opt/ml/processing/input/code\`. plc delivers the script itself as a processing input named \`code\`
at that path, and runs \`python3 /opt/ml/processing/input/code/<entryPoint>\`, so such a port would
collide with it.

\`\`\`yaml
# trips PLC5003
inputs:
  code: { type: artifacts, path: /opt/ml/processing/input/code }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  extra_code: { type: artifacts, path: /opt/ml/processing/input/extra_code }
\`\`\``,
  PLC5004: `An output declares \`propertyFile:\` in a step type that is not a Processing step. Property files are
the \`PropertyFiles\` of a Processing step in the definition, and \`Std:JsonGet\` reads them only from
Processing steps; other kinds have no such field.

\`\`\`yaml
# trips PLC5004: in a Training step type
outputs:
  metrics: { type: metrics, path: /opt/ml/output/data, propertyFile: { name: Report, path: metrics.json } }
\`\`\`

\`\`\`yaml
# fixed: read the metrics in a Processing step (as ModelMetricsComputation does), or drop the property file
outputs:
  metrics: { type: metrics, path: /opt/ml/output/data }
\`\`\``,
  PLC5005: `A training node places more than one of its outputs under \`outputs:\`, at different locations. A
training job has a single \`OutputDataConfig.S3OutputPath\`, below which SageMaker writes both the
model (\`/opt/ml/model\`) and \`/opt/ml/output/data\`, so plc can honour only one location. Place one
output, or give both the same location.

\`\`\`yaml
# trips PLC5005
train:
  step: XGBoostTraining
  outputs: { model: s3://my-bucket/models, metrics: s3://my-bucket/metrics }
\`\`\`

\`\`\`yaml
# fixed
train:
  step: XGBoostTraining
  outputs: { model: s3://my-bucket/training }
\`\`\``,
  PLC5006: `Managed spot training (\`training.spot: true\`, written as \`EnableManagedSpotTraining\`) needs
\`training.maxWaitSeconds\`. SageMaker requires \`StoppingCondition.MaxWaitTimeInSeconds\` with spot
training: the time the job may spend waiting for spot capacity plus running, at least the maximum
run time (\`compute.maxRuntimeSeconds\`, 86400 by default for training). plc checks that it is set
when \`spot\` is true at build time; it does not compare the two numbers.

\`\`\`yaml
# trips PLC5006
training:
  spot: true
\`\`\`

\`\`\`yaml
# fixed
training:
  spot: true
  maxWaitSeconds: 172800
\`\`\``,
  PLC5007: `A Processing port's \`path\` is not below \`/opt/ml/processing/\`. SageMaker requires a processing
input's \`LocalPath\` to start with \`/opt/ml/processing/\`, and plc holds outputs to the same rule.

\`\`\`yaml
# trips PLC5007
inputs:
  data: { type: dataset, path: /data }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data }
\`\`\``,
  PLC5008: `Two ports of a Processing step type use the same container folder (trailing slashes do not count).
SageMaker downloads each input into its own \`LocalPath\` and uploads each output from its own, so a
shared folder would mix two inputs, or upload one port's files as another's.

\`\`\`yaml
# trips PLC5008
inputs:
  train: { type: dataset, path: /opt/ml/processing/input/data }
  test: { type: dataset, path: /opt/ml/processing/input/data/ }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  train: { type: dataset, path: /opt/ml/processing/input/train }
  test: { type: dataset, path: /opt/ml/processing/input/test }
\`\`\``,
  PLC5009: `SageMaker allows at most 10 \`ProcessingInputs\` and 10 \`ProcessingOutputs\` per processing job. For a
step type with a \`script:\`, plc adds its \`code\` input, so such a step can declare at most 9 inputs
of its own. Declared ports count, whether or not a node binds them.

\`\`\`yaml
# trips PLC5009: 10 inputs plus the code input
inputs:
  part1: { type: dataset, path: /opt/ml/processing/input/part1 }
  # … part2 to part10 alike
\`\`\`

\`\`\`yaml
# fixed: one folder with part1/ … part10/ inside
inputs:
  parts: { type: dataset, path: /opt/ml/processing/input/parts }
\`\`\``,
  PLC5011: `A step type has a section its SageMaker kind does not use: \`script:\` is for Processing and Training
steps (Model, Transform and RegisterModel steps run no code of yours), \`training:\` for Training,
\`transform:\` for Transform and \`registration:\` for RegisterModel. plc reports the section rather
than ignore it.

\`\`\`yaml
# trips PLC5011
sagemaker: Model
training:
  inputMode: File
\`\`\`

\`\`\`yaml
# fixed
sagemaker: Model
\`\`\``,
  PLC5012: `Model, Transform and RegisterModel steps have no container folders: plc maps their ports by type
onto fields of the request. A Model step takes a \`model\` input (\`PrimaryContainer.ModelDataUrl\`) and
a \`model-name\` output; a Transform step \`model-name\` and \`dataset\` inputs (\`ModelName\`,
\`TransformInput\`) and a \`predictions\` output; a RegisterModel step \`model\`, \`metrics\` and \`payload\`
inputs and a \`model-package\` output. A port of another type has no field to go to.

\`\`\`yaml
# trips PLC5012: a Model step has nowhere to put a dataset
sagemaker: Model
inputs:
  model: { type: model }
  extra: { type: dataset }
\`\`\`

\`\`\`yaml
# fixed
sagemaker: Model
inputs:
  model: { type: model }
\`\`\``,
  PLC5013: `For Model, Transform and RegisterModel steps, each port type fills one field, so the number of ports
of each type is fixed: a Model step has exactly one \`model\` input and at most one \`model-name\`
output; a Transform step exactly one \`model-name\` input, one \`dataset\` input and one \`predictions\`
output; a RegisterModel step exactly one \`model\` input, at most one \`metrics\` and one \`payload\`
input, and at most one \`model-package\` output.

\`\`\`yaml
# trips PLC5013: two model inputs
sagemaker: Model
inputs:
  model: { type: model }
  second: { type: model }
\`\`\`

\`\`\`yaml
# fixed
sagemaker: Model
inputs:
  model: { type: model }
\`\`\``,
  PLC5014: `A node sets \`cache:\` on a Model or RegisterModel step. SageMaker does not cache these kinds of step
(the SageMaker SDK writes no \`CacheConfig\` for them either), so plc reports the setting rather than
drop it silently. Processing, Training and Transform steps can be cached.

\`\`\`yaml
# trips PLC5014
model: { step: XGBoostModel, inputs: { model: train.model }, cache: true }
\`\`\`

\`\`\`yaml
# fixed
model: { step: XGBoostModel, inputs: { model: train.model } }
\`\`\``,
  PLC5015: `An instance type known at build time is not one SageMaker offers for the step's kind. The lists are
the API's \`ProcessingInstanceType\`, \`TrainingInstanceType\` and \`TransformInstanceType\` values, taken
from the botocore SageMaker model, and they differ by kind. The error points where the value was
written: the node's \`config:\`, the pipeline's \`defaults:\` or the step type. An instance type from a
parameter is only known when the pipeline runs, and is not checked.

\`\`\`yaml
# trips PLC5015
prep: { step: TabularPreprocessing, jobType: training, config: { instanceType: ml.m5.huge } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, config: { instanceType: ml.m5.2xlarge } }
\`\`\``,
  PLC5016: `A job would get more entries than SageMaker allows: at most 100 environment variables for a
processing or training job, and at most 100 hyperparameters for a training job. For a training step
with a script the count includes the two script-mode hyperparameters plc adds (\`sagemaker_program\`,
\`sagemaker_submit_directory\`), so 98 are left for the step type's own. Environment variables left
out because their optional config field is unset do not count.

\`\`\`yaml
# trips PLC5016: 99 hyperparameters, plus the two plc adds
training:
  hyperparameters:
    h0: \${config.h0}
    # … h1 to h98
\`\`\`

\`\`\`yaml
# fixed: hand the settings over as a file, through an input
inputs:
  settings: { type: hyperparameters, path: /opt/ml/input/data/settings }
\`\`\``,
  PLC5017: `A value known at build time is longer than SageMaker accepts: an environment value of a processing
job may have at most 256 characters, one of a training job 512, and a hyperparameter value 2500. The
error points where the value was written. Values from parameters are only known when the pipeline
runs, and are not checked. Long lists and documents belong in a file the step reads from an input.

\`\`\`yaml
# trips PLC5017: labelField reaches the script as the environment variable LABEL_FIELD
prep: { step: TabularPreprocessing, jobType: training, config: { labelField: "<300 characters>" } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, config: { labelField: is_fraud } }
\`\`\``,
  PLC5018: `The compiled definition is longer than 1,048,576 characters, the most \`CreatePipeline\` and
\`UpdatePipeline\` accept as \`PipelineDefinition\`. Nothing is emitted. The pipeline file itself is
limited to 1 MiB (PLC0004), but every node expands to a whole step in the definition, so long
literal values repeated over many nodes (descriptions, arguments) add up. The check runs on the JSON
that \`plc build\` and \`plc check\` produce, and points at the pipeline's \`name\`.

\`\`\`yaml
# trips PLC5018: 300 nodes, each with a 3000-character description
nodes:
  prep-001: { step: TabularPreprocessing, jobType: testing, description: "<3000 characters>" }
  # … prep-002 to prep-300 alike
\`\`\`

\`\`\`yaml
# fixed: short descriptions (or split the work over several pipelines)
nodes:
  prep-001: { step: TabularPreprocessing, jobType: testing, description: Cleans part 1. }
  # … prep-002 to prep-300 alike
\`\`\``,
  PLC5019: `The compiled definition is larger than 100 KB (102,400 bytes). SageMaker accepts it, but the
SageMaker SDK sends a definition of this size as an S3 object (\`PipelineDefinitionS3Location\`)
instead of inline, and a deploy has to do the same. This is information, not a problem: the
definition is emitted as usual and nothing needs to change.

\`\`\`yaml
# reports PLC5019: 40 nodes, each with a 3000-character description
nodes:
  prep-01: { step: TabularPreprocessing, jobType: training, description: "<3000 characters>" }
  # … prep-02 to prep-40 alike
\`\`\`

\`\`\`yaml
# optional: shorter descriptions keep the definition under 100 KB
nodes:
  prep-01: { step: TabularPreprocessing, jobType: training, description: Cleans part 1. }
  # … prep-02 to prep-40 alike
\`\`\``,
  PLC5020: `A training step type lists \`script.arguments\`. SageMaker's script mode starts a training script
with its hyperparameters (as \`--name value\` pairs and in \`/opt/ml/input/config/hyperparameters.json\`),
not with arguments of your choosing, so plc would have no place to put them in the
CreateTrainingJob request and the script would never see them. Pass such values as hyperparameters,
bound to config fields like every other value.

\`\`\`yaml
# trips PLC5020
sagemaker: Training
script:
  entryPoint: train.py
  arguments: [--epochs, "\${config.epochs}"]
\`\`\`

\`\`\`yaml
# fixed
sagemaker: Training
script:
  entryPoint: train.py
training:
  hyperparameters:
    epochs: \${config.epochs}
\`\`\``,
  PLC5021: `A node's SageMaker step name — its id, or its \`name:\` when set — is longer than 64 characters.
CreatePipeline validates step names against \`^[A-Za-z0-9_-]{1,64}$\`, so the whole definition would
be refused at deploy time. plc reports it with the length, at the id or the \`name:\` that sets it.

\`\`\`yaml
# trips PLC5021: 73 characters
preprocess-the-training-split-of-the-fraud-data-set-with-the-new-rules-v2: { step: TabularPreprocessing, jobType: training }
\`\`\`

\`\`\`yaml
# fixed: a short id, and a displayName for people
prep-training:
  step: TabularPreprocessing
  jobType: training
  displayName: Preprocess training split v2
\`\`\``,
  PLC5022: `A node of a Lambda or Callback step type sets \`retry:\`. SageMaker retries only the steps that run
jobs of its own (training, processing, transform, tuning, model, register-model and EMR steps); a
Lambda or Callback step has no \`RetryPolicies\` in the definition, so the policy would be refused
or ignored. Retry inside the Lambda function, or in the code that answers the callback.

\`\`\`yaml
# trips PLC5022
notify: { step: NotifyTeam, retry: [{ exceptionTypes: [Step.SERVICE_FAULT], maxAttempts: 3 }] }
\`\`\`

\`\`\`yaml
# fixed
notify: { step: NotifyTeam }
\`\`\``,
  PLC5023: `An EMR step runs either on a cluster that is already running (\`emr.clusterId\`, the \`j-…\` id) or on
one the step creates for itself (\`emr.clusterConfig\`, the RunJobFlow members). SageMaker takes
exactly one of the two, and a runtime role (\`executionRoleArn\`) only with a running cluster. plc
reports a step type that gives neither, both, or a role with \`clusterConfig\`.

\`\`\`yaml
# trips PLC5023: no cluster
sagemaker: EMR
emr:
  jar: command-runner.jar
  args: [spark-submit, s3://my-bucket/jobs/aggregate.py]
\`\`\`

\`\`\`yaml
# fixed
sagemaker: EMR
emr:
  clusterId: \${config.clusterId}
  jar: command-runner.jar
  args: [spark-submit, s3://my-bucket/jobs/aggregate.py]
\`\`\``,
  PLC5024: `A tuning job optimises one metric, which SageMaker finds in each training job's log with the
regular expression of a metric definition of the same name (\`AlgorithmSpecification.MetricDefinitions\`).
An objective that names no metric under \`tuning.metrics\` could never be read, and
CreateHyperParameterTuningJob fails. Define the metric, or correct the objective's name.

\`\`\`yaml
# trips PLC5024
tuning:
  objective: { type: Maximize, metric: validation:auc }
  metrics: { "validation:accuracy": "validation accuracy: ([0-9.]+)" }
\`\`\`

\`\`\`yaml
# fixed
tuning:
  objective: { type: Maximize, metric: validation:auc }
  metrics: { "validation:auc": "'auc': ([0-9.]+)" }
\`\`\``,
  PLC5025: `A hyperparameter is both tuned (\`tuning.ranges\`) and fixed (\`training.hyperparameters\`, which a
tuning job passes as \`StaticHyperParameters\`). The tuning job chooses a value of a tuned
hyperparameter for each training job, so a fixed value would either be refused by SageMaker or
silently dropped (the SageMaker SDK drops it). plc asks you to say which you mean.

\`\`\`yaml
# trips PLC5025
training:
  hyperparameters: { eta: \${config.eta} }
tuning:
  ranges: { eta: { type: Continuous, min: 0.05, max: 0.5 } }
\`\`\`

\`\`\`yaml
# fixed: tuned only
tuning:
  ranges: { eta: { type: Continuous, min: 0.05, max: 0.5 } }
\`\`\``,
  PLC5026: `A Lambda or Callback step's \`Arguments\` are made of its \`lambda.arguments\` (or \`callback.arguments\`)
and of its wired inputs, each under its own name. An argument and an input with the same name would
both be written to one key, and one of them would be lost. Rename one of them; to feed an argument
from another node, drop the argument and wire the input instead.

\`\`\`yaml
# trips PLC5026
inputs:
  threshold: { type: any }
lambda:
  functionArn: \${config.functionArn}
  arguments: { threshold: 0.5 }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  threshold: { type: any }
lambda:
  functionArn: \${config.functionArn}
\`\`\``,
  PLC5027: `A tuning range with literal bounds cannot be searched: its \`min\` is above its \`max\`, Logarithmic
scaling has a \`min\` of 0 or less (the logarithm is undefined there), or ReverseLogarithmic scaling
is used outside a Continuous range within [0, 1). CreateHyperParameterTuningJob would refuse the job.
Bounds that come from \`\${config.*}\` are checked by SageMaker when the pipeline runs.

\`\`\`yaml
# trips PLC5027
ranges:
  eta: { type: Continuous, min: 0, max: 0.5, scaling: Logarithmic }
\`\`\`

\`\`\`yaml
# fixed
ranges:
  eta: { type: Continuous, min: 0.01, max: 0.5, scaling: Logarithmic }
\`\`\``,
  PLC5030: `\`\${steps.<node>.<property>}\` reads a property of another step, which SageMaker resolves from the
step's Describe* response (DescribeTrainingJob for a training step, DescribeProcessingJob for a
processing step, …). The first part of the property must be a member of that response; the list
comes from the botocore API model. A condition node has one property, \`Outcome\`; a fail node has
none.

\`\`\`yaml
# trips PLC5030: a training step has no ModelArtifact (it is ModelArtifacts)
fail: "model at \${steps.train.ModelArtifact.S3ModelArtifacts} is too weak"
\`\`\`

\`\`\`yaml
# fixed
fail: "model at \${steps.train.ModelArtifacts.S3ModelArtifacts} is too weak"
\`\`\``,
  PLC5031: `SageMaker conditions have \`Or\` and \`Not\`, and a condition step AND-s its list of conditions, but
there is no \`And\` that could sit inside an \`Or\`. plc flattens \`allOf:\` into the top-level list and
turns \`not: { allOf: […] }\` into an \`Or\` of \`Not\`s, but an \`allOf:\` with several conditions inside
an \`or:\` has no SageMaker form.

\`\`\`yaml
# trips PLC5031
condition:
  or:
    - allOf: [ { greaterThan: [ "\${params.Auc}", 0.8 ] }, { lessThan: [ "\${params.Loss}", 0.2 ] } ]
    - equal: [ "\${params.Force}", true ]
\`\`\`

\`\`\`yaml
# fixed: two condition nodes, or rewrite with not/or
condition:
  not:
    or:
      - lessThanOrEqual: [ "\${params.Auc}", 0.8 ]
      - greaterThanOrEqual: [ "\${params.Loss}", 0.2 ]
\`\`\``,
  PLC5032: `A condition compares two operands whose kinds plc knows at build time — a literal, a parameter of a
declared type, an execution variable (a string) — and they differ: a number with a string, or a
boolean with a number. SageMaker would evaluate the comparison only when the execution reaches the
condition step, and fail it there. Step properties and \`jsonGet\` values are only known at run
time and are not checked. In YAML, \`"0.8"\` is a string and \`0.8\` a number.

\`\`\`yaml
# trips PLC5032: MinAuc is a Float parameter, "0.8" a string
condition: { greaterThanOrEqual: [ "\${params.MinAuc}", "0.8" ] }
\`\`\`

\`\`\`yaml
# fixed
condition: { greaterThanOrEqual: [ "\${params.MinAuc}", 0.8 ] }
\`\`\``,
  PLC5040: `A value the definition passes to SageMaker breaks a constraint the SageMaker API model
(botocore) puts on the member it lands in: a pattern, a length or a range. plc checks every literal
value of every step's Arguments against the request shape of its kind (CreateProcessingJob,
CreateTrainingJob, CreateModelPackage, …), whichever config field or step-type section set it, and
reports it at the config value that holds it, or at the node. Values known only at run time
(parameters, step properties) are not checked. The shapes are generated from botocore by
\`scripts/generate-api-shapes.py\`.

\`\`\`yaml
# trips PLC5040: model package group names are letters, digits and hyphens
nodes:
  register: { step: ModelRegistration, config: { modelPackageGroup: fraud_xgboost } }
\`\`\`

\`\`\`yaml
# fixed
nodes:
  register: { step: ModelRegistration, config: { modelPackageGroup: fraud-xgboost } }
\`\`\``,
  PLC5062: `A training job's \`FinalMetricDataList\` holds the metrics SageMaker found in its log with the
step type's \`training.metricDefinitions\` (AlgorithmSpecification.MetricDefinitions). A condition
reading a metric that is not defined would fail at run time, when the property does not resolve.
The check applies when the step type defines metrics; a built-in algorithm's image (e.g. XGBoost's
\`validation:auc\`) reports metrics of its own, so steps without metricDefinitions are not checked.

\`\`\`yaml
# trips PLC5062: the step type defines validation:f1 only
gate: { condition: { greaterThan: [ "\${steps.train.FinalMetricDataList['validation:auc'].Value}", 0.8 ] }, then: [register] }
\`\`\`

\`\`\`yaml
# fixed
gate: { condition: { greaterThan: [ "\${steps.train.FinalMetricDataList['validation:f1'].Value}", 0.8 ] }, then: [register] }
\`\`\``,
  PLC5063: `\`training.distribution\` passes the launcher settings to a framework container as the
SDK's estimators do: \`processesPerHost\` and \`customMpiOptions\` become the
\`sagemaker_mpi_*\` hyperparameters, which only the mpi launcher reads. With torch_distributed or
parameter_server they would be sent and never used.

\`\`\`yaml
# trips PLC5063
training:
  distribution: { strategy: torch_distributed, processesPerHost: 8 }
\`\`\`

\`\`\`yaml
# fixed
training:
  distribution: { strategy: mpi, processesPerHost: 8 }
\`\`\``,
  PLC5061: `A tuning step type's \`hyperband:\` settings (StrategyConfig.HyperbandStrategyConfig) are only taken by a
tuning job whose strategy is Hyperband, and its minResource may not exceed its maxResource;
CreateHyperParameterTuningJob refuses the request otherwise.

\`\`\`yaml
# trips PLC5061
tuning:
  strategy: Bayesian
  hyperband: { minResource: 1, maxResource: 27 }
\`\`\`

\`\`\`yaml
# fixed
tuning:
  strategy: Hyperband
  hyperband: { minResource: 1, maxResource: 27 }
\`\`\``,
  PLC5060: `A port's data option has a value the step's kind does not take: a processing job reads its
inputs in File or Pipe mode (FastFile is for training jobs), and only a training channel names an
AugmentedManifestFile. The hint lists the values the kind takes.

\`\`\`yaml
# trips PLC5060 (sagemaker: Processing)
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, inputMode: FastFile }
\`\`\`

\`\`\`yaml
# fixed
inputs:
  data: { type: dataset, path: /opt/ml/processing/input/data, inputMode: Pipe }
\`\`\``,
  PLC5071: `A processing step type either runs a Python script, whose entrypoint (\`python3\` on the
entry point in the \`code\` input) and arguments (\`script.arguments\`) plc writes, or keeps its
container's own: then \`processing.containerArguments\` are passed to the image's ENTRYPOINT, or to
\`processing.containerEntrypoint\` when given. Both at once would leave one of them unused.

\`\`\`yaml
# trips PLC5071
script: { entryPoint: report.py }
processing:
  containerEntrypoint: [Rscript, /opt/program/report.R]
\`\`\`

\`\`\`yaml
# fixed
processing:
  containerEntrypoint: [Rscript, /opt/program/report.R]
  containerArguments: [--title, "\${config.title}"]
\`\`\``,
  PLC5072: `plc runs a step's script with \`python3\`. An entry point that is not a Python file (a
shell or R script) needs the program that runs it, named in \`script.interpreter\` (processing step
types only); plc then writes \`ContainerEntrypoint: [<interpreter>…, <entry point>]\` and does
not read the file for a script contract.

\`\`\`yaml
# trips PLC5072
script: { entryPoint: report.sh }
\`\`\`

\`\`\`yaml
# fixed
script: { entryPoint: report.sh, interpreter: [bash] }
\`\`\``,
  PLC5073: `Only a processing job's entrypoint is plc's to write. A training (or tuning) container runs its
entry point with Python through the SageMaker training toolkit (\`sagemaker_program\`), so its
step type can name neither an interpreter nor an entry point that is not a Python file.

\`\`\`yaml
# trips PLC5073 (sagemaker: Training)
script: { entryPoint: train.R, interpreter: [Rscript] }
\`\`\`

\`\`\`yaml
# fixed: a Python entry point, or a Processing step type for the R script
script: { entryPoint: train.py }
\`\`\``,
  PLC5090: `A slot of a RegisterModel step type's \`registration.modelMetrics\` or \`registration.driftCheckBaselines\` names an input port the step type does not have. Each slot (for example \`driftCheckBaselines.modelDataQuality.constraints\`) names the input that carries its file, so that the file is wired like any input (from a QualityCheck's or ClarifyCheck's baseline outputs, an evaluation step or an S3 URI); a name that is no input would leave the slot empty without a word.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-slot-unknown-port
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.json, constraints: s3://bucket/constraints.json } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive. }
  metrics: { type: metrics, description: Evaluation metrics. }
  constraints: { type: constraints, description: Drift constraints. }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
  modelMetrics:
    modelQuality: { statistics: metrics }
  driftCheckBaselines:
    modelQuality: { constraints: constraints }
    modelDataQuality: { constraints: constraint }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-slot-unknown-port
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.json, constraints: s3://bucket/constraints.json } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive. }
  metrics: { type: metrics, description: Evaluation metrics. }
  constraints: { type: constraints, description: Drift constraints. }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
  modelMetrics:
    modelQuality: { statistics: metrics }
  driftCheckBaselines:
    modelQuality: { constraints: constraints }
    modelDataQuality: { constraints: constraints }
\`\`\``,
  PLC5091: `An input of type metrics, statistics, constraints or artifacts of a RegisterModel step type that names its slots is in none of them. The input would be wired, and its producer run, but its file would never reach the model package: name it in the slot of \`registration.modelMetrics\` or \`registration.driftCheckBaselines\` whose file it carries, or remove it. (A step type that names no slots keeps the old rule: its one metrics input is the model quality statistics, its one constraints input the model quality drift constraints.)

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-port-in-no-slot
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.json, drift: s3://bucket/constraints.json } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive. }
  metrics: { type: metrics, description: Evaluation metrics. }
  drift: { type: constraints, description: Drift constraints. }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
  modelMetrics:
    modelQuality: { statistics: metrics }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-port-in-no-slot
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.json, drift: s3://bucket/constraints.json } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive. }
  metrics: { type: metrics, description: Evaluation metrics. }
  drift: { type: constraints, description: Drift constraints. }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
  modelMetrics:
    modelQuality: { statistics: metrics }
  driftCheckBaselines:
    modelQuality: { constraints: drift }
\`\`\``,
  PLC5092: `A check step type's \`check.type\` is one of the other check kind's. SageMaker runs data and model quality checks as QualityCheck steps (the Model Monitor analyzer) and data bias, model bias and model explainability checks as ClarifyCheck steps (SageMaker Clarify); each kind's step takes only its own types.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-type-wrong-kind
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: BiasCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/bias-check.step.yaml
kind: Step
name: BiasCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataBias
  datasetFormat: { csv: { header: true } }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-type-wrong-kind
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: BiasCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/bias-check.step.yaml
kind: Step
name: BiasCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
\`\`\``,
  PLC5093: `A check step type sets a \`check:\` setting its check type does not read, e.g. a problem type on a data quality check or a Clarify analysis on a QualityCheck. The setting would change nothing in the job SageMaker runs; remove it, or change \`check.type\`.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-setting-not-read
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
  problemType: BinaryClassification
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-setting-not-read
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
\`\`\``,
  PLC5094: `An output of a QualityCheck or ClarifyCheck step type is named after no baseline the step reports. A check step's outputs are its properties: \`calculated_baseline_statistics\` and \`calculated_baseline_constraints\` (what this run calculated), \`baseline_used_for_drift_check_statistics\` and \`baseline_used_for_drift_check_constraints\` (what it compared against); a ClarifyCheck reports the constraints only. An output of type artifacts is the job's result folder.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-output-not-baseline
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
outputs:
  statistics: { type: statistics, description: The statistics. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-output-not-baseline
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
outputs:
  calculated_baseline_statistics: { type: statistics, description: The statistics. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
\`\`\``,
  PLC5095: `A value of a check step that plc must know when it builds is not known until the pipeline runs. A QualityCheck's record preprocessor and post-analytics scripts are S3 URIs whose file names go into the job's environment, and a ClarifyCheck's \`check.analysis\` is a file plc writes (analysis_config.json): both take literals and \`\${config.*}\` values, not pipeline parameters or step properties.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-script-not-constant
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
parameters:
  Preprocessor: { type: String, default: s3://bucket/scripts/preprocessor.py }
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train }, config: { preprocessor: "\${params.Preprocessor}" } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
config:
  properties:
    preprocessor: { type: string, description: The record preprocessor script. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
  recordPreprocessorScript: \${config.preprocessor}
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: check-script-not-constant
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
parameters:
  Preprocessor: { type: String, default: s3://bucket/scripts/preprocessor.py }
nodes:
  check: { step: DataCheck, inputs: { data: s3://bucket/train }, config: { preprocessor: s3://bucket/scripts/preprocessor.py } }
\`\`\`

\`\`\`yaml file=steps/data-check.step.yaml
kind: Step
name: DataCheck
sagemaker: QualityCheck
description: Checks the quality of a data set.
inputs:
  data: { type: dataset, description: The data set. }
config:
  properties:
    preprocessor: { type: string, description: The record preprocessor script. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataQuality
  datasetFormat: { csv: { header: true } }
  recordPreprocessorScript: \${config.preprocessor}
\`\`\``,
  PLC5096: `A ClarifyCheck step needs a pipeline \`codePrefix\`: plc writes its analysis configuration (analysis_config.json) as a content-addressed object under codePrefix, as it stores code, and the Clarify job reads it from there.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: clarify-without-code-prefix
region: us-east-1
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  bias: { step: DataBiasCheck, inputs: { data: s3://bucket/train }, config: { labelField: is_fraud, facet: gender } }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: clarify-without-code-prefix
region: us-east-1
codePrefix: s3://bucket/code
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  bias: { step: DataBiasCheck, inputs: { data: s3://bucket/train }, config: { labelField: is_fraud, facet: gender } }
\`\`\``,
  PLC5097: `A ClarifyCheck step type's \`check.analysis.methods\` lacks the analysis its check type runs: \`pre_training_bias\` for DataBias, \`post_training_bias\` for ModelBias, \`shap\` for ModelExplainability. SageMaker takes the check's baseline from that analysis's results, so without it the check has nothing to compare (the SDK's check configs write exactly that method).

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: clarify-method-not-run
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  bias: { step: BiasCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/bias-check.step.yaml
kind: Step
name: BiasCheck
sagemaker: ClarifyCheck
description: Measures bias of a data set before training.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataBias
  analysis:
    dataset_type: text/csv
    label: is_fraud
    label_values_or_threshold: [1]
    facet: [{ name_or_index: gender }]
    methods: { post_training_bias: { methods: all } }
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: clarify-method-not-run
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  bias: { step: BiasCheck, inputs: { data: s3://bucket/train } }
\`\`\`

\`\`\`yaml file=steps/bias-check.step.yaml
kind: Step
name: BiasCheck
sagemaker: ClarifyCheck
description: Measures bias of a data set before training.
inputs:
  data: { type: dataset, description: The data set. }
compute:
  instanceType: ml.m5.xlarge
check:
  type: DataBias
  analysis:
    dataset_type: text/csv
    label: is_fraud
    label_values_or_threshold: [1]
    facet: [{ name_or_index: gender }]
    methods: { pre_training_bias: { methods: all } }
\`\`\``,
  PLC5098: `An input of a RegisterModel step type sets \`contentType\`, but fills no slot of \`registration.modelMetrics\` or \`registration.driftCheckBaselines\` (nor, without slots, is it the metrics or constraints input). A RegisterModel input's content type is the ContentType of the governance file it carries; on the model archive or the sample payload it would be written nowhere.

## Trips

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-content-type-unused
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.csv } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive., contentType: application/x-tar }
  metrics: { type: metrics, description: Evaluation metrics., contentType: text/csv }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
\`\`\`

## Fixed

\`\`\`yaml file=pipeline.yaml
kind: Pipeline
name: registration-content-type-unused
region: us-east-1
codePrefix: s3://bucket/code
steps: [./steps]
defaults:
  role: arn:aws:iam::111122223333:role/SageMakerExecution
  outputPrefix: s3://bucket/out
nodes:
  register: { step: Registration, inputs: { model: s3://bucket/model.tar.gz, metrics: s3://bucket/metrics.csv } }
\`\`\`

\`\`\`yaml file=steps/registration.step.yaml
kind: Step
name: Registration
sagemaker: RegisterModel
description: Registers a model with its governance files.
inputs:
  model: { type: model, description: The model archive. }
  metrics: { type: metrics, description: Evaluation metrics., contentType: text/csv }
compute:
  image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/serving:1
registration:
  modelPackageGroup: fraud
\`\`\``,
  PLC6001: `Nodes depend on each other in a loop, through \`after:\` entries and data wires (a wire makes the
consumer run after its producer). A SageMaker pipeline is a directed acyclic graph, so no step of
the loop could ever start. The message shows the first loop found; remove one of its links.

\`\`\`yaml
# trips PLC6001: prep waits for train, which reads prep's output
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw }, after: [train] }
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\`

\`\`\`yaml
# fixed
prep: { step: TabularPreprocessing, jobType: training, inputs: { data: s3://my-bucket/raw } }
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC6002: `A node lists itself in its own \`after:\`. \`after:\` orders the steps (it becomes \`DependsOn\`
unless a data wire already orders them) and offers the listed nodes' outputs to the node's open
inputs; a step can neither wait for itself nor read its own outputs.

\`\`\`yaml
# trips PLC6002
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data }, after: [train] }
\`\`\`

\`\`\`yaml
# fixed
train: { step: XGBoostTraining, inputs: { training_data: prep.processed_data } }
\`\`\``,
  PLC6003: `A node has no link to any other node of the pipeline: nothing it reads comes from another node,
nothing it writes is read by one, and it neither lists nor is listed under \`after:\`. It still runs,
in parallel with everything else, which is rarely what a pipeline author means: usually a wire
or an \`after:\` entry is missing. A pipeline of one node is never reported.

\`\`\`yaml
# trips PLC6003: stats reads the raw data but nothing connects it to the rest
stats: { step: DataLoading, jobType: testing, inputs: { data_source: s3://my-bucket/raw } }
\`\`\`

\`\`\`yaml
# fixed: its output feeds the preprocessing
stats: { step: DataLoading, jobType: testing, inputs: { data_source: s3://my-bucket/raw } }
prep-testing: { step: TabularPreprocessing, jobType: testing, after: [stats] }
\`\`\``,
  PLC6004: `A node lists a fail node under \`after:\`. A fail step stops the whole execution with its message,
so nothing ordered after it can ever start. Usually the node belongs in the other branch of the
condition that leads to the fail node.

\`\`\`yaml
# trips PLC6004
notify: { step: Notify, after: [too-weak] }
\`\`\`

\`\`\`yaml
# fixed: notify runs in the branch that does not fail
quality-gate: { condition: { …: … }, then: [register, notify], else: [too-weak] }
\`\`\``,
  PLC6005: `A node is listed under \`then:\` or \`else:\` of two conditions (or twice). A branch step is written
inside its condition's \`IfSteps\` or \`ElseSteps\`, and SageMaker requires step names to be unique
across the whole definition, so a step can belong to one branch only. To run the same step type in
both branches, make two nodes.

\`\`\`yaml
# trips PLC6005
gate-a: { condition: { equal: [ "\${params.Mode}", a ] }, then: [report] }
gate-b: { condition: { equal: [ "\${params.Mode}", b ] }, then: [report] }
\`\`\`

\`\`\`yaml
# fixed: one condition decides
gate: { condition: { in: [ "\${params.Mode}", [a, b] ] }, then: [report] }
\`\`\``,
  PLC6006: `A condition lists itself under \`then:\` or \`else:\`. Its branch steps are written inside it, so it
cannot contain itself.

\`\`\`yaml
# trips PLC6006
gate: { condition: { equal: [ "\${params.Mode}", a ] }, then: [gate] }
\`\`\`

\`\`\`yaml
# fixed
gate: { condition: { equal: [ "\${params.Mode}", a ] }, then: [report] }
\`\`\``,
  PLC6007: `A node lists a condition node under \`after:\`. SageMaker does not accept a \`DependsOn\` on a condition
step: CreatePipeline refuses the definition. Steps that should run only after the condition decides
belong in one of its branches; a step that should run whatever the outcome cannot wait for the
condition, only for the steps the condition itself reads.

\`\`\`yaml
# trips PLC6007
report: { step: Notify, after: [quality-gate] }
\`\`\`

\`\`\`yaml
# fixed: the report runs in the branch that registers the model
quality-gate: { condition: { …: … }, then: [register, report], else: [auc-too-low] }
\`\`\``,
  PLC6008: `A node waits for, or reads the output of, a step that sits in a branch of a condition (\`then:\` or
\`else:\`) the node itself is not in. SageMaker starts a step only when everything it depends on has
finished, so the node runs only when that branch is taken — and never when the other one is. It is
a warning because that can be intended; usually the node belongs in the branch, or should depend
on steps outside the condition.

\`\`\`yaml
# trips PLC6008: notify waits for register, which runs only when the gate passes
quality-gate: { condition: { …: … }, then: [register], else: [auc-too-low] }
notify: { step: Notify, after: [register] }
\`\`\`

\`\`\`yaml
# fixed: notify runs in the same branch
quality-gate: { condition: { …: … }, then: [register, notify], else: [auc-too-low] }
\`\`\``,
  PLC7002: `A step type gives its image as \`{ framework, version }\`, which plc turns into a SageMaker ECR image
URI. That URI depends on the region (its account id and host name), and the pipeline has no
\`region:\`. A step type with an explicit image URI string needs no region.

\`\`\`yaml
# trips PLC7002 with any step that uses a framework image
kind: Pipeline
name: churn
\`\`\`

\`\`\`yaml
# fixed
kind: Pipeline
name: churn
region: us-east-1
\`\`\``,
  PLC7003: `plc's table of SageMaker framework images (sklearn, xgboost and pytorch, taken from the SageMaker
Python SDK) has no image for the requested version, region, processor or Python version; the hint
lists what is available. When a step type does not set \`processor\`, plc picks \`gpu\` if the instance
type is known at build time and is an \`ml.p*\` or \`ml.g*\` type, else \`cpu\`; so a GPU instance with a
CPU-only image, such as scikit-learn's, is reported here. An explicit image URI string is not
checked.

\`\`\`yaml
# trips PLC7003
compute:
  image: { framework: xgboost, version: 1.8-1 }
\`\`\`

\`\`\`yaml
# fixed
compute:
  image: { framework: xgboost, version: 1.7-1 }
\`\`\``,
  PLC7004: `A step type with a \`script:\` is used, and the pipeline has no \`codePrefix:\`. plc stores each step's
code in S3 under \`<codePrefix>/code/<sha256 of the code>/\` (processing steps receive it as their
\`code\` input, training steps as a \`sourcedir.tar.gz\`), so it must know where.
\`plc build --emit-code DIR\` writes these objects, and \`aws s3 sync DIR <codePrefix>\` uploads them.

\`\`\`yaml
# trips PLC7004
kind: Pipeline
name: churn
region: us-east-1
\`\`\`

\`\`\`yaml
# fixed
kind: Pipeline
name: churn
region: us-east-1
codePrefix: s3://my-bucket/churn
\`\`\``,
  PLC7010: `\`plc deploy\`, \`run\`, \`diff\` and \`status\` use the standard AWS credential chain (environment
variables, \`--profile\` / \`AWS_PROFILE\` with the shared config and credentials files, SSO, web
identity, container and instance roles), and none of its sources gave credentials. Nothing was
sent to AWS. plc never prints credentials, not even with \`--debug\`.

\`\`\`sh
# trips PLC7010: no credentials anywhere
env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID plc deploy pipeline.yaml
# fixed: a profile, or a session from SSO
plc deploy pipeline.yaml --profile ml-deploy
\`\`\``,
  PLC7011: `AWS answered AccessDenied: the identity plc runs as may not make this call. A deploy needs
\`sagemaker:DescribePipeline\`, \`CreatePipeline\` / \`UpdatePipeline\`, \`iam:PassRole\` on the pipeline's
role, and \`s3:GetObject\` / \`s3:PutObject\` under \`codePrefix\`; \`run\` needs
\`sagemaker:StartPipelineExecution\` and \`DescribePipelineExecution\`, \`status\`
\`ListPipelineExecutions\`. A deploy denied half way has changed nothing the pipeline uses: code
objects are uploaded first under content-addressed keys, and the pipeline is updated by one call.

\`\`\`sh
# trips PLC7011 when the role lacks sagemaker:UpdatePipeline
plc deploy pipeline.yaml --profile read-only
# fixed: a profile whose policy allows the calls above
plc deploy pipeline.yaml --profile ml-deploy
\`\`\``,
  PLC7012: `The service kept answering with a throttling error (ThrottlingException, SlowDown, TooManyRequests).
plc retries every call with the SDK's standard retry strategy, exponential backoff with jitter,
up to 5 attempts, and then gives up with this error. Throttling means the account's request rate for
this API is used up, usually by other clients; it passes.

\`\`\`sh
# trips PLC7012 while a loop elsewhere polls the same account
plc status fraud-xgboost
# fixed: run again a little later
sleep 60 && plc status fraud-xgboost
\`\`\``,
  PLC7013: `SageMaker refused the request as invalid (ValidationException). SageMaker checks things plc cannot see:
that the role exists and can be assumed, account quotas, the service's own view of the definition.
When the service's message names a step, the diagnostic points at that node in the pipeline
file. A refused \`CreatePipeline\` or \`UpdatePipeline\` changes nothing: the deployed pipeline
stays as it was.

\`\`\`sh
# trips PLC7013 when the role does not exist in the account
plc deploy pipeline.yaml --role arn:aws:iam::111122223333:role/Missing
# fixed: a role that exists and trusts sagemaker.amazonaws.com
plc deploy pipeline.yaml --role arn:aws:iam::111122223333:role/SageMakerExecution
\`\`\``,
  PLC7014: `plc could not open a connection to the API endpoint: it refused the connection, its name did not
resolve, or it did not answer in time. The SDK retried with backoff before giving up. Check the
network or proxy, the region (it chooses the host name), and \`--endpoint-url\` when you gave one.

\`\`\`sh
# trips PLC7014: nothing listens on this port
plc deploy pipeline.yaml --endpoint-url http://127.0.0.1:1
# fixed: the endpoint of a running service
plc deploy pipeline.yaml --endpoint-url http://127.0.0.1:5000
\`\`\``,
  PLC7015: `Every AWS call goes to one region, and plc found none: no \`--region\`, no \`region:\` in the
pipeline, and neither \`AWS_REGION\` nor the profile's \`region\` setting.

\`\`\`sh
# trips PLC7015 with a pipeline that has no region:
plc status fraud-xgboost
# fixed
plc status fraud-xgboost --region eu-west-1
\`\`\``,
  PLC7016: `CreatePipeline needs the ARN of the IAM role the pipeline runs as. plc takes it from \`--role\`, or
else from the pipeline's \`defaults: { role: … }\` when that is a literal ARN (not a parameter).

\`\`\`sh
# trips PLC7016: no --role, and the pipeline's defaults have no literal role
plc deploy pipeline.yaml
# fixed
plc deploy pipeline.yaml --role arn:aws:iam::111122223333:role/SageMakerExecution
\`\`\``,
  PLC7017: `DescribePipeline found no pipeline of that name in the region and account plc talked to. \`plc run\`
and \`plc status\` need a deployed pipeline; \`plc diff\` reports an undeployed pipeline as a change
instead. The region comes from \`--region\`, the pipeline's \`region:\` or the environment, the
account from the credentials.

\`\`\`sh
# trips PLC7017 before the first deploy
plc run pipeline.yaml
# fixed
plc deploy pipeline.yaml && plc run pipeline.yaml
\`\`\``,
  PLC7018: `\`plc deploy\` uploads each code object to \`<codePrefix>/code/<sha256>/…\` (and large definitions to
\`<codePrefix>/definitions/\`), and the bucket of \`codePrefix\` does not exist. plc does not create
buckets: their region, encryption and access policy are yours to choose. The pipeline was not
touched.

\`\`\`sh
# trips PLC7018 with codePrefix: s3://no-such-bucket/plc
plc deploy pipeline.yaml
# fixed
aws s3 mb s3://my-ml-bucket && plc deploy pipeline.yaml   # with codePrefix: s3://my-ml-bucket/plc
\`\`\``,
  PLC7019: `CreatePipeline takes a definition inline only below 100 KB (102,400 bytes, the limit the SageMaker
SDK uses); a larger one must be uploaded to S3 and passed as \`PipelineDefinitionS3Location\`. plc
stores it under \`<codePrefix>/definitions/<sha256>.json\`, and this pipeline has no \`codePrefix\`.

\`\`\`sh
# trips PLC7019: a 150 KB definition and no codePrefix in the pipeline
plc deploy big.pipeline.yaml
# fixed after adding codePrefix: s3://my-ml-bucket/plc to big.pipeline.yaml
plc deploy big.pipeline.yaml
\`\`\``,
  PLC7020: `The service answered with an error plc has no more specific code for (for example a conflict with
a concurrent update, a quota, or an internal error that persisted through the retries). The message
is the service's own. A deploy that fails this way has not changed the deployed pipeline.

\`\`\`sh
# trips PLC7020 when the account's pipeline quota is used up
plc deploy pipeline.yaml
# fixed: delete unused pipelines or ask for a higher quota, then deploy again
plc deploy pipeline.yaml
\`\`\``,
};
