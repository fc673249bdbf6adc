"""ModelCalibration's calibration maps, applied: by the calibration step itself and by serving.

Shipped next to a step's entry point through `script.include` (and packaged with a model's
inference code), needing numpy only, so the XGBoost serving image can apply a packaged
calibration/calibration_model.json without scikit-learn.

  logit               log-odds of probabilities clipped to [EPS, 1 - EPS]
  apply_calibration   an isotonic (piecewise-linear) or sigmoid (Platt) map applied to scores
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import numpy as np

EPS = 1e-12  # scores are clipped to [EPS, 1 - EPS] before taking log-odds


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p) - np.log1p(-p)


def apply_calibration(model: dict, score: np.ndarray) -> np.ndarray:
    if model["method"] == "isotonic":
        # IsotonicRegression.predict with out_of_bounds="clip": linear between thresholds, flat outside.
        return np.interp(score, model["x"], model["y"])
    return 1 / (1 + np.exp(-(model["slope"] * logit(score) + model["intercept"])))
