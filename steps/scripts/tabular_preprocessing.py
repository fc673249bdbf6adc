"""plc built-in step TabularPreprocessing: clean a labelled table and split it.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input, drops rows without
a label, codes the label as integers and writes CSVs with a header row:
  training job type -> train/, val/, test/ sub-folders (stratified split)
  any other job type -> <job_type>/<job_type>_processed_data.csv (whole set)
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import os
import sys

import pandas as pd
from sklearn.model_selection import train_test_split

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {"TRAIN_RATIO": "0.7", "TEST_VAL_RATIO": "0.5", "RANDOM_SEED": "42"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")

logger = logging.getLogger("tabular_preprocessing")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


def _setting(environ_vars: dict[str, str], name: str, kind: type, low: float, high: float):
    """An optional env var parsed as `kind`; empty counts as unset (the default applies)."""
    raw = environ_vars.get(name) or OPTIONAL_ENV_VARS[name]
    try:
        value = kind(raw)
    except ValueError:
        raise UserError(f"{name} must be {kind.__name__}, got {raw!r}") from None
    if not low < value < high:
        raise UserError(f"{name} must be between {low} and {high} (exclusive), got {raw!r}")
    return value


def _find_data_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    found = [
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(DATA_SUFFIXES)
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


def _read_all(files: list[str]) -> pd.DataFrame:
    tables = [_read_table(path) for path in files]
    columns = list(tables[0].columns)
    for path, table in zip(files, tables):
        # Silently unioning different schemas would fill columns with NaN; refuse instead.
        if set(table.columns) != set(columns):
            raise UserError(f"{path} has columns {list(table.columns)}, but {files[0]} has {columns}")
    return pd.concat([t[columns] for t in tables], ignore_index=True)


def _encode_label(label: pd.Series) -> tuple[pd.Series, dict[str, int]]:
    """Integer labels, plus the value -> code mapping used (empty when already numeric)."""
    numeric = pd.to_numeric(label, errors="coerce")  # also accepts numbers stored as text
    if numeric.notna().all():
        if (numeric % 1 != 0).any():
            raise UserError(f"label {label.name!r} has non-integer values; expected class labels")
        return numeric.astype(int), {}
    text = label.astype(str)
    mapping = {value: code for code, value in enumerate(sorted(text.unique()))}
    return text.map(mapping).astype(int), mapping


def _split(df: pd.DataFrame, label: str, first_fraction: float, seed: int):
    """Split into (first, rest), stratified on the label when sklearn allows it."""
    kwargs = {"train_size": first_fraction, "random_state": seed}
    if df[label].value_counts().min() < 2:
        logger.warning("a class has a single row among %d; splitting without stratification", len(df))
    else:
        try:
            return train_test_split(df, stratify=df[label], **kwargs)
        except ValueError as err:
            # sklearn also refuses when a part gets fewer rows than there are classes.
            logger.warning("cannot stratify %d rows (%s); splitting without stratification", len(df), err)
    try:
        return train_test_split(df, **kwargs)
    except ValueError as err:
        raise UserError(f"cannot split {len(df)} rows with train_size={first_fraction}: {err}") from None


def _write(df: pd.DataFrame, out_dir: str, name: str) -> str:
    folder = os.path.join(out_dir, name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{name}_processed_data.csv")
    df.to_csv(path, index=False)
    logger.info("wrote %d rows to %s", len(df), path)
    return path


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
    train_ratio = _setting(environ_vars, "TRAIN_RATIO", float, 0, 1)
    test_val_ratio = _setting(environ_vars, "TEST_VAL_RATIO", float, 0, 1)
    seed = _setting(environ_vars, "RANDOM_SEED", int, -1, 2**32)
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    files = _find_data_files(input_paths["data"])
    logger.info("reading %d file(s) from %s", len(files), input_paths["data"])
    df = _read_all(files)
    if label not in df.columns:
        raise UserError(f"label column {label!r} not found; columns are {list(df.columns)}")

    rows_read = len(df)
    df = df.dropna(subset=[label]).reset_index(drop=True)
    if df.empty:
        raise UserError(f"no rows left after dropping rows without a {label!r} value")
    df[label], mapping = _encode_label(df[label])
    if mapping:
        logger.info("label codes: %s", mapping)

    out_dir = output_paths["processed_data"]
    if job_type == "training":
        train, held_out = _split(df, label, train_ratio, seed)
        test, val = _split(held_out, label, test_val_ratio, seed)
        parts = {"train": train, "val": val, "test": test}
    else:
        parts = {job_type: df}
    for name, part in parts.items():
        _write(part, out_dir, name)

    return {
        "job_type": job_type,
        "files_read": len(files),
        "rows_read": rows_read,
        "rows_dropped_missing_label": rows_read - len(df),
        "label_mapping": mapping,
        "rows": {name: len(part) for name, part in parts.items()},
    }


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
    parser = argparse.ArgumentParser(description="plc TabularPreprocessing step")
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
