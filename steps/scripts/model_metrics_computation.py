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
import json
import logging
import math
import os
import re
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score, roc_curve)

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"eval_output": "/opt/ml/processing/input/eval_output"}
OUTPUT_PATHS = {"metrics": "/opt/ml/processing/output/metrics"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {"SCORE_FIELD": "", "THRESHOLD": "0.5", "NUM_BINS": "10"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
CSV_SUFFIXES = (".csv", ".csv.gz")
METRICS_FILE = "metrics.json"
PROB_COLUMN = re.compile(r"^prob_class_(\d+)$")
QUANTILES = (0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)

logger = logging.getLogger("model_metrics_computation")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---------------------------------------------------------------- settings and data


def _number(environ_vars: dict[str, str], name: str, kind: type, low: float, high: float):
    """An optional env var parsed as `kind`, within [low, high]; empty counts as unset."""
    raw = environ_vars.get(name) or OPTIONAL_ENV_VARS[name]
    try:
        value = kind(raw)
    except ValueError:
        raise UserError(f"{name} must be {kind.__name__}, got {raw!r}") from None
    if not low <= value <= high:
        raise UserError(f"{name} must be between {low} and {high}, got {raw!r}")
    return value


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


def _or_none(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def _log_loss(y_onehot: np.ndarray, proba: np.ndarray) -> float:
    return float(-np.mean(np.sum(y_onehot * np.log(np.clip(proba, 1e-15, 1.0)), axis=1)))


def binary_metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    predicted = (score >= threshold).astype(int)
    both = len(np.unique(y)) == 2
    if not both:
        logger.warning("the labelled rows hold a single class; auc, average_precision and ks are undefined (null)")
    metrics = {
        "auc": _or_none(roc_auc_score(y, score)) if both else None,
        "average_precision": _or_none(average_precision_score(y, score)) if both else None,
        "f1": float(f1_score(y, predicted, zero_division=0)),
        "precision": float(precision_score(y, predicted, zero_division=0)),
        "recall": float(recall_score(y, predicted, zero_division=0)),
        "accuracy": float(np.mean(predicted == y)),
        "threshold": threshold,
        "ks": None,
        "best_f1": None,
        "best_f1_threshold": None,
        "positive_rate": float(np.mean(y)),
        "rows": int(len(y)),
    }
    if 0 <= score.min() and score.max() <= 1:  # probabilities: the likelihood-based scores apply
        metrics["log_loss"] = _log_loss(np.column_stack([1 - y, y]), np.column_stack([1 - score, score]))
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


def multiclass_metrics(y: np.ndarray, proba: np.ndarray) -> tuple[dict, dict]:
    """Macro averages over the classes that can be scored one-vs-rest, and per-class values."""
    classes = proba.shape[1]
    per_class = {}
    for k in range(classes):
        is_k = (y == k).astype(int)
        defined = 0 < is_k.sum() < len(y)
        per_class[str(k)] = {
            "rows": int(is_k.sum()),
            "auc": _or_none(roc_auc_score(is_k, proba[:, k])) if defined else None,
            "average_precision": _or_none(average_precision_score(is_k, proba[:, k])) if defined else None,
        }
    aucs = [v["auc"] for v in per_class.values() if v["auc"] is not None]
    aps = [v["average_precision"] for v in per_class.values() if v["average_precision"] is not None]
    if len(aucs) < classes:
        logger.warning("only %d of %d classes can be scored one-vs-rest; macro auc averages those", len(aucs), classes)
    predicted = proba.argmax(axis=1)
    metrics = {
        "auc": float(np.mean(aucs)) if aucs else None,
        "average_precision": float(np.mean(aps)) if aps else None,
        "f1": float(f1_score(y, predicted, labels=list(range(classes)), average="macro", zero_division=0)),
        "accuracy": float(np.mean(predicted == y)),
        "log_loss": _log_loss(np.eye(classes)[y], proba),
        "rows": int(len(y)),
    }
    return metrics, per_class


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
    label = (environ_vars.get("LABEL_FIELD") or "").strip()
    if not label:
        raise UserError("environment variable LABEL_FIELD is required (the name of the label column)")
    score_field = (environ_vars.get("SCORE_FIELD") or OPTIONAL_ENV_VARS["SCORE_FIELD"]).strip()
    threshold = _number(environ_vars, "THRESHOLD", float, 0.0, 1.0)
    num_bins = _number(environ_vars, "NUM_BINS", int, 1, 1000)
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    data = read_csvs(input_paths["eval_output"])
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
        report["metrics"], report["per_class"] = multiclass_metrics(y, scores)
        # The top class's probability (how confident the model is) and how often that class is right.
        correct = (scores.argmax(axis=1) == y).astype(int)
        report["score_distribution"] = score_distribution(scores.max(axis=1), correct, "accuracy", num_bins)
    os.makedirs(output_paths["metrics"], exist_ok=True)
    with open(os.path.join(output_paths["metrics"], METRICS_FILE), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
    logger.info("metrics: %s", report["metrics"])
    return report


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
    parser = argparse.ArgumentParser(description="plc ModelMetricsComputation step")
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
