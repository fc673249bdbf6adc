"""plc's serving script for PyTorchTraining's models: the SageMaker PyTorch inference toolkit's
contract (model_fn, input_fn, predict_fn, output_fn), as the PyTorch serving container calls it.

PyTorchTraining packages it under code/ in the model with plc_media.py, plc_torch.py and plc_step.py, and
PyTorchModel names it (SAGEMAKER_PROGRAM, SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/model/code). A
request is raw rows, features in the model's order (feature_columns.json), exactly as the Payload
step's samples: the preprocessing the training data got is applied here (a missing value becomes
the train mean, then each feature is standardised with the train mean and scale in
model_config.json).

  text/csv          one row per line, no header; an empty field is a missing value
  application/json  a list of records [{"<feature>": value, ...}] or one record
Responses (text/csv or application/json): per row the positive-class probability of a binary
model, or every class's probability otherwise.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import csv
import io
import json
import math
import os

import numpy as np
import torch

from plc_media import media_type, render_predictions
from plc_step import UserError, read_json
from plc_torch import build_model, scale_rows

MODEL_FILE = "model.pt"
CONFIG_FILE = "model_config.json"


def model_fn(model_dir: str) -> dict:
    config = read_json(os.path.join(model_dir, CONFIG_FILE))
    network = build_model(config)
    network.load_state_dict(torch.load(os.path.join(model_dir, MODEL_FILE), map_location="cpu"))
    network.eval()
    return {"network": network, "config": config}


def _number(value, feature: str) -> float:
    if value is None or value == "":
        return math.nan
    if isinstance(value, bool):
        raise UserError(f"feature {feature!r} is numeric, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise UserError(f"feature {feature!r} is numeric, got {value!r}") from None


def input_fn(body, content_type: str) -> list:
    """The rows of a request: lists of fields (CSV, in model order) or records (JSON)."""
    text = body.decode("utf-8") if isinstance(body, (bytes, bytearray)) else str(body)
    content_type = media_type(content_type)
    if content_type == "text/csv":
        return [row for row in csv.reader(io.StringIO(text)) if row]
    if content_type == "application/json":
        records = json.loads(text)
        return records if isinstance(records, list) else [records]
    raise UserError(f"content type {content_type!r} is not supported; send text/csv or application/json")


def _matrix(rows: list, features: list[str]) -> np.ndarray:
    matrix = np.empty((len(rows), len(features)), dtype=np.float64)
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            missing = [f for f in features if f not in row]
            if missing:
                raise UserError(f"record {i + 1} lacks features {missing}")
            row = [row[f] for f in features]
        elif len(row) != len(features):
            raise UserError(f"row {i + 1} has {len(row)} fields; the model takes {len(features)}: {features}")
        matrix[i] = [_number(value, feature) for value, feature in zip(row, features)]
    return matrix


def predict_fn(rows: list, model: dict) -> np.ndarray:
    config = model["config"]
    inputs = scale_rows(_matrix(rows, config["feature_columns"]), config)
    with torch.no_grad():
        proba = torch.softmax(model["network"](inputs), dim=1).numpy()
    return proba[:, 1] if config["num_classes"] == 2 else proba


def output_fn(prediction: np.ndarray, accept: str) -> str:
    return render_predictions(prediction, accept)
