"""Runs one step script of `plc run --local` the way its container would, without the container.

plc's step scripts follow main(input_paths, output_paths, environ_vars, job_args) and declare
their container paths as literals (INPUT_PATHS, OUTPUT_PATHS, HYPERPARAMETERS_PATH). This shim
imports the script without running its __main__ block, maps every /opt/ml path it declares into
the job's folder, and calls main() with the mapped paths, the job's environment and its
arguments, so nothing is read from or written to /opt on this machine.

  python3 plc_local_job.py <job.json>
job.json: {"kind": "processing" | "training", "script": path, "code_dir": folder,
           "container_root": folder, "arguments": [...]}
Exit 0 on success; 1 with the failure's message as the last stderr line and in
<container_root>/opt/ml/output/message (what SageMaker shows as the job's failure reason).
"""
import argparse
import importlib.util
import json
import logging
import os
import sys
import traceback

CONTAINER_ROOT = "/opt/ml"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def mapped(root, path):
    """A container path under /opt/ml, moved below root; any other path unchanged."""
    if path == CONTAINER_ROOT or path.startswith(CONTAINER_ROOT + "/"):
        return os.path.join(root, path.lstrip("/"))
    return path


def fail(root, message):
    print(f"plc-local: {message}", file=sys.stderr)
    target = mapped(root, "/opt/ml/output/message")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as f:
        f.write(message[:1024])
    sys.exit(1)


def load(script, code_dir):
    sys.path.insert(0, os.path.dirname(script))
    if code_dir not in sys.path:
        sys.path.insert(0, code_dir)
    name = os.path.splitext(os.path.basename(script))[0]
    spec = importlib.util.spec_from_file_location(name, script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)  # __name__ is not "__main__": its harness does not run
    return module


def job_args(module, kind, arguments):
    if kind == "processing":
        parser = argparse.ArgumentParser(prog=os.path.basename(module.__file__))
        for flag, spec in getattr(module, "CLI_ARGS", {}).items():
            parser.add_argument(flag, **spec)
        return parser.parse_args(arguments)
    # Script mode passes each hyperparameter as --key value; the scripts read hyperparameters.json.
    return argparse.ArgumentParser().parse_known_args(arguments)[0]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    root = job["container_root"]
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    try:
        module = load(job["script"], job["code_dir"])
    except Exception as err:
        traceback.print_exc()
        fail(root, f"cannot import {job['script']}: {type(err).__name__}: {err}")
    missing = [n for n in ("main", "INPUT_PATHS", "OUTPUT_PATHS") if not hasattr(module, n)]
    if missing:
        fail(root, f"{job['script']} does not follow plc's script convention (no {', '.join(missing)}): "
                   "cannot map its container paths, so it is not run locally")
    input_paths = {k: mapped(root, v) for k, v in module.INPUT_PATHS.items()}
    output_paths = {k: mapped(root, v) for k, v in module.OUTPUT_PATHS.items()}
    if job["kind"] == "training":
        input_paths["hyperparameters"] = mapped(root, getattr(
            module, "HYPERPARAMETERS_PATH", "/opt/ml/input/config/hyperparameters.json"))
    names = list(getattr(module, "REQUIRED_ENV_VARS", [])) + list(getattr(module, "OPTIONAL_ENV_VARS", {}))
    environ_vars = {n: os.environ[n] for n in names if n in os.environ}
    try:
        summary = module.main(input_paths, output_paths, environ_vars, job_args(module, job["kind"], job["arguments"]))
    except SystemExit as err:
        if err.code not in (0, None):
            fail(root, f"the script exited with {err.code}")
        return
    except Exception as err:
        if type(err).__name__ == "UserError":  # plc_step's: bad configuration or data, no traceback
            fail(root, str(err))
        traceback.print_exc()
        fail(root, f"unexpected {type(err).__name__}: {err}")
    logging.getLogger("plc-local").info("done: %s", json.dumps(summary, default=str))


if __name__ == "__main__":
    main()
