"""plc built-in step TabularPreprocessing: clean a labelled table and split it.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input, drops rows without
a label, codes the label as integers and writes CSVs with a header row:
  training job type -> train/, val/, test/ sub-folders (stratified split)
  any other job type -> <job_type>/<job_type>_processed_data.csv (whole set)
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import os

import pandas as pd
from sklearn.model_selection import train_test_split

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job
from plc_tables import concat_tables, find_data_files, missing_value_tokens, read_table

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {"TRAIN_RATIO": "0.7", "TEST_VAL_RATIO": "0.5", "RANDOM_SEED": "42", "MISSING_VALUES": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]

logger = logging.getLogger("tabular_preprocessing")


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
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    missing = missing_value_tokens(env.raw("MISSING_VALUES"))
    label = env.required("LABEL_FIELD", "the name of the label column")
    train_ratio = env.number("TRAIN_RATIO", float, 0, 1, exclusive=True, noun="float")
    test_val_ratio = env.number("TEST_VAL_RATIO", float, 0, 1, exclusive=True, noun="float")
    seed = env.number("RANDOM_SEED", int, -1, 2**32, exclusive=True, noun="int")
    job_type = checked_job_type(job_args, JOB_TYPES)

    data_dir = input_paths["data"]
    # Hidden files are read too, as they always were here.
    files = [os.path.join(data_dir, f) for f in find_data_files(data_dir, skip_hidden=False)]
    logger.info("reading %d file(s) from %s", len(files), data_dir)
    df = concat_tables([read_table(path, missing) for path in files], files)
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


if __name__ == "__main__":
    run_processing_job("TabularPreprocessing", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
