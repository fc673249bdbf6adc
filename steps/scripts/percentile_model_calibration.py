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
import logging
import os

import numpy as np
import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, find_named, run_processing_job, write_json
from plc_tables import read_csvs, write_with_column

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

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
APPLY_ONLY_JOB_TYPES = ("testing",)  # never fit on the data the model is judged on
TABLE_FILE = "percentile_table.csv"
SUMMARY_FILE = "percentile_summary.json"
DATA_FILE = "calibrated_data.csv"
MIN_RESOLUTION, MAX_RESOLUTION = 2, 100000

logger = logging.getLogger("percentile_model_calibration")


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
    found = find_named(folder, TABLE_FILE)
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


# ---------------------------------------------------------------- main


def _settings(environ_vars: dict[str, str]) -> dict:
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    settings = {"score": env.text("SCORE_FIELD"), "output": env.text("PERCENTILE_FIELD")}
    if settings["score"] == settings["output"]:
        raise UserError(f"PERCENTILE_FIELD {settings['output']!r} would overwrite the score column")
    settings["resolution"] = env.number("RESOLUTION", int, MIN_RESOLUTION, MAX_RESOLUTION, noun="int")
    return settings


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    settings = _settings(environ_vars)
    job_type = checked_job_type(job_args, JOB_TYPES)
    model_dir = input_paths.get("calibration_model")
    apply_mode = bool(model_dir) and os.path.isdir(model_dir)
    if job_type in APPLY_ONLY_JOB_TYPES and not apply_mode:
        raise UserError(f"job type {job_type} only applies a fitted percentile table: bind the calibration_model "
                        "input to a PercentileModelCalibration node's calibration output")

    data = read_csvs(input_paths["eval_data"], logger)
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

    write_with_column(data, output, percentile, output_paths["calibrated_data"], DATA_FILE, "percentiles",
                      logger)

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
    write_json(os.path.join(output_paths["calibration"], SUMMARY_FILE), summary)
    return summary


if __name__ == "__main__":
    run_processing_job("PercentileModelCalibration", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
