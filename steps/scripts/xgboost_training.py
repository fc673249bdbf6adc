"""plc built-in step XGBoostTraining: train a gradient-boosted tree classifier.

Runs in the SageMaker XGBoost 1.7-1 container in script mode. Reads the
train/ and val/ CSVs written by TabularPreprocessing (or a step that keeps its
layout), encodes text feature columns as category codes, trains with
xgboost.train, and writes the model (xgboost_model.bst, feature_columns.json,
categories.json, input_example.json, hyperparameters.json) plus the validation
metrics (metrics.json). The features are feature_columns when given, else every
column but the label and id_field.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import os

import pandas as pd
import xgboost as xgb

from plc_step import (UserError, load_hyperparameters, required_hyperparameter, run_training_job,
                      warn_unknown_hyperparameters, write_json)
from plc_tables import (CATEGORIES_FORMAT, encode_categories, fit_categories, read_training_splits,
                        training_features, typical_row)

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"training_data": "/opt/ml/input/data/training_data"}
OUTPUT_PATHS = {"model": "/opt/ml/model", "metrics": "/opt/ml/output/data"}
HYPERPARAMETERS_PATH = "/opt/ml/input/config/hyperparameters.json"
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {}
CLI_ARGS = {}
REQUIRED_HYPERPARAMETERS = ["label_field"]
# None means "chosen from the label": objective binary:logistic for <= 2 classes,
# else multi:softprob; eval_metric auc for binary:*, mlogloss for multi:*.
OPTIONAL_HYPERPARAMETERS = {"id_field": "", "feature_columns": "", "num_round": 100, "max_depth": 6, "eta": 0.3, "objective": None, "eval_metric": None}

MODEL_FILE = "xgboost_model.bst"

logger = logging.getLogger("xgboost_training")


def _number(hp: dict, key: str, kind: type, minimum: float):
    value = hp.get(key, OPTIONAL_HYPERPARAMETERS[key])
    try:
        number = kind(value)
        if number != float(value) or number < minimum:  # rejects 2.5 for an int, and out-of-range
            raise ValueError
    except (TypeError, ValueError):
        raise UserError(f"hyperparameter {key!r} must be {kind.__name__} >= {minimum}, got {value!r}") from None
    return number


def _features(train: pd.DataFrame, val: pd.DataFrame, label: str, id_field: str, selected: list[str]) -> list[str]:
    features = training_features(train, val, label, exclude=(id_field,) if id_field else (), selected=selected,
                                 text_ok=True)
    bad_names = [c for c in features if any(ch in c for ch in "[]<")]  # xgboost rejects them
    if bad_names:
        raise UserError(f"feature names may not contain [, ] or <: {bad_names}")
    return features


def _resolve_objective(hp: dict, labels: pd.Series) -> dict:
    """objective, eval_metric (list) and, for multi:*, num_class."""
    if labels.isna().any() or not pd.api.types.is_numeric_dtype(labels):
        raise UserError("label must be numeric with no missing values (run TabularPreprocessing first)")
    num_class = int(labels.max()) + 1
    objective = str(hp.get("objective") or ("multi:softprob" if num_class > 2 else "binary:logistic"))
    resolved = {"objective": objective}
    if objective.startswith(("binary:", "multi:")):
        if (labels < 0).any() or (labels % 1 != 0).any():
            raise UserError(f"objective {objective} needs labels coded 0..k-1")
        if objective.startswith("binary:") and num_class > 2:
            raise UserError(f"objective {objective} needs a 0/1 label, but it has values up to {num_class - 1}")
        if objective.startswith("multi:"):
            resolved["num_class"] = num_class
    metric = hp.get("eval_metric")
    if not metric:
        metric = {"binary": "auc", "multi": "mlogloss"}.get(objective.split(":")[0])
    if metric and not isinstance(metric, list):  # "auc" or "auc,logloss"
        metric = [m.strip() for m in str(metric).split(",") if m.strip()]
    if metric:  # otherwise xgboost uses the objective's own default metric
        resolved["eval_metric"] = [str(m) for m in metric]
    return resolved


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    """input_paths: training_data (folder with train/ and val/) and hyperparameters (the JSON file)."""
    # Validate hyperparameters before reading any data, so config errors fail fast.
    hp = load_hyperparameters(input_paths["hyperparameters"])
    label = required_hyperparameter(hp, "label_field", "the name of the label column")
    num_round = _number(hp, "num_round", int, 1)
    max_depth = _number(hp, "max_depth", int, 0)
    eta = _number(hp, "eta", float, 0)
    id_field = str(hp.get("id_field") or "").strip()
    selected = [c.strip() for c in str(hp.get("feature_columns") or "").split(",") if c.strip()]
    if id_field == label:
        raise UserError(f"id_field and label_field are both {label!r}")
    warn_unknown_hyperparameters(hp, REQUIRED_HYPERPARAMETERS, OPTIONAL_HYPERPARAMETERS, logger)

    train, val = read_training_splits(input_paths["training_data"])
    features = _features(train, val, label, id_field, selected)
    categories = fit_categories(train, features)
    if categories:
        logger.info("encoding text columns as category codes: %s", {c: len(v) for c, v in categories.items()})
    resolved = {"label_field": label, "id_field": id_field, "num_round": num_round, "max_depth": max_depth,
                "eta": eta}
    resolved.update(_resolve_objective(hp, pd.concat([train[label], val[label]])))
    logger.info("training on %d rows, validating on %d, %d features; %s",
                len(train), len(val), len(features), resolved)

    dtrain = xgb.DMatrix(encode_categories(train, features, categories), label=train[label])
    dval = xgb.DMatrix(encode_categories(val, features, categories), label=val[label])
    params = {k: v for k, v in resolved.items() if k not in ("label_field", "num_round")}
    history: dict = {}
    booster = xgb.train(params, dtrain, num_boost_round=num_round,
                        evals=[(dtrain, "train"), (dval, "validation")], evals_result=history)
    # No early stopping, so the final round's values describe the saved model.
    metrics = {"validation": {name: float(values[-1]) for name, values in history["validation"].items()}}

    model_dir = output_paths["model"]
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, MODEL_FILE))
    write_json(os.path.join(model_dir, "feature_columns.json"), features)
    # What serving needs to turn a raw row into the model's input, and a realistic sample of one.
    write_json(os.path.join(model_dir, "categories.json"), {"format": CATEGORIES_FORMAT, "columns": categories})
    write_json(os.path.join(model_dir, "input_example.json"), typical_row(train, features, categories))
    write_json(os.path.join(model_dir, "hyperparameters.json"), resolved)
    write_json(os.path.join(output_paths["metrics"], "metrics.json"), metrics)
    logger.info("validation metrics: %s", metrics["validation"])

    return {"rows": {"train": len(train), "val": len(val)}, "features": len(features), "categories": sorted(categories),
            "hyperparameters": resolved, "metrics": metrics}


if __name__ == "__main__":
    run_training_job("XGBoostTraining", main, logger, INPUT_PATHS, OUTPUT_PATHS, HYPERPARAMETERS_PATH,
                     REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS)
