"""plc built-in step DataLoading: load a data set from S3 into one CSV.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz), Parquet (.parquet) or JSON-lines (.jsonl, .json, and the
same gzipped) file under the `data_source` input, in sorted path order,
optionally keeps only some columns and at most MAX_ROWS rows (in CSV files only
the empty field and the MISSING_VALUES tokens are missing values), and writes:
  data/data.csv               the rows, with a header row
  metadata/metadata.json      row count, column names and dtypes, files read
  signature/signature.csv     one line: the column names
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import csv
import gzip
import logging
import os

import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import find_data_files, missing_value_tokens, read_csv

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data_source": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {
    "data": "/opt/ml/processing/output/data",
    "metadata": "/opt/ml/processing/output/metadata",
    "signature": "/opt/ml/processing/output/signature",
}
REQUIRED_ENV_VARS = []
# Empty means unset: all columns, all rows.
OPTIONAL_ENV_VARS = {"SELECTED_COLUMNS": "", "MAX_ROWS": "", "MISSING_VALUES": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
CSV_SUFFIXES = (".csv", ".csv.gz")
PARQUET_SUFFIXES = (".parquet",)
JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
DATA_SUFFIXES = CSV_SUFFIXES + PARQUET_SUFFIXES + JSON_SUFFIXES
DATA_FILE = "data.csv"
METADATA_FILE = "metadata.json"
SIGNATURE_FILE = "signature.csv"

logger = logging.getLogger("data_loading")


def _first_char(path: str) -> str:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        while True:
            chunk = f.read(4096)
            if not chunk:
                return ""
            stripped = chunk.lstrip("\ufeff \t\r\n")
            if stripped:
                return stripped[0]


def _read_json(path: str) -> pd.DataFrame:
    # Values keep their JSON types: no dtype or date guessing.
    if _first_char(path) == "[":  # one array of records
        return pd.read_json(path, orient="records", dtype=False, convert_dates=False)
    return pd.read_json(path, lines=True, dtype=False, convert_dates=False)  # JSON lines


def _read_table(path: str, tokens: tuple[str, ...]) -> pd.DataFrame:
    name = path.lower()
    try:
        if name.endswith(PARQUET_SUFFIXES):
            table = pd.read_parquet(path)
        elif name.endswith(JSON_SUFFIXES):
            table = _read_json(path)
        else:
            table = read_csv(path, tokens)
    except (ImportError, ValueError, OSError) as err:  # no parquet engine; empty, malformed or bad gzip
        raise UserError(f"cannot read {path}: {err}") from None
    table.columns = [str(c).strip() for c in table.columns]
    if len(set(table.columns)) != len(table.columns):
        raise UserError(f"{path} has duplicate column names after stripping spaces: {list(table.columns)}")
    return table


def _load(files: list[str], columns: list[str], max_rows: int | None,
          tokens: tuple[str, ...]) -> tuple[pd.DataFrame, list[str], bool]:
    """The rows of the files in order (stopping once max_rows are read), the files read, and
    whether rows were left out because of max_rows."""
    tables: list[pd.DataFrame] = []
    used: list[str] = []
    expected: list[str] | None = columns or None
    rows = 0
    for path in files:
        table = _read_table(path, tokens)
        if columns:
            missing = [c for c in columns if c not in table.columns]
            if missing:
                raise UserError(f"{path} lacks selected columns {missing}; its columns are {list(table.columns)}")
            table = table[columns]
        elif expected is None:
            expected = list(table.columns)
        elif set(table.columns) != set(expected):
            # Silently unioning different schemas would fill columns with NaN; refuse instead.
            raise UserError(f"{path} has columns {list(table.columns)}, but {used[0]} has {expected}")
        else:
            table = table[expected]
        tables.append(table)
        used.append(path)
        rows += len(table)
        if max_rows is not None and rows >= max_rows:
            break
    data = pd.concat(tables, ignore_index=True)
    truncated = max_rows is not None and (rows > max_rows or len(used) < len(files))
    if max_rows is not None:
        data = data.iloc[:max_rows]
    return data, used, truncated


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    tokens = missing_value_tokens(env.raw("MISSING_VALUES"))
    columns = env.columns("SELECTED_COLUMNS")
    max_rows = env.number("MAX_ROWS", int, 1, None, blank_is_none=True)
    job_type = checked_job_type(job_args, JOB_TYPES)

    source = input_paths["data_source"]
    files = [os.path.join(source, f) for f in find_data_files(source, DATA_SUFFIXES)]
    logger.info("found %d file(s) under %s", len(files), source)
    data, used, truncated = _load(files, columns, max_rows, tokens)
    if data.empty:
        logger.warning("the data set has no rows; writing the header only")
    if truncated:
        logger.info("kept the first %d rows (MAX_ROWS); read %d of %d file(s)", len(data), len(used), len(files))

    data_dir = output_paths["data"]
    os.makedirs(data_dir, exist_ok=True)
    data_path = os.path.join(data_dir, DATA_FILE)
    data.to_csv(data_path, index=False)
    logger.info("wrote %d rows x %d columns to %s", len(data), data.shape[1], data_path)

    metadata = {
        "job_type": job_type,
        "row_count": int(len(data)),
        "column_count": int(data.shape[1]),
        "columns": list(data.columns),
        "dtypes": {name: str(dtype) for name, dtype in data.dtypes.items()},
        "source_files": [os.path.relpath(path, source) for path in used],
        "max_rows": max_rows,
        "truncated": truncated,
    }
    write_json(os.path.join(output_paths["metadata"], METADATA_FILE), metadata)

    os.makedirs(output_paths["signature"], exist_ok=True)
    with open(os.path.join(output_paths["signature"], SIGNATURE_FILE), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(list(data.columns))

    return {"job_type": job_type, "files_read": len(used), "rows": int(len(data)),
            "columns": list(data.columns), "truncated": truncated}


if __name__ == "__main__":
    run_processing_job("DataLoading", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
