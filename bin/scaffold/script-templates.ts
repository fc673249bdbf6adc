// The Python that `plc new step` writes for the kinds that run a script: a skeleton following the
// convention of the built-in scripts (steps/scripts/*.py) — the work in
// main(input_paths, output_paths, environ_vars, job_args), the contract constants plc check
// compares with the step document, a `__main__` harness — and a unittest that runs main() on
// temporary folders. Standard library only, so it runs in any container and any python3, and
// self-contained: a project's scripts cannot import plc's own helpers (plc_step.py).
import { processingContract, scriptEntryPoint, trainingContract, type StepNames } from '../../compiler/kinds/scaffold.js';
import type { ProjectFile } from './project-files.js';

/** A Python literal of a string, number or flat dict (JSON's spelling is Python's for these). */
const python = (value: string | number | Readonly<Record<string, string | number>>): string =>
  typeof value === 'object' ? `{${Object.entries(value).map(([k, v]) => `${python(k)}: ${python(v)}`).join(', ')}}` : JSON.stringify(value);

function header(names: StepNames, job: string, modules: string[], contract: string): string {
  return `"""${names.name}: TODO say what this step does.

The script of the plc step type ${names.name} (../${names.kebab}.step.yaml), run by a SageMaker
${job}. main() does the work and takes everything it reads as arguments, so
tests/test_${names.snake}.py runs it on temporary folders. Keep the contract constants literal:
plc check compares them with the step document.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

${modules.map((m) => `import ${m}\n`).join('')}
# ---- Contract: plc's static checker reads these literals; keep them literal. ----
${contract}
logger = logging.getLogger(${python(names.snake)})
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _environ_vars() -> dict[str, str]:
    """The contract's variables that are set; main() reads settings from here, never os.environ."""
    return {name: os.environ[name] for name in [*REQUIRED_ENV_VARS, *OPTIONAL_ENV_VARS] if name in os.environ}
`;
}

function processingScript(names: StepNames): string {
  const { input, output, logLevel } = processingContract;
  return `${header(names, 'processing job', ['argparse', 'json', 'logging', 'os', 'shutil'], `INPUT_PATHS = ${python({ [input.port]: input.path })}
OUTPUT_PATHS = ${python({ [output.port]: output.path })}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {"${logLevel}": "INFO"}
CLI_ARGS = {}
`)}

def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    """Copies every file of the ${input.port} input to the ${output.port} output: replace with the step's work."""
    logger.setLevel(environ_vars.get("${logLevel}") or OPTIONAL_ENV_VARS["${logLevel}"])
    source, target = input_paths["${input.port}"], output_paths["${output.port}"]
    copied = 0
    for folder, _, files in os.walk(source):
        for name in sorted(files):
            relative = os.path.relpath(os.path.join(folder, name), source)
            os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
            shutil.copyfile(os.path.join(folder, name), os.path.join(target, relative))
            logger.debug("copied %s", relative)
            copied += 1
    return {"files_copied": copied}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    parser = argparse.ArgumentParser(description=${python(`plc step ${names.name}`)})
    for flag, spec in CLI_ARGS.items():
        parser.add_argument(flag, **spec)
    summary = main(INPUT_PATHS, OUTPUT_PATHS, _environ_vars(), parser.parse_args())
    logger.info("done: %s", json.dumps(summary))
`;
}

function trainingScript(names: StepNames): string {
  const { input, output, hyperparameters, metricLine } = trainingContract;
  const [epochs, rate] = Object.keys(hyperparameters) as (keyof typeof hyperparameters)[];
  return `${header(names, 'training job (script mode)', ['argparse', 'json', 'logging', 'os'], `INPUT_PATHS = ${python({ [input.port]: input.path })}
OUTPUT_PATHS = ${python({ [output.port]: output.path })}
HYPERPARAMETERS_PATH = "/opt/ml/input/config/hyperparameters.json"
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {}
REQUIRED_HYPERPARAMETERS = []
OPTIONAL_HYPERPARAMETERS = ${python(hyperparameters)}
`)}

def _hyperparameters(path: str) -> dict:
    """SageMaker writes every value as text; without the file (a local run) the defaults apply."""
    values = dict(OPTIONAL_HYPERPARAMETERS)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            values.update(json.load(f))
    return {"${epochs}": int(values["${epochs}"]), "${rate}": float(values["${rate}"])}


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    """Counts the lines of the ${input.port} files and saves them with the hyperparameters as the
    model: replace with the step's training."""
    hp = _hyperparameters(input_paths["hyperparameters"])
    lines = 0
    for folder, _, files in os.walk(input_paths["${input.port}"]):
        for name in files:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                lines += sum(1 for _ in f)
    # A placeholder: print the real validation loss in this form, which a tuning job's metric
    # regular expression (tuning.metrics in the step document) finds in the log.
    loss = 1 / (1 + hp["${epochs}"] * hp["${rate}"])
    print(f"${metricLine}: {loss:.6f}")
    model_dir = output_paths["${output.port}"]
    os.makedirs(model_dir, exist_ok=True)
    with open(os.path.join(model_dir, "model.json"), "w", encoding="utf-8") as f:
        json.dump({**hp, "lines": lines}, f, indent=2)
    return {**hp, "lines": lines, "${metricLine.replace(/-/g, '_')}": loss}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    # Script mode also passes each hyperparameter as --name value; they are read from
    # HYPERPARAMETERS_PATH instead, so unknown arguments are accepted and ignored.
    args, _ = argparse.ArgumentParser(description=${python(`plc step ${names.name}`)}).parse_known_args()
    paths = {**INPUT_PATHS, "hyperparameters": HYPERPARAMETERS_PATH}
    summary = main(paths, OUTPUT_PATHS, _environ_vars(), args)
    logger.info("done: %s", json.dumps(summary))
`;
}

function testHeader(names: StepNames, imports: string): string {
  return `"""Tests for ${names.snake}.py: main() on temporary folders.

Run them with: python3 -m unittest discover -s <this folder>
"""
${imports}import os
import sys
import tempfile
import unittest

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import ${names.snake}  # noqa: E402

ROWS = "x,label\\n1,yes\\n2,no\\n"


class ${names.name}Test(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.input_dir = os.path.join(self.root, "input")
        self.output_dir = os.path.join(self.root, "output")
        os.makedirs(os.path.join(self.input_dir, "part"))
        with open(os.path.join(self.input_dir, "part", "rows.csv"), "w", encoding="utf-8") as f:
            f.write(ROWS)
`;
}

const unittestMain = `

if __name__ == "__main__":
    unittest.main()
`;

function processingTest(names: StepNames): string {
  const { input, output } = processingContract;
  return `${testHeader(names, 'import argparse\n')}
    def test_main_copies_the_input_to_the_output(self):
        summary = ${names.snake}.main({"${input.port}": self.input_dir}, {"${output.port}": self.output_dir}, {}, argparse.Namespace())
        self.assertEqual(summary, {"files_copied": 1})
        with open(os.path.join(self.output_dir, "part", "rows.csv"), encoding="utf-8") as f:
            self.assertEqual(f.read(), ROWS)
${unittestMain}`;
}

function trainingTest(names: StepNames): string {
  const { input, output, hyperparameters, metricLine } = trainingContract;
  const [epochs, rate] = Object.keys(hyperparameters);
  return `${testHeader(names, 'import argparse\nimport contextlib\nimport io\nimport json\n')}
    def train(self, hyperparameters):
        path = os.path.join(self.root, "hyperparameters.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(hyperparameters, f)
        log = io.StringIO()
        with contextlib.redirect_stdout(log):
            summary = ${names.snake}.main({"${input.port}": self.input_dir, "hyperparameters": path}, {"${output.port}": self.output_dir}, {}, argparse.Namespace())
        return summary, log.getvalue()

    def test_main_saves_the_model_with_its_hyperparameters(self):
        # SageMaker passes hyperparameters as text.
        summary, _ = self.train({"${epochs}": "3", "${rate}": "0.5"})
        self.assertEqual((summary["${epochs}"], summary["${rate}"], summary["lines"]), (3, 0.5, 3))
        with open(os.path.join(self.output_dir, "model.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), {"${epochs}": 3, "${rate}": 0.5, "lines": 3})

    def test_main_prints_the_metric_a_tuning_job_reads(self):
        _, log = self.train({})
        self.assertRegex(log, r"^${metricLine}: [0-9.]+$")
${unittestMain}`;
}


/** Where the scripts' tests live, relative to the step folder (as steps/scripts/tests in plc). */
export const scriptTestsFolder = 'scripts/tests';

/** The script and its test, at paths relative to the step folder, for the kinds that run one. */
export function scriptFiles(names: StepNames, job: 'processing' | 'training'): ProjectFile[] {
  const [script, test] = job === 'processing' ? [processingScript, processingTest] : [trainingScript, trainingTest];
  return [
    { path: scriptEntryPoint(names), contents: script(names) },
    { path: `${scriptTestsFolder}/test_${names.snake}.py`, contents: test(names) },
  ];
}
