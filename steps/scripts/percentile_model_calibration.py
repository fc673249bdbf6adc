"""plc built-in step PercentileModelCalibration: map model scores to percentiles.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every CSV
(.csv, .csv.gz) under the `eval_data` input (predictions with a score column,
e.g. XGBoostModelEval's prob_class_1; no label needed) and either
  fits a lookup table (no calibration_model input; not for the testing job type):
    the score at each 1/RESOLUTION quantile of the data (an observed score), paired
    with the share of rows scoring at or below it: at most RESOLUTION + 1 rows;
  or applies a table fitted earlier (calibration_model input: percentile_table.csv).
A score maps to its percentile (0..1) by linear interpolation in the table:
0 below the smallest fitted score, 1 above the largest.
Writes
  calibration     -> percentile_table.csv (score, percentile) and percentile_summary.json
  calibrated_data -> calibrated_data.csv: the input rows plus the percentile column
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
INPUT_PATHS = {
    "eval_data": "/opt/ml/processing/input/eval_data",
    "calibration_model": "/opt/ml/processing/input/calibration_model",
}
OUTPUT_PATHS = {
    "calibration": "/opt/ml/processing/output/calibration",
    "calibrated_data": "/opt/ml/processing/output/calibrated_data",
}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {"SCORE_FIELD": "prob_class_1", "RESOLUTION": "1000", "PERCENTILE_FIELD": "score_percentile"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
APPLY_ONLY_JOB_TYPES = ("testing",)  # never fit on the data the model is judged on
CSV_SUFFIXES = (".csv", ".csv.gz")
TABLE_FILE = "percentile_table.csv"
SUMMARY_FILE = "percentile_summary.json"
DATA_FILE = "calibrated_data.csv"
MIN_RESOLUTION, MAX_RESOLUTION = 2, 100000

logger = logging.getLogger("percentile_model_calibration")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---------------------------------------------------------------- lookup table


def fit_table(score: np.ndarray, resolution: int) -> pd.DataFrame:
    """Scores at the 0, 1/R, …, 1 quantiles (duplicates merged) and the share of rows at or below each.

    Each quantile is an observed score (the smallest whose share reaches k/R), so the table is
    exact at its rows: with R at least the number of rows it is the empirical CDF itself.
    """
    ordered = np.sort(score)
    n = len(ordered)
    k = np.arange(resolution + 1, dtype=np.int64)
    index = np.maximum((k * n + resolution - 1) // resolution - 1, 0)  # ceil(k * n / R) - 1, exactly
    points = np.unique(ordered[index])
    share = np.searchsorted(ordered, points, side="right") / n
    return pd.DataFrame({"score": points, "percentile": share})


def apply_table(table: pd.DataFrame, score: np.ndarray) -> np.ndarray:
    return np.interp(score, table["score"].to_numpy(), table["percentile"].to_numpy(), left=0.0, right=1.0)


def load_table(folder: str) -> tuple[pd.DataFrame, str]:
    found = sorted(os.path.join(root, n) for root, _, names in os.walk(folder) for n in names if n == TABLE_FILE)
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise UserError(f"{what} {TABLE_FILE} under {folder} (expected a PercentileModelCalibration calibration output)")
    try:
        table = pd.read_csv(found[0], float_precision="round_trip")
    except ValueError as err:
        raise UserError(f"cannot read {found[0]}: {err}") from None
    if list(table.columns) != ["score", "percentile"] or table.empty:
        raise UserError(f"{found[0]} must have the columns score, percentile and at least one row")
    scores, shares = table["score"], table["percentile"]
    if not (pd.api.types.is_numeric_dtype(scores) and pd.api.types.is_numeric_dtype(shares)) \
            or table.isna().any().any() or (np.diff(scores) <= 0).any() or (np.diff(shares) < 0).any() \
            or shares.min() < 0 or shares.max() > 1:
        raise UserError(f"{found[0]} is malformed: scores must increase and percentiles rise within [0, 1]")
    return table, found[0]


# ---------------------------------------------------------------- data


def read_csvs(folder: str) -> pd.DataFrame:
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    files = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(CSV_SUFFIXES)
    )
    if not files:
        raise UserError(f"no CSV files under {folder}")
    tables = []
    for path in files:
        try:
            table = pd.read_csv(path)
        except ValueError as err:  # empty or malformed CSV
            raise UserError(f"cannot read {path}: {err}") from None
        table.columns = [str(c).strip() for c in table.columns]
        tables.append(table)
    columns = list(tables[0].columns)
    for path, table in zip(files, tables):
        if set(table.columns) != set(columns):
            raise UserError(f"{path} has columns {list(table.columns)}, but {files[0]} has {columns}")
    logger.info("read %d file(s) from %s", len(files), folder)
    return pd.concat([t[columns] for t in tables], ignore_index=True)


# ---------------------------------------------------------------- main


def _settings(environ_vars: dict[str, str]) -> dict:
    settings = {
        "score": (environ_vars.get("SCORE_FIELD") or OPTIONAL_ENV_VARS["SCORE_FIELD"]).strip(),
        "output": (environ_vars.get("PERCENTILE_FIELD") or OPTIONAL_ENV_VARS["PERCENTILE_FIELD"]).strip(),
    }
    if settings["score"] == settings["output"]:
        raise UserError(f"PERCENTILE_FIELD {settings['output']!r} would overwrite the score column")
    raw = environ_vars.get("RESOLUTION") or OPTIONAL_ENV_VARS["RESOLUTION"]
    try:
        settings["resolution"] = int(raw)
    except ValueError:
        raise UserError(f"RESOLUTION must be int, got {raw!r}") from None
    if not MIN_RESOLUTION <= settings["resolution"] <= MAX_RESOLUTION:
        raise UserError(f"RESOLUTION must be between {MIN_RESOLUTION} and {MAX_RESOLUTION}, got {raw!r}")
    return settings


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    settings = _settings(environ_vars)
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")
    model_dir = input_paths.get("calibration_model")
    apply_mode = bool(model_dir) and os.path.isdir(model_dir)
    if job_type in APPLY_ONLY_JOB_TYPES and not apply_mode:
        raise UserError(f"job type {job_type} only applies a fitted percentile table: bind the calibration_model "
                        "input to a PercentileModelCalibration node's calibration output")

    data = read_csvs(input_paths["eval_data"])
    score_field, output = settings["score"], settings["output"]
    if score_field not in data.columns:
        raise UserError(f"score column {score_field!r} not found; columns are {list(data.columns)}")
    if not pd.api.types.is_numeric_dtype(data[score_field]) or data[score_field].isna().any():
        raise UserError(f"score column {score_field!r} must be numeric with no missing values")
    score = data[score_field].to_numpy(dtype=float)

    if apply_mode:
        table, source = load_table(model_dir)
        logger.info("applying the %d-row percentile table from %s", len(table), source)
    else:
        table, source = fit_table(score, settings["resolution"]), None
        logger.info("fitted a %d-row percentile table on %d scores", len(table), len(score))
    percentile = apply_table(table, score)

    if output in data.columns:
        logger.warning("replacing the existing column %r with the percentiles", output)
    out = data.copy()
    out[output] = percentile
    os.makedirs(output_paths["calibrated_data"], exist_ok=True)
    out.to_csv(os.path.join(output_paths["calibrated_data"], DATA_FILE), index=False)

    os.makedirs(output_paths["calibration"], exist_ok=True)
    table.to_csv(os.path.join(output_paths["calibration"], TABLE_FILE), index=False)  # repr: round-trips
    summary = {
        "mode": "apply" if apply_mode else "fit",
        "job_type": job_type,
        "score_field": score_field,
        "percentile_field": output,
        "resolution": None if apply_mode else settings["resolution"],
        "table_rows": int(len(table)),
        "source": source,
        "rows": int(len(data)),
        "score_range": [float(score.min()), float(score.max())],
        "percentile_quantiles": {f"p{q}": float(np.percentile(percentile, q)) for q in (10, 50, 90)},
    }
    with open(os.path.join(output_paths["calibration"], SUMMARY_FILE), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    return summary


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
    parser = argparse.ArgumentParser(description="plc PercentileModelCalibration step")
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
