"""plc's serving script for XGBoostTraining's models: the SageMaker inference-toolkit contract
(model_fn, input_fn, predict_fn, output_fn), as the XGBoost serving container calls it.

Ships with plc_xgboost.py, plc_tables.py, plc_archives.py, plc_media.py, plc_step.py and plc_calibration.py.
A request is raw rows, features in the model's order (feature_columns.json), exactly as the
Payload step's samples: the packaged preprocessing is applied here, so text categories are
encoded with the model's categories.json, and a packaged calibration/calibration_model.json
(ModelCalibration's, as Package puts it) maps the scores.

  text/csv          one row per line, no header; an empty field is a missing value
  application/json  a list of records [{"<feature>": value, ...}] or one record
Responses (text/csv or application/json): per row the positive-class probability of a binary
model (calibrated when a calibration is packaged), or every class's probability otherwise.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import csv
import io
import json
import logging
import os
import tempfile

import numpy as np
import pandas as pd

from plc_calibration import apply_calibration
from plc_media import media_type, render_predictions
from plc_step import UserError, find_named, read_json
from plc_xgboost import load_model, predict_proba

CALIBRATION_FILE = "calibration_model.json"

logger = logging.getLogger("xgboost_inference")


def model_fn(model_dir: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="model-") as work_dir:
        model = load_model(model_dir, work_dir, logger)
    found = find_named(os.path.join(model_dir, "calibration"), CALIBRATION_FILE)
    model["calibration"] = read_json(found[0]) if found else None
    if model["calibration"] is not None and model["classes"] != 2:
        raise UserError("a calibration is packaged, but the model is not binary")
    return model


def _typed(column: pd.Series, categorical: bool) -> pd.Series:
    """A feature as training saw it: text for a category, numbers otherwise (empty is missing)."""
    column = column.replace("", np.nan)
    return column if categorical else pd.to_numeric(column, errors="raise")


def input_fn(body, content_type: str) -> pd.DataFrame:
    """The rows of a request, as text; predict_fn names and types them by the model."""
    text = body.decode("utf-8") if isinstance(body, (bytes, bytearray)) else str(body)
    content_type = media_type(content_type)
    if content_type == "text/csv":
        rows = [row for row in csv.reader(io.StringIO(text)) if row]
        return pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
    if content_type == "application/json":
        records = json.loads(text)
        return pd.DataFrame(records if isinstance(records, list) else [records])
    raise UserError(f"content type {content_type!r} is not supported; send text/csv or application/json")


def _with_features(data: pd.DataFrame, model: dict) -> pd.DataFrame:
    features = model["features"]
    if all(isinstance(c, int) for c in data.columns):  # CSV: position is the feature
        if data.shape[1] != len(features):
            raise UserError(f"a row has {data.shape[1]} fields; the model takes {len(features)}: {features}")
        data = data.set_axis(features, axis=1)
    missing = [f for f in features if f not in data.columns]
    if missing:
        raise UserError(f"the request lacks features {missing}")
    try:
        return pd.DataFrame({f: _typed(data[f], f in model["categories"]) for f in features})
    except ValueError as err:
        raise UserError(f"a numeric feature has a non-numeric value: {err}") from None


def predict_fn(data: pd.DataFrame, model: dict) -> np.ndarray:
    proba = predict_proba(model, _with_features(data, model))
    if model["classes"] != 2:
        return proba
    positive = proba[:, 1]
    return apply_calibration(model["calibration"], positive) if model["calibration"] else positive


def output_fn(prediction: np.ndarray, accept: str) -> str:
    return render_predictions(prediction, accept)
