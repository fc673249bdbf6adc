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

import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import find_data_files, load_fitted, missing_value_tokens, read_fitting_data, read_table, write_table

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
    "MISSING_VALUES": "",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
PARAMS_FILE = "imputation_params.json"
PARAMS_FORMAT = "plc-imputation/1"
NUMERIC_STRATEGIES = ("mean", "median", "mode", "constant")
CATEGORICAL_STRATEGIES = ("mode", "constant")
# Per-column overrides may also leave a column alone.
COLUMN_STRATEGIES = NUMERIC_STRATEGIES + ("skip",)

logger = logging.getLogger("missing_value_imputation")


# ---- settings ----

def _numeric_fill(raw: str) -> float:
    """NUMERIC_FILL_VALUE: a finite number, an int when it is whole."""
    try:
        value = float(raw)
    except ValueError:
        raise UserError(f"NUMERIC_FILL_VALUE must be a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise UserError(f"NUMERIC_FILL_VALUE must be a finite number, got {raw!r}")
    return int(value) if value.is_integer() else value


def _column_strategies(raw: str) -> dict[str, str]:
    """COLUMN_STRATEGIES: comma-separated column=strategy pairs."""
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


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    missing = missing_value_tokens(env.raw("MISSING_VALUES"))
    label = env.required("LABEL_FIELD", "the name of the label column")
    settings = {
        "numeric_strategy": env.choice("NUMERIC_STRATEGY", NUMERIC_STRATEGIES),
        "categorical_strategy": env.choice("CATEGORICAL_STRATEGY", CATEGORICAL_STRATEGIES),
        "numeric_fill_value": _numeric_fill(env.raw("NUMERIC_FILL_VALUE")),
        "categorical_fill_value": env.raw("CATEGORICAL_FILL_VALUE"),
        "column_strategies": _column_strategies(env.raw("COLUMN_STRATEGIES")),
    }
    job_type = checked_job_type(job_args, JOB_TYPES)

    data_dir = input_paths["data"]
    files = find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    if job_type == "training":
        fit_files, train = read_fitting_data(data_dir, files, label, missing)
        params = fit(train, label, settings)
        params["fit_rows"] = int(len(train))
        params["fit_files"] = fit_files
        logger.info("fitted on %d rows of %s: %s", len(train), fit_files,
                    {k: (v["strategy"], v["value"]) for k, v in params["columns"].items()})
        write_json(os.path.join(output_paths["imputation_params"], PARAMS_FILE), params)
    else:
        params = load_fitted(input_paths.get("imputation_params"), PARAMS_FILE, PARAMS_FORMAT,
                             "imputation parameters", "imputation_params", "MissingValueImputation",
                             lambda fitted: isinstance(fitted.get("columns"), dict))
        logger.info("applying imputation parameters for %d column(s)", len(params["columns"]))

    filled_total: dict[str, int] = {}
    rows: dict[str, int] = {}
    for name in files:
        table = read_table(os.path.join(data_dir, name), missing)
        absent = sorted(set(params["columns"]) - set(table.columns))
        if absent:
            logger.warning("%s lacks fitted columns %s; they are not imputed there", name, absent)
        out, filled = apply(table, params)
        for column, count in filled.items():
            filled_total[column] = filled_total.get(column, 0) + count
        write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows, filled %s", name, len(out), filled or "nothing")

    return {"job_type": job_type, "rows": rows, "filled": filled_total,
            "columns": {k: v["value"] for k, v in params["columns"].items()}}


if __name__ == "__main__":
    run_processing_job("MissingValueImputation", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS, describe=lambda summary: json.dumps(summary, default=str))
