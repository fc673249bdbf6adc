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
import json
import logging
import os
import sys

import numpy as np
import pandas as pd

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
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")
TABLES_FILE = "risk_tables.json"
TABLES_FORMAT = "plc-risk-tables/1"

logger = logging.getLogger("risk_table_mapping")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---- settings ----

def _number(environ_vars: dict[str, str], name: str, kind: type, low: float, high: float):
    """An optional env var parsed as `kind` within [low, high]; empty counts as unset."""
    raw = environ_vars.get(name) or OPTIONAL_ENV_VARS[name]
    try:
        value = kind(raw)
    except ValueError:
        raise UserError(f"{name} must be {'a whole number' if kind is int else 'a number'}, got {raw!r}") from None
    if not low <= value <= high:
        raise UserError(f"{name} must be between {low} and {high}, got {raw!r}")
    return value


def _column_list(environ_vars: dict[str, str], name: str) -> list[str]:
    raw = environ_vars.get(name) or OPTIONAL_ENV_VARS[name]
    columns = [c.strip() for c in raw.split(",") if c.strip()]
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise UserError(f"{name} names a column more than once: {duplicates}")
    return columns


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


def _load_tables(folder: str | None) -> dict:
    if not folder or not os.path.isdir(folder):
        raise UserError(f"risk tables folder {folder} does not exist; bind the risk_tables input "
                        "to the training job's risk_tables output")
    found = sorted(os.path.join(root, TABLES_FILE) for root, _, names in os.walk(folder) if TABLES_FILE in names)
    if not found:
        raise UserError(f"no {TABLES_FILE} under {folder}")
    try:
        with open(found[0], encoding="utf-8") as f:
            tables = json.load(f)
    except (OSError, ValueError) as err:
        raise UserError(f"cannot read {found[0]}: {err}") from None
    if not isinstance(tables, dict) or tables.get("format") != TABLES_FORMAT or not isinstance(tables.get("tables"), dict):
        raise UserError(f"{found[0]} is not a {TABLES_FORMAT} file written by RiskTableMapping")
    return tables


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
    listed = _column_list(environ_vars, "CATEGORICAL_COLUMNS")
    smooth_factor = _number(environ_vars, "SMOOTH_FACTOR", float, 0, 1)
    count_threshold = _number(environ_vars, "COUNT_THRESHOLD", int, 0, 2**31)
    max_unique = _number(environ_vars, "MAX_UNIQUE_VALUES", int, 1, 2**31)
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
        columns = _categorical_columns(train, label, listed, max_unique)
        if not columns:
            logger.warning("no categorical columns to encode; the data is copied unchanged")
        tables = fit(train, label, columns, smooth_factor, count_threshold)
        tables["fit_files"] = fit_files
        logger.info("fitted risk tables on %d rows of %s; label rate %.4f", tables["fit_rows"], fit_files,
                    tables["default_risk"])
        out_dir = output_paths["risk_tables"]
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, TABLES_FILE), "w", encoding="utf-8") as f:
            json.dump(tables, f, indent=2)
    else:
        tables = _load_tables(input_paths.get("risk_tables"))
        logger.info("applying risk tables for %d column(s)", len(tables["tables"]))

    rows: dict[str, int] = {}
    for name in files:
        table = _read_table(os.path.join(data_dir, name))
        absent = sorted(set(tables["tables"]) - set(table.columns))
        if absent:
            logger.warning("%s lacks encoded columns %s", name, absent)
        out = apply(table, tables)
        _write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows", name, len(out))

    return {"job_type": job_type, "rows": rows, "columns": sorted(tables["tables"]),
            "default_risk": tables["default_risk"]}


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
    parser = argparse.ArgumentParser(description="plc RiskTableMapping step")
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
    logger.info("done: %s", json.dumps(summary))
