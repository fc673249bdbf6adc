"""What PyTorchTraining's model is, shared by training and serving (pytorch_inference.py): the
network model_config.json describes and the preprocessing the training data got (missing values
become the train mean, then each feature is standardised). numpy and torch only, so it loads in the
PyTorch inference container, which need not have pandas."""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import numpy as np
import torch
from torch import nn


def build_model(config: dict) -> nn.Module:
    """The network model_config.json describes; load model.pt into it with load_state_dict."""
    layers: list[nn.Module] = []
    width = config["input_size"]
    for size in config["hidden_sizes"]:
        layers += [nn.Linear(width, size), nn.ReLU()]
        if config["dropout"] > 0:
            layers.append(nn.Dropout(config["dropout"]))
        width = size
    layers.append(nn.Linear(width, config["num_classes"]))
    return nn.Sequential(*layers)


def scale_rows(values: np.ndarray, config: dict) -> torch.Tensor:
    """Rows in model_config.json's feature order: missing (NaN) -> train mean, then (x - mean) / scale."""
    means = np.array(config["feature_means"])
    values = np.where(np.isnan(values), means, values)
    return torch.tensor((values - means) / np.array(config["feature_scales"]), dtype=torch.float32)
