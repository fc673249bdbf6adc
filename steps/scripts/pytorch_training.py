"""plc built-in step PyTorchTraining: train a small tabular MLP classifier.

Runs in the SageMaker PyTorch 2.1 training container in script mode. Reads the
train/ and val/ CSVs written by TabularPreprocessing, standardises the
features (missing values become the train mean), trains a multi-layer
perceptron with cross-entropy and Adam, and writes:
  model dir   model.pt (the state_dict), feature_columns.json and
              model_config.json (architecture, feature scaling, the resolved
              hyperparameters): everything build_model() needs to load it;
              and code/, the serving script pytorch_inference.py with what it
              imports, where the PyTorch inference container reads it
              (SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/model/code; PyTorchModel)
  output dir  metrics.json with the final validation metrics
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import math
import os
import shutil

import numpy as np
import pandas as pd
import torch
from torch import nn

from plc_step import (UserError, load_hyperparameters, required_hyperparameter, run_training_job,
                      warn_unknown_hyperparameters, write_json)
from plc_tables import read_training_splits, training_features
from plc_torch import build_model, scale_rows

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"training_data": "/opt/ml/input/data/training_data"}
OUTPUT_PATHS = {"model": "/opt/ml/model", "metrics": "/opt/ml/output/data"}
HYPERPARAMETERS_PATH = "/opt/ml/input/config/hyperparameters.json"
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {}
CLI_ARGS = {}
REQUIRED_HYPERPARAMETERS = ["label_field"]
OPTIONAL_HYPERPARAMETERS = {
    "hidden_sizes": "64,32",  # comma-separated widths of the hidden layers; empty for none
    "epochs": 20,
    "learning_rate": 0.001,
    "batch_size": 32,
    "dropout": 0.0,
    "random_seed": 42,
}

MODEL_FILE = "model.pt"
# The serving code packaged under code/ in the model: the entry point and the modules it imports.
SERVING_CODE = ["pytorch_inference.py", "plc_media.py", "plc_torch.py", "plc_step.py"]
CONFIG_FILE = "model_config.json"
MAX_LAYER_WIDTH = 65536

logger = logging.getLogger("pytorch_training")


def _number(hp: dict, key: str, kind: type, rule: str, ok):
    """hp[key] (or its default) as `kind`, which must satisfy ok(); rule says how, for the error."""
    value = hp.get(key, OPTIONAL_HYPERPARAMETERS[key])
    try:
        if isinstance(value, bool):
            raise ValueError
        number = kind(value)
        if number != float(value) or not math.isfinite(number) or not ok(number):  # rejects 2.5 for an int
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise UserError(f"hyperparameter {key!r} must be {kind.__name__} {rule}, got {value!r}") from None
    return number


def _hidden_sizes(hp: dict) -> list[int]:
    """'64,32', 64, [64, 32] or '' (no hidden layer)."""
    value = hp.get("hidden_sizes", OPTIONAL_HYPERPARAMETERS["hidden_sizes"])
    items = value if isinstance(value, list) else [value] if isinstance(value, int) else str(value).split(",")
    sizes = []
    for item in items:
        text = str(item).strip()
        if not text and not isinstance(value, list):
            continue
        if isinstance(item, bool) or not text.isdigit() or not 1 <= int(text) <= MAX_LAYER_WIDTH:
            raise UserError(f"hyperparameter 'hidden_sizes' must be comma-separated layer widths from 1 to "
                            f"{MAX_LAYER_WIDTH} (e.g. 64,32), got {value!r}")
        sizes.append(int(text))
    return sizes


def _features(train: pd.DataFrame, val: pd.DataFrame, label: str) -> list[str]:
    features = training_features(train, val, label)
    if not features:
        raise UserError("the data has no feature columns besides the label")
    return features


def _labels(series: pd.Series, name: str) -> np.ndarray:
    if series.isna().any() or not pd.api.types.is_numeric_dtype(series) or (series < 0).any() or (series % 1 != 0).any():
        raise UserError(f"{name} label must be integer class codes 0..k-1 with no missing values "
                        "(run TabularPreprocessing first)")
    return series.to_numpy(dtype=np.int64)


def _scale(frame: pd.DataFrame, config: dict) -> torch.Tensor:
    return scale_rows(frame[config["feature_columns"]].to_numpy(dtype=np.float64), config)


def _auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """ROC AUC by the rank-sum formula, ties averaged (as sklearn's roc_auc_score)."""
    ranks = pd.Series(scores).rank(method="average").to_numpy()
    positives = labels == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> dict:
    model.eval()
    with torch.no_grad():
        logits = model(x)
        loss = nn.functional.cross_entropy(logits, y).item()
        probabilities = torch.softmax(logits, dim=1).cpu().numpy()
    labels = y.cpu().numpy()
    metrics = {"loss": float(loss), "accuracy": float((probabilities.argmax(axis=1) == labels).mean())}
    if probabilities.shape[1] == 2 and 0 < labels.sum() < len(labels):  # AUC needs both classes present
        metrics["auc"] = _auc(labels, probabilities[:, 1])
    return metrics


def _package_serving_code(code_dir: str) -> None:
    """The serving script beside this one, copied into the model (the repack SageMaker's SDK runs as a job)."""
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(code_dir, exist_ok=True)
    for name in SERVING_CODE:
        shutil.copyfile(os.path.join(here, name), os.path.join(code_dir, name))


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
    resolved = {
        "label_field": label,
        "hidden_sizes": _hidden_sizes(hp),
        "epochs": _number(hp, "epochs", int, ">= 1", lambda v: v >= 1),
        "learning_rate": _number(hp, "learning_rate", float, "> 0", lambda v: v > 0),
        "batch_size": _number(hp, "batch_size", int, ">= 1", lambda v: v >= 1),
        "dropout": _number(hp, "dropout", float, "in [0, 1)", lambda v: 0 <= v < 1),
        "random_seed": _number(hp, "random_seed", int, "in [0, 2**32)", lambda v: 0 <= v < 2**32),
    }
    warn_unknown_hyperparameters(hp, REQUIRED_HYPERPARAMETERS, OPTIONAL_HYPERPARAMETERS, logger)

    train, val = read_training_splits(input_paths["training_data"])
    features = _features(train, val, label)
    y_train, y_val = _labels(train[label], "train"), _labels(val[label], "val")
    num_classes = int(max(y_train.max(), y_val.max())) + 1
    if num_classes < 2:
        raise UserError("the label has a single class; a classifier needs at least two")

    numbers = train[features].astype(np.float64)
    means = numbers.mean().fillna(0.0).to_numpy()  # skips missing values; an all-missing column gets 0
    scales = numbers.std(ddof=0).fillna(0.0).to_numpy()
    scales[scales == 0] = 1.0  # constant columns: leave them centred, do not divide by zero
    config = {
        "architecture": "mlp",
        "input_size": len(features),
        "hidden_sizes": resolved["hidden_sizes"],
        "num_classes": num_classes,
        "dropout": resolved["dropout"],
        "feature_columns": features,
        "feature_means": [float(m) for m in means],
        "feature_scales": [float(s) for s in scales],
        "label_field": label,
        "hyperparameters": resolved,
        "torch_version": torch.__version__,
    }
    logger.info("training on %d rows, validating on %d, %d features, %d classes; %s",
                len(train), len(val), len(features), num_classes, resolved)

    torch.manual_seed(resolved["random_seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model(config).to(device)
    x_train, x_val = _scale(train, config).to(device), _scale(val, config).to(device)
    t_train = torch.tensor(y_train, device=device)
    t_val = torch.tensor(y_val, device=device)
    optimizer = torch.optim.Adam(model.parameters(), lr=resolved["learning_rate"])
    order = torch.Generator().manual_seed(resolved["random_seed"])
    batch = resolved["batch_size"]
    for epoch in range(1, resolved["epochs"] + 1):
        model.train()
        total = 0.0
        permutation = torch.randperm(len(x_train), generator=order)  # on the CPU: same order on any device
        for start in range(0, len(x_train), batch):
            index = permutation[start:start + batch].to(device)
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x_train[index]), t_train[index])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(index)
        if epoch == 1 or epoch == resolved["epochs"] or epoch % 10 == 0:
            logger.info("epoch %d: train loss %.4f; validation %s", epoch, total / len(x_train),
                        evaluate(model, x_val, t_val))
    # No early stopping, so the final epoch's values describe the saved model.
    metrics = {"validation": evaluate(model, x_val, t_val)}

    model_dir = output_paths["model"]
    os.makedirs(model_dir, exist_ok=True)
    torch.save({k: v.cpu() for k, v in model.state_dict().items()}, os.path.join(model_dir, MODEL_FILE))
    write_json(os.path.join(model_dir, "feature_columns.json"), features)
    write_json(os.path.join(model_dir, CONFIG_FILE), config)
    _package_serving_code(os.path.join(model_dir, "code"))
    write_json(os.path.join(output_paths["metrics"], "metrics.json"), metrics)
    logger.info("validation metrics: %s", metrics["validation"])

    return {"rows": {"train": len(train), "val": len(val)}, "features": len(features), "classes": num_classes,
            "hyperparameters": resolved, "metrics": metrics}


if __name__ == "__main__":
    run_training_job("PyTorchTraining", main, logger, INPUT_PATHS, OUTPUT_PATHS, HYPERPARAMETERS_PATH,
                     REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS)
