"""plc built-in step FeatureSelection: keep the feature columns that score best.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input and writes each one,
with only the selected features, the label and KEEP_COLUMNS, to the same
relative path under `processed_data`, so the train/ val/ test/ (or
<job type>/) layout is kept.

  training job type  scores every numeric feature on the train/ files (all
                     files when there is no train/ folder), keeps those scoring
                     above SCORE_THRESHOLD, at most TOP_K of them, and writes
                     the list to selected_features/selected_features.json
  other job types    read selected_features.json from the `selected_features`
                     input and only apply it

Scores (METHOD): variance (of the feature), correlation (absolute Pearson
correlation with the label) or mutual_info (mutual information with the label;
missing values count as the feature's median). Non-numeric features are not
scored and are dropped, unless listed in KEEP_COLUMNS.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import math
import os

import pandas as pd
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import find_data_files, load_fitted, missing_value_tokens, read_fitting_data, read_table, write_table

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
# selected_features is an input for every job type but training, and an output for training.
INPUT_PATHS = {
    "data": "/opt/ml/processing/input/data",
    "selected_features": "/opt/ml/processing/input/artifacts",
}
OUTPUT_PATHS = {
    "processed_data": "/opt/ml/processing/output/data",
    "selected_features": "/opt/ml/processing/output/artifacts",
}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
# TOP_K empty: every feature scoring above SCORE_THRESHOLD.
OPTIONAL_ENV_VARS = {
    "METHOD": "mutual_info",
    "TOP_K": "",
    "SCORE_THRESHOLD": "0",
    "KEEP_COLUMNS": "",
    "RANDOM_SEED": "42",
    "MISSING_VALUES": "",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
METHODS = ("variance", "correlation", "mutual_info")
SELECTION_FILE = "selected_features.json"
SELECTION_FORMAT = "plc-feature-selection/1"

logger = logging.getLogger("feature_selection")


# ---- scoring, selecting, applying ----

def score(features: pd.DataFrame, target: pd.Series, method: str, seed: int) -> dict[str, float]:
    """A score per feature column; higher is better, 0 for a constant feature."""
    if method == "variance":
        scores = features.var(ddof=0)
    elif method == "correlation":
        scores = features.apply(lambda column: column.corr(target)).abs()
    else:
        filled = features.fillna(features.median()).fillna(0.0)
        discrete_target = bool((target % 1 == 0).all())
        estimator = mutual_info_classif if discrete_target else mutual_info_regression
        values = estimator(filled.to_numpy(), target.to_numpy(), random_state=seed)
        scores = pd.Series(values, index=features.columns)
    return {name: (0.0 if pd.isna(value) else float(value)) for name, value in scores.items()}


def select(train: pd.DataFrame, label: str, settings: dict) -> dict:
    train = train[train[label].notna()]
    if train.empty:
        raise UserError(f"no rows with a {label!r} value to score features on")
    target = pd.to_numeric(train[label], errors="coerce")
    if target.isna().any():
        raise UserError(f"label {label!r} must be numeric (run TabularPreprocessing first)")
    keep = settings["keep_columns"]
    missing = [c for c in keep if c not in train.columns]
    if missing:
        raise UserError(f"KEEP_COLUMNS names columns that are not in the data: {missing}")
    candidates = [c for c in train.columns if c != label and c not in keep]
    numeric = [c for c in candidates
               if pd.api.types.is_numeric_dtype(train[c]) and not pd.api.types.is_bool_dtype(train[c])]
    not_numeric = [c for c in candidates if c not in numeric]
    if not_numeric:
        logger.warning("non-numeric columns are not scored and are dropped: %s", not_numeric)
    if not numeric:
        raise UserError("no numeric feature columns to select from")
    scores = score(train[numeric].astype(float), target.astype(float), settings["method"], settings["seed"])
    ranked = sorted(numeric, key=lambda c: -scores[c])  # stable: ties keep the column order
    chosen = [c for c in ranked if scores[c] > settings["threshold"]][: settings["top_k"]]
    if not chosen:
        raise UserError(f"no feature scores above SCORE_THRESHOLD={settings['threshold']} with method "
                        f"{settings['method']}; best is {ranked[0]!r} with {scores[ranked[0]]:.6g}")
    selected = [c for c in numeric if c in chosen]  # in the data's column order
    return {"format": SELECTION_FORMAT, "label_field": label, "method": settings["method"],
            "top_k": settings["top_k"], "threshold": settings["threshold"], "selected_features": selected,
            "keep_columns": keep, "dropped_non_numeric": not_numeric, "scores": scores,
            "fit_rows": int(len(train))}


def apply(table: pd.DataFrame, selection: dict, name: str) -> pd.DataFrame:
    missing = [c for c in selection["selected_features"] if c not in table.columns]
    if missing:
        raise UserError(f"{name} lacks selected feature columns {missing}")
    wanted = set(selection["selected_features"]) | set(selection["keep_columns"]) | {selection["label_field"]}
    return table[[c for c in table.columns if c in wanted]]


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
    method = env.choice("METHOD", METHODS)
    settings = {
        "method": method,
        "top_k": env.number("TOP_K", int, 1, 2**31, blank_is_none=True),
        "threshold": env.number("SCORE_THRESHOLD", float, -math.inf, math.inf, blank_is_none=True) or 0.0,
        "keep_columns": env.columns("KEEP_COLUMNS"),
        "seed": env.number("RANDOM_SEED", int, 0, 2**32 - 1, blank_is_none=True),
    }
    if label in settings["keep_columns"]:
        raise UserError(f"KEEP_COLUMNS names the label column {label!r}, which is always kept")
    job_type = checked_job_type(job_args, JOB_TYPES)

    data_dir = input_paths["data"]
    files = find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    if job_type == "training":
        fit_files, train = read_fitting_data(data_dir, files, label, missing)
        selection = select(train, label, settings)
        selection["fit_files"] = fit_files
        logger.info("selected %d of %d scored feature(s) by %s: %s", len(selection["selected_features"]),
                    len(selection["scores"]), method, selection["selected_features"])
        write_json(os.path.join(output_paths["selected_features"], SELECTION_FILE), selection)
    else:
        selection = load_fitted(input_paths.get("selected_features"), SELECTION_FILE, SELECTION_FORMAT,
                                "selected features", "selected_features", "FeatureSelection",
                                lambda fitted: isinstance(fitted.get("selected_features"), list))
        logger.info("applying a selection of %d feature(s)", len(selection["selected_features"]))

    rows: dict[str, int] = {}
    for name in files:
        out = apply(read_table(os.path.join(data_dir, name), missing), selection, name)
        write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows, columns %s", name, len(out), list(out.columns))

    return {"job_type": job_type, "rows": rows, "selected_features": selection["selected_features"]}


if __name__ == "__main__":
    run_processing_job("FeatureSelection", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
