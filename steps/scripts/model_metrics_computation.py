"""plc built-in step ModelMetricsComputation: classification metrics from a predictions table.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every CSV
(.csv, .csv.gz) under the `eval_output` input (XGBoostModelEval's or
XGBoostModelInference's predictions: a label and prob_class_0 .. prob_class_<k-1>)
and writes metrics.json:
  {"metrics": {"auc", "average_precision", "f1", ...}, "score_distribution": {...}, ...}
With SCORE_FIELD set, that column is the positive-class score of a binary task;
unset, the prob_class_* columns decide: two mean binary (prob_class_1 is the
score), more mean multi-class (macro one-vs-rest AUC and average precision,
macro F1 of the arg-max class).
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import os
import re

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_curve, roc_curve

import plc_metrics
from plc_step import StepEnv, UserError, checked_job_type, run_processing_job, write_json
from plc_tables import read_csvs

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"eval_output": "/opt/ml/processing/input/eval_output"}
OUTPUT_PATHS = {"metrics": "/opt/ml/processing/output/metrics"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {"SCORE_FIELD": "", "THRESHOLD": "0.5", "NUM_BINS": "10"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
METRICS_FILE = "metrics.json"
PROB_COLUMN = re.compile(r"^prob_class_(\d+)$")
QUANTILES = (0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)

logger = logging.getLogger("model_metrics_computation")


# ---------------------------------------------------------------- data


def score_columns(data: pd.DataFrame, score_field: str) -> list[str]:
    """[score] for a binary task, prob_class_0 .. prob_class_<k-1> for a multi-class one."""
    if score_field:
        if score_field not in data.columns:
            raise UserError(f"score column {score_field!r} not found; columns are {list(data.columns)}")
        return [score_field]
    found = sorted((int(m.group(1)), c) for c in data.columns for m in [PROB_COLUMN.match(c)] if m)
    if not found:
        raise UserError(f"no prob_class_<k> columns in {list(data.columns)}; set scoreField")
    if [k for k, _ in found] != list(range(len(found))) or len(found) < 2:
        raise UserError(f"expected prob_class_0 .. prob_class_<k-1> (k >= 2), got {[c for _, c in found]}")
    return [c for _, c in found][1:] if len(found) == 2 else [c for _, c in found]


def labelled_rows(data: pd.DataFrame, label: str, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Integer labels and the score matrix of the rows that have a label."""
    classes = 2 if len(columns) == 1 else len(columns)
    for column in columns:
        if not pd.api.types.is_numeric_dtype(data[column]) or data[column].isna().any():
            raise UserError(f"score column {column!r} must be numeric with no missing values")
    values = pd.to_numeric(data[label], errors="coerce")
    bad = data[label].notna() & values.isna()
    if bad.any():
        raise UserError(f"label {label!r} must be numeric class codes 0..{classes - 1}; got {data[label][bad].iloc[0]!r}")
    keep = values.notna()
    if not keep.all():
        logger.warning("%d row(s) without a label are left out of the metrics", int((~keep).sum()))
    y = values[keep]
    if y.empty:
        raise UserError(f"no row has a {label!r} value")
    if ((y % 1 != 0) | (y < 0) | (y >= classes)).any():
        raise UserError(f"label {label!r} must hold class codes 0..{classes - 1}; got {sorted(y.unique())[:10]}")
    return y.astype(int).to_numpy(), data.loc[keep, columns].to_numpy(dtype=float)


# ---------------------------------------------------------------- metrics


def binary_metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    both = len(np.unique(y)) == 2
    if not both:
        logger.warning("the labelled rows hold a single class; auc, average_precision and ks are undefined (null)")
    metrics = {
        **plc_metrics.binary_metrics(y, score, threshold),
        "threshold": threshold,
        "ks": None,
        "best_f1": None,
        "best_f1_threshold": None,
        "positive_rate": float(np.mean(y)),
        "rows": int(len(y)),
    }
    if 0 <= score.min() and score.max() <= 1:  # probabilities: the likelihood-based scores apply
        metrics["log_loss"] = plc_metrics.log_loss(np.column_stack([1 - y, y]), np.column_stack([1 - score, score]))
        metrics["brier_score"] = float(np.mean((score - y) ** 2))
    if both:
        fpr, tpr, _ = roc_curve(y, score)
        metrics["ks"] = float(np.max(tpr - fpr))
        precision, recall, thresholds = precision_recall_curve(y, score)
        with np.errstate(divide="ignore", invalid="ignore"):
            f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)[:-1]
        best = int(np.argmax(f1))
        metrics["best_f1"] = float(f1[best])
        metrics["best_f1_threshold"] = float(thresholds[best])
    return metrics


def score_distribution(score: np.ndarray, hits: np.ndarray, hit_name: str, num_bins: int) -> dict:
    """Summary statistics, quantiles and an equal-width histogram with the mean of `hits` per bin."""
    low, high = float(score.min()), float(score.max())
    if 0 <= low and high <= 1:
        low, high = 0.0, 1.0  # probabilities: fixed bins, comparable between runs
    elif low == high:
        high = low + 1.0
    edges = np.linspace(low, high, num_bins + 1)
    index = np.clip(np.searchsorted(edges, score, side="right") - 1, 0, num_bins - 1)
    bins = []
    for b in range(num_bins):
        in_bin = index == b
        bins.append({"lower": float(edges[b]), "upper": float(edges[b + 1]), "count": int(in_bin.sum()),
                     hit_name: float(np.mean(hits[in_bin])) if in_bin.any() else None})
    return {
        "count": int(len(score)),
        "mean": float(np.mean(score)),
        "std": float(np.std(score)),
        "min": float(score.min()),
        "max": float(score.max()),
        "quantiles": {f"p{round(q * 100):02d}": float(np.quantile(score, q)) for q in QUANTILES},
        "histogram": bins,
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
    score_field = env.text("SCORE_FIELD")
    threshold = env.number("THRESHOLD", float, 0.0, 1.0, noun="float")
    num_bins = env.number("NUM_BINS", int, 1, 1000, noun="int")
    job_type = checked_job_type(job_args, JOB_TYPES)

    data = read_csvs(input_paths["eval_output"], logger)
    if label not in data.columns:
        raise UserError(f"label column {label!r} not found; columns are {list(data.columns)}")
    columns = score_columns(data, score_field)
    y, scores = labelled_rows(data, label, columns)

    report = {"metrics": {}, "job_type": job_type, "score_columns": columns,
              "rows": {"read": int(len(data)), "labelled": int(len(y))}}
    if len(columns) == 1:
        report["task"] = "binary"
        report["metrics"] = binary_metrics(y, scores[:, 0], threshold)
        report["score_distribution"] = score_distribution(scores[:, 0], y, "label_rate", num_bins)
    else:
        report["task"] = "multiclass"
        report["metrics"], report["per_class"] = plc_metrics.multiclass_metrics(y, scores, logger)
        # The top class's probability (how confident the model is) and how often that class is right.
        correct = (scores.argmax(axis=1) == y).astype(int)
        report["score_distribution"] = score_distribution(scores.max(axis=1), correct, "accuracy", num_bins)
    write_json(os.path.join(output_paths["metrics"], METRICS_FILE), report)
    logger.info("metrics: %s", report["metrics"])
    return report


if __name__ == "__main__":
    run_processing_job("ModelMetricsComputation", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
