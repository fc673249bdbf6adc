"""plc built-in step XGBoostModelEval: score a labelled split with a trained XGBoost model.

Runs in the SageMaker XGBoost 1.7-1 processing container. Loads the model written
by XGBoostTraining (xgboost_model.bst, feature_columns.json, hyperparameters.json;
a model.tar.gz is extracted first), scores every CSV (.csv, .csv.gz) of the split
and writes:
  eval_output -> eval_predictions.csv: [id,] label, prob_class_0 .. prob_class_<k-1>
  metrics     -> metrics.json: {"metrics": {"auc", "average_precision", "f1", ...}, ...}
The split is read from <job_type>/ (or val/ for validation, test/ for training and
testing, as TabularPreprocessing's training output names them) when such a
sub-folder exists, else from the whole input folder.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import os
import tempfile

import numpy as np
import pandas as pd

import plc_metrics
from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import find_split_folder, read_csvs
from plc_xgboost import load_model, predict_proba

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"model": "/opt/ml/processing/input/model", "eval_data": "/opt/ml/processing/input/eval_data"}
OUTPUT_PATHS = {"eval_output": "/opt/ml/processing/output/eval", "metrics": "/opt/ml/processing/output/metrics"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {"ID_FIELD": "", "THRESHOLD": "0.5"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
PREDICTIONS_FILE = "eval_predictions.csv"
METRICS_FILE = "metrics.json"
PROB_PREFIX = "prob_class_"

logger = logging.getLogger("xgboost_model_eval")


# ---------------------------------------------------------------- data


def labels_for_metrics(label: pd.Series, classes: int) -> pd.Series:
    """The integer labels of the rows that have one; errors on values the model cannot predict."""
    present = pd.to_numeric(label, errors="coerce")
    bad = label.notna() & present.isna()
    if bad.any():
        raise UserError(f"label {label.name!r} must be numeric class codes 0..{classes - 1} "
                        f"(run TabularPreprocessing first); got {label[bad].iloc[0]!r}")
    present = present.dropna()
    if len(present) < len(label):
        logger.warning("%d row(s) without a label are scored but left out of the metrics", len(label) - len(present))
    if ((present % 1 != 0) | (present < 0) | (present >= classes)).any():
        raise UserError(f"label {label.name!r} has values outside the model's classes 0..{classes - 1}")
    return present.astype(int)


# ---------------------------------------------------------------- metrics


def binary_metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    if len(np.unique(y)) != 2:
        logger.warning("the labelled rows hold a single class; auc and average_precision are undefined (null)")
    return {
        **plc_metrics.binary_metrics(y, score, threshold),
        "log_loss": plc_metrics.log_loss(np.column_stack([1 - y, y]), np.column_stack([1 - score, score])),
        "brier_score": float(np.mean((score - y) ** 2)),
        "threshold": threshold,
        "positive_rate": float(np.mean(y)),
        "rows": int(len(y)),
    }


# ---------------------------------------------------------------- main


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    label = env.required("LABEL_FIELD", "the name of the label column")
    id_field = env.text("ID_FIELD")
    if id_field == label:
        raise UserError(f"ID_FIELD and LABEL_FIELD are both {label!r}")
    threshold = env.number("THRESHOLD", float, 0, 1)
    job_type = checked_job_type(job_args, JOB_TYPES)

    with tempfile.TemporaryDirectory(prefix="model-") as work_dir:
        model = load_model(input_paths["model"], work_dir, logger)
    trained_label = model["hyperparameters"].get("label_field")
    if trained_label and trained_label != label:
        logger.warning("the model was trained with label %r; evaluating against %r", trained_label, label)

    folder = find_split_folder(input_paths["eval_data"], job_type)
    data = read_csvs(folder, logger)
    for name, column in (("label", label), ("id", id_field)):
        if column and column not in data.columns:
            raise UserError(f"{name} column {column!r} not found; columns are {list(data.columns)}")

    proba = predict_proba(model, data)
    classes = proba.shape[1]
    out = pd.DataFrame(index=data.index)
    if id_field:
        out[id_field] = data[id_field]
    out[label] = data[label]
    for k in range(classes):
        out[f"{PROB_PREFIX}{k}"] = proba[:, k]
    eval_dir = output_paths["eval_output"]
    os.makedirs(eval_dir, exist_ok=True)
    out.to_csv(os.path.join(eval_dir, PREDICTIONS_FILE), index=False)
    logger.info("wrote %d predictions to %s", len(out), os.path.join(eval_dir, PREDICTIONS_FILE))

    y = labels_for_metrics(data[label], classes)
    if y.empty:
        raise UserError(f"no row has a {label!r} value; cannot compute metrics")
    scored = proba[y.index.to_numpy()]
    report = {"job_type": job_type, "objective": model["objective"], "classes": classes,
              "rows": {"scored": int(len(data)), "labelled": int(len(y))}}
    if classes == 2:
        report["metrics"] = binary_metrics(y.to_numpy(), scored[:, 1], threshold)
    else:
        report["metrics"], report["per_class"] = plc_metrics.multiclass_metrics(y.to_numpy(), scored, logger)
    report = {"metrics": report.pop("metrics"), **report}
    write_json(os.path.join(output_paths["metrics"], METRICS_FILE), report)
    logger.info("metrics: %s", report["metrics"])
    return report


if __name__ == "__main__":
    run_processing_job("XGBoostModelEval", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
