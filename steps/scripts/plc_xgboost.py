"""XGBoostTraining's model, loaded for scoring by plc's built-in step scripts.

Shipped next to a step's entry point through `script.include` in its step document, together
with plc_step.py, plc_archives.py and plc_tables.py, which it imports. Imports xgboost: include it only in
steps that run in the SageMaker XGBoost image.

  load_model      xgboost_model.bst, feature_columns.json, categories.json and
                  hyperparameters.json from a model folder or its model.tar.gz
  predict_proba   class probabilities of raw rows (text categories encoded as in training),
                  one column per class
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import json
import logging
import os

import numpy as np
import pandas as pd
import xgboost as xgb

from plc_archives import safe_extract
from plc_step import UserError, find_named, read_json
from plc_tables import CATEGORIES_FORMAT, check_features, encode_categories

MODEL_ARCHIVE = "model.tar.gz"
MODEL_FILE = "xgboost_model.bst"
FEATURES_FILE = "feature_columns.json"
HYPERPARAMETERS_FILE = "hyperparameters.json"
CATEGORIES_FILE = "categories.json"
SUPPORTED_OBJECTIVES = ("binary:logistic", "binary:logitraw", "multi:softprob", "multi:softmax")


def load_model(model_dir: str, work_dir: str, logger: logging.Logger) -> dict:
    """booster, features, objective, number of classes and hyperparameters of the model under model_dir.

    A model.tar.gz (what SageMaker copies in from a training step) is extracted into
    work_dir first; otherwise the folder is expected to hold the extracted files.
    """
    if not os.path.isdir(model_dir):
        raise UserError(f"model folder {model_dir} does not exist")
    archives = find_named(model_dir, MODEL_ARCHIVE)
    if len(archives) > 1:
        raise UserError(f"more than one {MODEL_ARCHIVE} under {model_dir}: {archives}")
    if archives:
        logger.info("extracting %s", archives[0])
        safe_extract(archives[0], work_dir, logger)
        model_dir = work_dir
    found = find_named(model_dir, MODEL_FILE)
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise UserError(f"{what} {MODEL_FILE} under the model input (expected XGBoostTraining's model)")
    folder = os.path.dirname(found[0])
    features_path = os.path.join(folder, FEATURES_FILE)
    if not os.path.isfile(features_path):
        raise UserError(f"{FEATURES_FILE} missing next to {MODEL_FILE}")
    features = read_json(features_path)
    if not isinstance(features, list) or not features or not all(isinstance(f, str) for f in features):
        raise UserError(f"{FEATURES_FILE} must be a non-empty list of column names")
    hp_path = os.path.join(folder, HYPERPARAMETERS_FILE)
    hyperparameters = read_json(hp_path) if os.path.isfile(hp_path) else {}
    if not isinstance(hyperparameters, dict):
        raise UserError(f"{HYPERPARAMETERS_FILE} must be a JSON object")
    categories = _categories(os.path.join(folder, CATEGORIES_FILE), features)

    try:
        booster = xgb.Booster(model_file=found[0])
        learner = json.loads(booster.save_config())["learner"]
        objective = learner["objective"]["name"]
        num_class = int(learner["learner_model_param"].get("num_class", "0"))
    except (xgb.core.XGBoostError, KeyError, ValueError) as err:
        raise UserError(f"cannot load {MODEL_FILE}: {err}") from None
    if objective not in SUPPORTED_OBJECTIVES:
        raise UserError(f"objective {objective} is not supported; expected one of {list(SUPPORTED_OBJECTIVES)}")
    classes = num_class if objective.startswith("multi:") else 2
    logger.info("model: objective %s, %d classes, %d features", objective, classes, len(features))
    return {"booster": booster, "features": features, "categories": categories, "objective": objective,
            "classes": classes, "hyperparameters": hyperparameters}


def _categories(path: str, features: list[str]) -> dict[str, list[str]]:
    """The category codes of categories.json; a model trained before it existed has none."""
    if not os.path.isfile(path):
        return {}
    found = read_json(path)
    columns = found.get("columns") if isinstance(found, dict) and found.get("format") == CATEGORIES_FORMAT else None
    if not isinstance(columns, dict) or not all(
            c in features and isinstance(v, list) and all(isinstance(x, str) for x in v) for c, v in columns.items()):
        raise UserError(f"{CATEGORIES_FILE} is not a {CATEGORIES_FORMAT} file naming feature columns")
    return columns


def predict_proba(model: dict, data: pd.DataFrame) -> np.ndarray:
    """Class probabilities, one column per class (two for binary models)."""
    check_features(data, model["features"], model["categories"])
    dmatrix = xgb.DMatrix(encode_categories(data, model["features"], model["categories"]))
    objective = model["objective"]
    if objective.startswith("multi:"):
        # multi:softmax predicts class indices; the margins give the probabilities for both.
        margin = model["booster"].predict(dmatrix, output_margin=True).reshape(len(data), model["classes"])
        margin = margin - margin.max(axis=1, keepdims=True)
        expo = np.exp(margin)
        return expo / expo.sum(axis=1, keepdims=True)
    positive = model["booster"].predict(dmatrix)
    if objective == "binary:logitraw":
        positive = 1.0 / (1.0 + np.exp(-positive))
    return np.column_stack([1.0 - positive, positive])
