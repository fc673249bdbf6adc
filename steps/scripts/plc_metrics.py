"""Classification metrics for plc's built-in evaluation step scripts.

Shipped next to a step's entry point through `script.include` in its step document. Imports
scikit-learn: include it only in steps whose image has it (the scikit-learn and XGBoost images).

  binary_metrics      AUC, average precision, and F1, precision, recall, accuracy at a threshold
  multiclass_metrics  macro one-vs-rest AUC and average precision, macro F1, accuracy, log loss
  log_loss, or_none   the pieces both use
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import logging
import math

import numpy as np
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score


def or_none(value) -> float | None:
    """value as a float, None when it is NaN or infinite (JSON has neither)."""
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def log_loss(y_onehot: np.ndarray, proba: np.ndarray) -> float:
    return float(-np.mean(np.sum(y_onehot * np.log(np.clip(proba, 1e-15, 1.0)), axis=1)))


def binary_metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    """auc and average_precision (None unless both classes are present), then f1, precision,
    recall and accuracy of predicting 1 where score >= threshold."""
    predicted = (score >= threshold).astype(int)
    both_classes = len(np.unique(y)) == 2
    return {
        "auc": or_none(roc_auc_score(y, score)) if both_classes else None,
        "average_precision": or_none(average_precision_score(y, score)) if both_classes else None,
        "f1": float(f1_score(y, predicted, zero_division=0)),
        "precision": float(precision_score(y, predicted, zero_division=0)),
        "recall": float(recall_score(y, predicted, zero_division=0)),
        "accuracy": float(np.mean(predicted == y)),
    }


def multiclass_metrics(y: np.ndarray, proba: np.ndarray, logger: logging.Logger) -> tuple[dict, dict]:
    """Macro averages over the classes that can be scored one-vs-rest, and per-class values."""
    classes = proba.shape[1]
    per_class = {}
    for k in range(classes):
        is_k = (y == k).astype(int)
        defined = 0 < is_k.sum() < len(y)
        per_class[str(k)] = {
            "rows": int(is_k.sum()),
            "auc": or_none(roc_auc_score(is_k, proba[:, k])) if defined else None,
            "average_precision": or_none(average_precision_score(is_k, proba[:, k])) if defined else None,
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
        "log_loss": log_loss(np.eye(classes)[y], proba),
        "rows": int(len(y)),
    }
    return metrics, per_class
