"""plc built-in step MissingValueImputation: fill missing values with fitted statistics.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input and writes each one,
imputed, to the same relative path under `processed_data`, so the train/ val/
test/ (or <job type>/) layout is kept.

  training job type  fits one fill value per feature column (mean, median, mode
                     or a constant) on the train/ files, or on all files when
                     there is no train/ folder, and writes them to
                     imputation_params/imputation_params.json
  other job types    read imputation_params.json from the `imputation_params`
                     input and only apply it

The label column is never imputed.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import math
import os
import sys

import pandas as pd

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
# imputation_params is an input for every job type but training, and an output for training.
INPUT_PATHS = {
    "data": "/opt/ml/processing/input/data",
    "imputation_params": "/opt/ml/processing/input/artifacts",
}
OUTPUT_PATHS = {
    "processed_data": "/opt/ml/processing/output/data",
    "imputation_params": "/opt/ml/processing/output/artifacts",
}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {
    "NUMERIC_STRATEGY": "mean",
    "CATEGORICAL_STRATEGY": "mode",
    "NUMERIC_FILL_VALUE": "0",
    "CATEGORICAL_FILL_VALUE": "unknown",
    "COLUMN_STRATEGIES": "",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")
PARAMS_FILE = "imputation_params.json"
PARAMS_FORMAT = "plc-imputation/1"
NUMERIC_STRATEGIES = ("mean", "median", "mode", "constant")
CATEGORICAL_STRATEGIES = ("mode", "constant")
# Per-column overrides may also leave a column alone.
COLUMN_STRATEGIES = NUMERIC_STRATEGIES + ("skip",)

logger = logging.getLogger("missing_value_imputation")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---- settings ----

def _choice(environ_vars: dict[str, str], name: str, allowed: tuple[str, ...]) -> str:
    value = (environ_vars.get(name) or OPTIONAL_ENV_VARS[name]).strip().lower()
    if value not in allowed:
        raise UserError(f"{name} must be one of {list(allowed)}, got {value!r}")
    return value


def _numeric_fill(environ_vars: dict[str, str]) -> float:
    raw = environ_vars.get("NUMERIC_FILL_VALUE") or OPTIONAL_ENV_VARS["NUMERIC_FILL_VALUE"]
    try:
        value = float(raw)
    except ValueError:
        raise UserError(f"NUMERIC_FILL_VALUE must be a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise UserError(f"NUMERIC_FILL_VALUE must be a finite number, got {raw!r}")
    return int(value) if value.is_integer() else value


def _column_strategies(environ_vars: dict[str, str]) -> dict[str, str]:
    """COLUMN_STRATEGIES: comma-separated column=strategy pairs."""
    raw = environ_vars.get("COLUMN_STRATEGIES") or OPTIONAL_ENV_VARS["COLUMN_STRATEGIES"]
    overrides: dict[str, str] = {}
    for item in (part.strip() for part in raw.split(",")):
        if not item:
            continue
        column, sep, strategy = item.rpartition("=")
        column, strategy = column.strip(), strategy.strip().lower()
        if not sep or not column:
            raise UserError(f"COLUMN_STRATEGIES entries are column=strategy, got {item!r}")
        if strategy not in COLUMN_STRATEGIES:
            raise UserError(f"COLUMN_STRATEGIES: strategy for {column!r} must be one of {list(COLUMN_STRATEGIES)}, got {strategy!r}")
        if column in overrides:
            raise UserError(f"COLUMN_STRATEGIES names column {column!r} twice")
        overrides[column] = strategy
    return overrides


# ---- data files ----

def _find_data_files(folder: str) -> list[str]:
    """Data files below folder, as sorted paths relative to it."""
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    found = [
        os.path.relpath(os.path.join(root, name), folder)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(DATA_SUFFIXES) and not name.startswith(".")
    ]
    if not found:
        raise UserError(f"no {', '.join(DATA_SUFFIXES)} files under {folder}")
    return sorted(found)


def _read_table(path: str) -> pd.DataFrame:
    try:
        if path.lower().endswith(".parquet"):
            table = pd.read_parquet(path)
        else:
            table = pd.read_csv(path)  # compression inferred from .gz
    except (ImportError, ValueError) as err:  # no parquet engine; empty or malformed CSV
        raise UserError(f"cannot read {path}: {err}") from None
    table.columns = [str(c).strip() for c in table.columns]
    if len(set(table.columns)) != len(table.columns):
        raise UserError(f"{path} has duplicate column names after stripping spaces: {list(table.columns)}")
    return table


def _write_table(table: pd.DataFrame, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.lower().endswith(".parquet"):
        table.to_parquet(path, index=False)
    else:
        table.to_csv(path, index=False)  # compression inferred from .gz


def _fit_files(files: list[str]) -> list[str]:
    """The train/ files of a train/val/test layout, else every file."""
    train = [f for f in files if f.split(os.sep)[0] == "train" and os.sep in f]
    return train or files


def _read_all(folder: str, files: list[str]) -> pd.DataFrame:
    tables = [_read_table(os.path.join(folder, f)) for f in files]
    columns = list(tables[0].columns)
    for name, table in zip(files, tables):
        if set(table.columns) != set(columns):
            raise UserError(f"{name} has columns {list(table.columns)}, but {files[0]} has {columns}")
    return pd.concat([t[columns] for t in tables], ignore_index=True)


# ---- fitting and applying ----

def _plain(value):
    """A JSON-friendly Python value from a numpy/pandas scalar."""
    return value.item() if hasattr(value, "item") else value


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def fit(train: pd.DataFrame, label: str, settings: dict) -> dict:
    """Imputation parameters: {column: {kind, strategy, value}} for every feature column."""
    overrides = settings["column_strategies"]
    unknown = sorted(set(overrides) - set(train.columns))
    if unknown:
        raise UserError(f"COLUMN_STRATEGIES names columns that are not in the data: {unknown}")
    if label in overrides:
        raise UserError(f"COLUMN_STRATEGIES names the label column {label!r}, which is never imputed")
    columns: dict[str, dict] = {}
    skipped: list[str] = []
    for name in train.columns:
        if name == label:
            continue
        series = train[name]
        numeric = _is_numeric(series)
        kind = "numeric" if numeric else "categorical"
        strategy = overrides.get(name) or settings["numeric_strategy" if numeric else "categorical_strategy"]
        if strategy == "skip":
            skipped.append(name)
            continue
        if not numeric and strategy in ("mean", "median"):
            raise UserError(f"column {name!r} is not numeric (dtype {series.dtype}); strategy {strategy} needs numbers")
        present = series.dropna()
        if strategy == "constant":
            value = settings["numeric_fill_value" if numeric else "categorical_fill_value"]
        elif present.empty:
            logger.warning("column %r has no values to fit %s on; it is left as it is", name, strategy)
            skipped.append(name)
            continue
        elif strategy == "mean":
            value = float(present.mean())
        elif strategy == "median":
            value = float(present.median())
        else:  # mode; ties go to the smallest value, so the result is reproducible
            value = _plain(present.mode().iloc[0])
        columns[name] = {"kind": kind, "strategy": strategy, "value": value}
    return {"format": PARAMS_FORMAT, "label_field": label, "columns": columns, "skipped": skipped}


def apply(table: pd.DataFrame, params: dict) -> tuple[pd.DataFrame, dict[str, int]]:
    """The table with missing values filled, and how many were filled per column."""
    filled: dict[str, int] = {}
    out = table.copy()
    for name, spec in params["columns"].items():
        if name not in out.columns:
            continue
        missing = int(out[name].isna().sum())
        if missing:
            out[name] = out[name].fillna(spec["value"])
            filled[name] = missing
    return out, filled


def _load_params(folder: str | None) -> dict:
    if not folder or not os.path.isdir(folder):
        raise UserError(f"imputation parameters folder {folder} does not exist; bind the imputation_params "
                        "input to the training job's imputation_params output")
    found = sorted(os.path.join(root, PARAMS_FILE) for root, _, names in os.walk(folder) if PARAMS_FILE in names)
    if not found:
        raise UserError(f"no {PARAMS_FILE} under {folder}")
    try:
        with open(found[0], encoding="utf-8") as f:
            params = json.load(f)
    except (OSError, ValueError) as err:
        raise UserError(f"cannot read {found[0]}: {err}") from None
    if not isinstance(params, dict) or params.get("format") != PARAMS_FORMAT or not isinstance(params.get("columns"), dict):
        raise UserError(f"{found[0]} is not a {PARAMS_FORMAT} file written by MissingValueImputation")
    return params


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    label = (environ_vars.get("LABEL_FIELD") or "").strip()
    if not label:
        raise UserError("environment variable LABEL_FIELD is required (the name of the label column)")
    settings = {
        "numeric_strategy": _choice(environ_vars, "NUMERIC_STRATEGY", NUMERIC_STRATEGIES),
        "categorical_strategy": _choice(environ_vars, "CATEGORICAL_STRATEGY", CATEGORICAL_STRATEGIES),
        "numeric_fill_value": _numeric_fill(environ_vars),
        "categorical_fill_value": environ_vars.get("CATEGORICAL_FILL_VALUE") or OPTIONAL_ENV_VARS["CATEGORICAL_FILL_VALUE"],
        "column_strategies": _column_strategies(environ_vars),
    }
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    data_dir = input_paths["data"]
    files = _find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    if job_type == "training":
        fit_files = _fit_files(files)
        train = _read_all(data_dir, fit_files)
        if label not in train.columns:
            raise UserError(f"label column {label!r} not found; columns are {list(train.columns)}")
        params = fit(train, label, settings)
        params["fit_rows"] = int(len(train))
        params["fit_files"] = fit_files
        logger.info("fitted on %d rows of %s: %s", len(train), fit_files,
                    {k: (v["strategy"], v["value"]) for k, v in params["columns"].items()})
        out_dir = output_paths["imputation_params"]
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, PARAMS_FILE), "w", encoding="utf-8") as f:
            json.dump(params, f, indent=2)
    else:
        params = _load_params(input_paths.get("imputation_params"))
        logger.info("applying imputation parameters for %d column(s)", len(params["columns"]))

    filled_total: dict[str, int] = {}
    rows: dict[str, int] = {}
    for name in files:
        table = _read_table(os.path.join(data_dir, name))
        absent = sorted(set(params["columns"]) - set(table.columns))
        if absent:
            logger.warning("%s lacks fitted columns %s; they are not imputed there", name, absent)
        out, filled = apply(table, params)
        for column, count in filled.items():
            filled_total[column] = filled_total.get(column, 0) + count
        _write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows, filled %s", name, len(out), filled or "nothing")

    return {"job_type": job_type, "rows": rows, "filled": filled_total,
            "columns": {k: v["value"] for k, v in params["columns"].items()}}


def _fail(message: str) -> None:
    logger.error(message)
    if os.path.isdir("/opt/ml"):  # only inside a SageMaker container, never on a dev machine
        try:
            os.makedirs(os.path.dirname(EXIT_MESSAGE_FILE), exist_ok=True)
            with open(EXIT_MESSAGE_FILE, "w", encoding="utf-8") as f:
                f.write(message[:1024])
        except OSError:
            pass  # the log line above is what matters
    sys.exit(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(description="plc MissingValueImputation step")
    for flag, spec in CLI_ARGS.items():
        parser.add_argument(flag, **spec)
    args = parser.parse_args()
    env = {name: os.environ[name] for name in REQUIRED_ENV_VARS + list(OPTIONAL_ENV_VARS) if name in os.environ}
    try:
        summary = main(INPUT_PATHS, OUTPUT_PATHS, env, args)
    except UserError as err:
        _fail(str(err))
    except Exception as err:  # unexpected: keep the traceback in the log for debugging
        logger.exception("unexpected failure")
        _fail(f"unexpected {type(err).__name__}: {err}")
    logger.info("done: %s", json.dumps(summary, default=str))
