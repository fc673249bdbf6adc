"""plc built-in step DataLoading: load a data set from S3 into one CSV.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz), Parquet (.parquet) or JSON-lines (.jsonl, .json, and the
same gzipped) file under the `data_source` input, in sorted path order,
optionally keeps only some columns and at most MAX_ROWS rows, and writes:
  data/data.csv               the rows, with a header row
  metadata/metadata.json      row count, column names and dtypes, files read
  signature/signature.csv     one line: the column names
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import csv
import gzip
import json
import logging
import os
import sys

import pandas as pd

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data_source": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {
    "data": "/opt/ml/processing/output/data",
    "metadata": "/opt/ml/processing/output/metadata",
    "signature": "/opt/ml/processing/output/signature",
}
REQUIRED_ENV_VARS = []
# Empty means unset: all columns, all rows.
OPTIONAL_ENV_VARS = {"SELECTED_COLUMNS": "", "MAX_ROWS": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
CSV_SUFFIXES = (".csv", ".csv.gz")
PARQUET_SUFFIXES = (".parquet",)
JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
DATA_SUFFIXES = CSV_SUFFIXES + PARQUET_SUFFIXES + JSON_SUFFIXES
DATA_FILE = "data.csv"
METADATA_FILE = "metadata.json"
SIGNATURE_FILE = "signature.csv"

logger = logging.getLogger("data_loading")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


def _selected_columns(environ_vars: dict[str, str]) -> list[str]:
    raw = environ_vars.get("SELECTED_COLUMNS") or OPTIONAL_ENV_VARS["SELECTED_COLUMNS"]
    columns = [c.strip() for c in raw.split(",") if c.strip()]
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise UserError(f"SELECTED_COLUMNS names a column more than once: {duplicates}")
    return columns


def _max_rows(environ_vars: dict[str, str]) -> int | None:
    raw = (environ_vars.get("MAX_ROWS") or OPTIONAL_ENV_VARS["MAX_ROWS"]).strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise UserError(f"MAX_ROWS must be a whole number, got {raw!r}") from None
    if value < 1:
        raise UserError(f"MAX_ROWS must be at least 1, got {raw!r}")
    return value


def _find_data_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    found = [
        os.path.join(root, name)
        for root, dirs, names in os.walk(folder)
        for name in names
        if name.lower().endswith(DATA_SUFFIXES) and not name.startswith(".")
    ]
    if not found:
        raise UserError(f"no {', '.join(DATA_SUFFIXES)} files under {folder}")
    return sorted(found)


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


def _read_table(path: str) -> pd.DataFrame:
    name = path.lower()
    try:
        if name.endswith(PARQUET_SUFFIXES):
            table = pd.read_parquet(path)
        elif name.endswith(JSON_SUFFIXES):
            table = _read_json(path)
        else:
            table = pd.read_csv(path)  # compression inferred from .gz
    except (ImportError, ValueError, OSError) as err:  # no parquet engine; empty, malformed or bad gzip
        raise UserError(f"cannot read {path}: {err}") from None
    table.columns = [str(c).strip() for c in table.columns]
    if len(set(table.columns)) != len(table.columns):
        raise UserError(f"{path} has duplicate column names after stripping spaces: {list(table.columns)}")
    return table


def _load(files: list[str], columns: list[str], max_rows: int | None) -> tuple[pd.DataFrame, list[str], bool]:
    """The rows of the files in order (stopping once max_rows are read), the files read, and
    whether rows were left out because of max_rows."""
    tables: list[pd.DataFrame] = []
    used: list[str] = []
    expected: list[str] | None = columns or None
    rows = 0
    for path in files:
        table = _read_table(path)
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
    columns = _selected_columns(environ_vars)
    max_rows = _max_rows(environ_vars)
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    source = input_paths["data_source"]
    files = _find_data_files(source)
    logger.info("found %d file(s) under %s", len(files), source)
    data, used, truncated = _load(files, columns, max_rows)
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
    os.makedirs(output_paths["metadata"], exist_ok=True)
    with open(os.path.join(output_paths["metadata"], METADATA_FILE), "w", encoding="utf-8") as f:
        json.dump(metadata, f, indent=2)

    os.makedirs(output_paths["signature"], exist_ok=True)
    with open(os.path.join(output_paths["signature"], SIGNATURE_FILE), "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(list(data.columns))

    return {"job_type": job_type, "files_read": len(used), "rows": int(len(data)),
            "columns": list(data.columns), "truncated": truncated}


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
    parser = argparse.ArgumentParser(description="plc DataLoading step")
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
