"""plc built-in step RiskTableMapping: encode categorical columns by their smoothed label rate.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input and writes each one,
encoded, to the same relative path under `processed_data`, so the train/ val/
test/ (or <job type>/) layout is kept.

  training job type  fits a risk table per categorical column on the train/
                     files (all files when there is no train/ folder) and writes
                     them to risk_tables/risk_tables.json
  other job types    read risk_tables.json from the `risk_tables` input and
                     only apply it

The risk of a category seen n times, p of them with label 1, is
(p + s * r) / (n + s), where r is the label rate over all fitting rows and
s = SMOOTH_FACTOR * (number of fitting rows). Categories seen fewer than
COUNT_THRESHOLD times, unseen categories and missing values get r.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import os

import numpy as np
import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import find_data_files, load_fitted, missing_value_tokens, read_fitting_data, read_table, write_table

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
# risk_tables is an input for every job type but training, and an output for training.
INPUT_PATHS = {
    "data": "/opt/ml/processing/input/data",
    "risk_tables": "/opt/ml/processing/input/artifacts",
}
OUTPUT_PATHS = {
    "processed_data": "/opt/ml/processing/output/data",
    "risk_tables": "/opt/ml/processing/output/artifacts",
}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
# CATEGORICAL_COLUMNS empty: every non-numeric column with at most MAX_UNIQUE_VALUES values.
OPTIONAL_ENV_VARS = {
    "CATEGORICAL_COLUMNS": "",
    "SMOOTH_FACTOR": "0.01",
    "COUNT_THRESHOLD": "5",
    "MAX_UNIQUE_VALUES": "100",
    "MISSING_VALUES": "",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
TABLES_FILE = "risk_tables.json"
TABLES_FORMAT = "plc-risk-tables/1"

logger = logging.getLogger("risk_table_mapping")


# ---- fitting and applying ----

def _key(value):
    """A category as text, the same whether a file read it as 3, 3.0 or "3"; None when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    return str(value)


def _binary_label(series: pd.Series, label: str) -> pd.Series:
    values = pd.to_numeric(series, errors="coerce")
    if values.isna().any() or not values.isin([0, 1]).all():
        bad = sorted(map(str, series[values.isna() | ~values.isin([0, 1])].unique()))[:5]
        raise UserError(f"label {label!r} must be 0 or 1 on every row (run TabularPreprocessing first); "
                        f"found {bad}")
    return values.astype(int)


def _categorical_columns(train: pd.DataFrame, label: str, listed: list[str], max_unique: int) -> list[str]:
    if listed:
        missing = [c for c in listed if c not in train.columns]
        if missing:
            raise UserError(f"CATEGORICAL_COLUMNS names columns that are not in the data: {missing}")
        if label in listed:
            raise UserError(f"CATEGORICAL_COLUMNS names the label column {label!r}")
        return listed
    found = []
    for name in train.columns:
        series = train[name]
        if name == label or (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
            continue
        unique = series.nunique(dropna=True)
        if unique > max_unique:
            logger.warning("column %r has %d distinct values (more than MAX_UNIQUE_VALUES=%d); not encoded",
                           name, unique, max_unique)
            continue
        found.append(name)
    return found


def fit(train: pd.DataFrame, label: str, columns: list[str], smooth_factor: float, count_threshold: int) -> dict:
    """Risk tables {column: {default, bins: {category: risk}}}, fitted on rows with a label."""
    train = train[train[label].notna()]
    if train.empty:
        raise UserError(f"no rows with a {label!r} value to fit risk tables on")
    target = _binary_label(train[label], label)
    default = float(target.mean())
    smooth = smooth_factor * len(train)
    tables: dict[str, dict] = {}
    for name in columns:
        keys = train[name].map(_key)
        stats = pd.DataFrame({"key": keys, "y": target}).dropna(subset=["key"]).groupby("key")["y"].agg(["count", "sum"])
        bins = {}
        for category, row in stats.iterrows():
            n, positives = int(row["count"]), float(row["sum"])
            bins[category] = (positives + smooth * default) / (n + smooth) if n >= count_threshold else default
        tables[name] = {"default": default, "bins": bins}
        logger.info("column %r: %d categories", name, len(bins))
    return {"format": TABLES_FORMAT, "label_field": label, "smooth_factor": smooth_factor,
            "count_threshold": count_threshold, "default_risk": default, "fit_rows": int(len(train)),
            "tables": tables}


def apply(table: pd.DataFrame, tables: dict) -> pd.DataFrame:
    out = table.copy()
    for name, spec in tables["tables"].items():
        if name in out.columns:
            out[name] = out[name].map(_key).map(spec["bins"]).fillna(spec["default"]).astype(float)
    return out


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
    listed = env.columns("CATEGORICAL_COLUMNS")
    smooth_factor = env.number("SMOOTH_FACTOR", float, 0, 1)
    count_threshold = env.number("COUNT_THRESHOLD", int, 0, 2**31)
    max_unique = env.number("MAX_UNIQUE_VALUES", int, 1, 2**31)
    job_type = checked_job_type(job_args, JOB_TYPES)

    data_dir = input_paths["data"]
    files = find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    if job_type == "training":
        fit_files, train = read_fitting_data(data_dir, files, label, missing)
        columns = _categorical_columns(train, label, listed, max_unique)
        if not columns:
            logger.warning("no categorical columns to encode; the data is copied unchanged")
        tables = fit(train, label, columns, smooth_factor, count_threshold)
        tables["fit_files"] = fit_files
        logger.info("fitted risk tables on %d rows of %s; label rate %.4f", tables["fit_rows"], fit_files,
                    tables["default_risk"])
        write_json(os.path.join(output_paths["risk_tables"], TABLES_FILE), tables)
    else:
        tables = load_fitted(input_paths.get("risk_tables"), TABLES_FILE, TABLES_FORMAT, "risk tables",
                             "risk_tables", "RiskTableMapping", lambda fitted: isinstance(fitted.get("tables"), dict))
        logger.info("applying risk tables for %d column(s)", len(tables["tables"]))

    rows: dict[str, int] = {}
    for name in files:
        table = read_table(os.path.join(data_dir, name), missing)
        absent = sorted(set(tables["tables"]) - set(table.columns))
        if absent:
            logger.warning("%s lacks encoded columns %s", name, absent)
        out = apply(table, tables)
        write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows", name, len(out))

    return {"job_type": job_type, "rows": rows, "columns": sorted(tables["tables"]),
            "default_risk": tables["default_risk"]}


if __name__ == "__main__":
    run_processing_job("RiskTableMapping", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
