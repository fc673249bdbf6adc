"""Shared runtime of plc's built-in step scripts: errors, settings, the command-line harness.

Shipped next to a step's entry point through `script.include` in its step document and
imported as `plc_step`. Standard library only, so it loads in every container (the
scikit-learn, XGBoost and PyTorch images alike).

  UserError             bad configuration or data: one log line and exit 1, no traceback
  StepEnv               typed access to a step's environment variables
  checked_job_type      the validated --job-type argument
  load_hyperparameters  a training job's hyperparameters.json, values decoded
  required_hyperparameter, warn_unknown_hyperparameters   checks of those
  find_named, read_json, write_json   small file helpers that fail with a UserError
  run_processing_job    the `__main__` harness of a processing script
  run_training_job      the `__main__` harness of a training script (script mode)
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import math
import os
import sys

# SageMaker shows the first 1 KB of this file as a processing job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"
# Present only inside a SageMaker container, never on a dev machine.
CONTAINER_ROOT = "/opt/ml"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---------------------------------------------------------------- settings


class StepEnv:
    """A step's environment variables, read with the defaults of its OPTIONAL_ENV_VARS.

    An empty value counts as unset, so the default applies.
    """

    def __init__(self, environ_vars: dict[str, str], defaults: dict[str, str]):
        self._environ = environ_vars
        self._defaults = defaults

    def raw(self, name: str) -> str:
        """The value as given, or the default when unset or empty."""
        return self._environ.get(name) or self._defaults[name]

    def text(self, name: str) -> str:
        """The value (or default) without surrounding spaces."""
        return self.raw(name).strip()

    def required(self, name: str, what: str) -> str:
        """A variable that must be set; `what` says what it holds, for the error."""
        value = (self._environ.get(name) or "").strip()
        if not value:
            raise UserError(f"environment variable {name} is required ({what})")
        return value

    def choice(self, name: str, allowed: tuple[str, ...]) -> str:
        """One of `allowed`, compared in lower case."""
        value = self.text(name).lower()
        if value not in allowed:
            raise UserError(f"{name} must be one of {list(allowed)}, got {value!r}")
        return value

    def number(self, name: str, kind: type, low: float, high: float | None, *, exclusive: bool = False,
               blank_is_none: bool = False, noun: str | None = None):
        """The value parsed as `kind` (int or float) within [low, high], or (low, high) when exclusive.

        high None means no upper bound. With blank_is_none, a value (or default) that is blank
        after stripping gives None. `noun` names the kind in the error ("a whole number" or
        "a number" unless given). Floats must also be finite.
        """
        raw = self.raw(name)
        if blank_is_none:
            raw = raw.strip()
            if not raw:
                return None
        noun = noun or ("a whole number" if kind is int else "a number")
        try:
            value = kind(raw)
        except ValueError:
            raise UserError(f"{name} must be {noun}, got {raw!r}") from None
        if high is None:
            if not value >= low:
                raise UserError(f"{name} must be at least {low}, got {raw!r}")
        elif exclusive:
            if not low < value < high:
                raise UserError(f"{name} must be between {low} and {high} (exclusive), got {raw!r}")
        elif not (low <= value <= high) or (kind is float and not math.isfinite(value)):
            raise UserError(f"{name} must be between {low} and {high}, got {raw!r}")
        return value

    def columns(self, name: str) -> list[str]:
        """A comma-separated list of column names, each named once."""
        columns = [c.strip() for c in self.raw(name).split(",") if c.strip()]
        duplicates = sorted({c for c in columns if columns.count(c) > 1})
        if duplicates:
            raise UserError(f"{name} names a column more than once: {duplicates}")
        return columns


def checked_job_type(job_args: argparse.Namespace, allowed: list[str]) -> str:
    """--job-type, which must be one of `allowed` (argparse checks it too, but main() may be called directly)."""
    value = job_args.job_type
    if value not in allowed:
        raise UserError(f"--job-type must be one of {allowed}, got {value!r}")
    return value


def load_hyperparameters(path: str) -> dict:
    """SageMaker writes every value as a string, sometimes JSON-encoded ("\\"abc\\"")."""
    if not os.path.exists(path):
        return {}  # outside SageMaker; the required-key check reports what is missing
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    params = {}
    for key, value in raw.items():
        if key.startswith("sagemaker_"):  # the toolkit's own settings, not ours
            continue
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # a plain string such as binary:logistic or 64,32
        params[key] = value
    return params


def required_hyperparameter(hp: dict, key: str, what: str) -> str:
    """hp[key] as text, which must not be blank; `what` says what it holds, for the error."""
    value = str(hp.get(key) or "").strip()
    if not value:
        raise UserError(f"hyperparameter {key} is required ({what})")
    return value


def warn_unknown_hyperparameters(hp: dict, required: list[str], optional: dict, logger: logging.Logger) -> None:
    """Warns of the keys of hp that are neither required nor optional: harmless, as a tuner adds
    some (e.g. _tuning_objective_metric), so they are ignored rather than refused."""
    unknown = sorted(set(hp) - set(required) - set(optional))
    if unknown:
        logger.warning("ignoring unknown hyperparameters: %s", unknown)


# ---------------------------------------------------------------- files


def find_named(folder: str, name: str) -> list[str]:
    """Every file called `name` below folder, sorted."""
    return sorted(os.path.join(root, n) for root, _, names in os.walk(folder) for n in names if n == name)


def read_json(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as err:
        raise UserError(f"cannot read {path}: {err}") from None


def write_json(path: str, value) -> None:
    """value as indented JSON at path, creating its folder."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)


# ---------------------------------------------------------------- harness


def _fail(logger: logging.Logger, message: str) -> None:
    logger.error(message)
    if os.path.isdir(CONTAINER_ROOT):
        try:
            os.makedirs(os.path.dirname(EXIT_MESSAGE_FILE), exist_ok=True)
            with open(EXIT_MESSAGE_FILE, "w", encoding="utf-8") as f:
                f.write(message[:1024])
        except OSError:
            pass  # the log line above is what matters
    sys.exit(1)


def _environment(required_env_vars: list[str], optional_env_vars: dict[str, str]) -> dict[str, str]:
    return {name: os.environ[name] for name in required_env_vars + list(optional_env_vars) if name in os.environ}


def run_processing_job(step: str, main, logger: logging.Logger, input_paths: dict[str, str],
                       output_paths: dict[str, str], required_env_vars: list[str],
                       optional_env_vars: dict[str, str], cli_args: dict[str, dict], describe=json.dumps) -> None:
    """Parse CLI_ARGS, run main() on the contract's paths and variables, and log its summary
    (as describe(summary)). A UserError, or any other exception after its traceback, ends the
    job with exit code 1 and the message as its ExitMessage."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    parser = argparse.ArgumentParser(description=f"plc {step} step")
    for flag, spec in cli_args.items():
        parser.add_argument(flag, **spec)
    args = parser.parse_args()
    env = _environment(required_env_vars, optional_env_vars)
    try:
        summary = main(input_paths, output_paths, env, args)
    except UserError as err:
        _fail(logger, str(err))
    except Exception as err:  # unexpected: keep the traceback in the log for debugging
        logger.exception("unexpected failure")
        _fail(logger, f"unexpected {type(err).__name__}: {err}")
    logger.info("done: %s", describe(summary))


def run_training_job(step: str, main, logger: logging.Logger, input_paths: dict[str, str],
                     output_paths: dict[str, str], hyperparameters_path: str, required_env_vars: list[str],
                     optional_env_vars: dict[str, str]) -> None:
    """Run main() with input_paths plus "hyperparameters" (the JSON file) and log its summary;
    errors end the job with exit code 1 (the training toolkit copies stderr into FailureReason)."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    # Script mode also passes each hyperparameter as --key value; they are read from
    # hyperparameters.json instead, so accept and ignore unknown arguments.
    args, _ = argparse.ArgumentParser(description=f"plc {step} step").parse_known_args()
    env = _environment(required_env_vars, optional_env_vars)
    try:
        summary = main({**input_paths, "hyperparameters": hyperparameters_path}, output_paths, env, args)
    except UserError as err:
        logger.error(str(err))
        sys.exit(1)
    except Exception as err:  # unexpected: keep the traceback in the log for debugging
        logger.exception("unexpected failure")
        logger.error("unexpected %s: %s", type(err).__name__, err)
        sys.exit(1)
    logger.info("done: %s", json.dumps(summary))
