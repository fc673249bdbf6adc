"""plc built-in step ModelCalibration: calibrate a binary classifier's scores.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every CSV
(.csv, .csv.gz) under the `eval_data` input (predictions with a 0/1 label and a
score column, e.g. XGBoostModelEval's prob_class_1) and either
  fits a calibration (no calibration_model input; not for the testing job type):
    isotonic -> a monotone piecewise-linear map (sklearn IsotonicRegression)
    sigmoid  -> Platt scaling on the score's log-odds:
                calibrated = 1 / (1 + exp(-(slope * logit(score) + intercept)))
  or applies one fitted earlier (calibration_model input: calibration_model.json).
Writes
  calibration     -> calibration_model.json (the map, plain JSON) and calibration_summary.json
  metrics         -> metrics.json: {"metrics": {"ece_before", "ece_after", ...}, "reliability": ...};
                     when fitting, the "after" metrics are measured on held-out rows by
                     cross-fitting (each fold calibrated by a map fitted on the other folds),
                     never on the rows a map was fitted on
  calibrated_data -> calibrated_data.csv: the input rows plus the calibrated score column
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import math
import os

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from plc_calibration import apply_calibration, logit
from plc_step import StepEnv, UserError, checked_job_type, find_named, read_json, run_processing_job, write_json
from plc_tables import read_csvs, write_with_column

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {
    "eval_data": "/opt/ml/processing/input/eval_data",
    "calibration_model": "/opt/ml/processing/input/calibration_model",
}
OUTPUT_PATHS = {
    "calibration": "/opt/ml/processing/output/calibration",
    "metrics": "/opt/ml/processing/output/metrics",
    "calibrated_data": "/opt/ml/processing/output/calibrated_data",
}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {
    "SCORE_FIELD": "prob_class_1",
    "CALIBRATION_METHOD": "isotonic",
    "CALIBRATED_SCORE_FIELD": "calibrated_score",
    "NUM_BINS": "10",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
APPLY_ONLY_JOB_TYPES = ("testing",)  # never fit on the data the model is judged on
METHODS = ("isotonic", "sigmoid")
MODEL_FILE = "calibration_model.json"
SUMMARY_FILE = "calibration_summary.json"
METRICS_FILE = "metrics.json"
DATA_FILE = "calibrated_data.csv"
MODEL_FORMAT = "plc-calibration/1"
MAX_FOLDS = 5  # cross-fitting folds for held-out metrics when fitting
FOLD_SEED = 42

logger = logging.getLogger("model_calibration")


# ---------------------------------------------------------------- calibration maps


def fit_isotonic(score: np.ndarray, y: np.ndarray) -> dict:
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True, out_of_bounds="clip").fit(score, y)
    return {"method": "isotonic", "x": [float(v) for v in iso.X_thresholds_], "y": [float(v) for v in iso.y_thresholds_]}


def fit_sigmoid(score: np.ndarray, y: np.ndarray) -> dict:
    """Platt scaling with Platt's smoothed targets, fitted on the log-odds of the score."""
    f = logit(score)
    positives = float(y.sum())
    negatives = float(len(y) - positives)
    target = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))

    def loss(params):
        z = params[0] * f + params[1]
        return float(np.sum(np.logaddexp(0, z) - target * z))

    def gradient(params):
        d = 1 / (1 + np.exp(-(params[0] * f + params[1]))) - target
        return np.array([np.sum(d * f), np.sum(d)])

    result = minimize(loss, x0=np.array([1.0, 0.0]), jac=gradient, method="L-BFGS-B")
    if not np.all(np.isfinite(result.x)):
        raise UserError(f"sigmoid calibration did not converge: {result.message}")
    return {"method": "sigmoid", "slope": float(result.x[0]), "intercept": float(result.x[1])}


def held_out_calibration(fit, score: np.ndarray, y: np.ndarray) -> tuple[np.ndarray | None, int]:
    """Each labelled row's score calibrated by a map fitted on the other folds (stratified, at most
    MAX_FOLDS, fewer when a class has fewer rows), and the number of folds; None when a class has
    a single row, so that no fold could hold it out."""
    folds = min(MAX_FOLDS, int(np.bincount(y).min()))
    if folds < 2:
        return None, 0
    calibrated = np.empty(len(y))
    for fit_rows, held_out in StratifiedKFold(folds, shuffle=True, random_state=FOLD_SEED).split(score, y):
        calibrated[held_out] = apply_calibration(fit(score[fit_rows], y[fit_rows]), score[held_out])
    return calibrated, folds


def load_calibration_model(folder: str) -> tuple[dict, str]:
    found = find_named(folder, MODEL_FILE)
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise UserError(f"{what} {MODEL_FILE} under {folder} (expected a ModelCalibration calibration output)")
    model = read_json(found[0])
    method = model.get("method") if isinstance(model, dict) else None
    if method not in METHODS:
        raise UserError(f"{found[0]} is not a calibration model (method {method!r})")
    try:
        if method == "isotonic":
            x, y = np.asarray(model["x"], dtype=float), np.asarray(model["y"], dtype=float)
            if len(x) == 0 or len(x) != len(y) or np.any(np.diff(x) < 0):
                raise ValueError("x and y must be non-empty, of equal length, x increasing")
        else:
            float(model["slope"]), float(model["intercept"])
    except (KeyError, TypeError, ValueError) as err:
        raise UserError(f"{found[0]} is malformed: {err}") from None
    return model, found[0]


# ---------------------------------------------------------------- metrics


def reliability(prob: np.ndarray, y: np.ndarray, num_bins: int) -> list[dict]:
    """Equal-width bins over [0, 1]: count, mean predicted probability, observed positive rate."""
    index = np.clip((prob * num_bins).astype(int), 0, num_bins - 1)
    bins = []
    for b in range(num_bins):
        in_bin = index == b
        count = int(in_bin.sum())
        bins.append({
            "lower": b / num_bins, "upper": (b + 1) / num_bins, "count": count,
            "mean_predicted": float(prob[in_bin].mean()) if count else None,
            "observed_rate": float(y[in_bin].mean()) if count else None,
        })
    return bins


def calibration_metrics(prob: np.ndarray, y: np.ndarray, num_bins: int) -> tuple[dict, list[dict]]:
    bins = reliability(prob, y, num_bins)
    gaps = [(b["count"], abs(b["mean_predicted"] - b["observed_rate"])) for b in bins if b["count"]]
    clipped = np.clip(prob, 1e-15, 1 - 1e-15)
    auc = float(roc_auc_score(y, prob)) if len(np.unique(y)) == 2 else None
    return {
        "ece": float(sum(n * gap for n, gap in gaps) / len(y)),
        "mce": float(max(gap for _, gap in gaps)),
        "brier_score": float(np.mean((prob - y) ** 2)),
        "log_loss": float(-np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped))),
        "auc": None if auc is None or math.isnan(auc) else auc,
    }, bins


# ---------------------------------------------------------------- data


def checked_scores(data: pd.DataFrame, score_field: str) -> np.ndarray:
    if score_field not in data.columns:
        raise UserError(f"score column {score_field!r} not found; columns are {list(data.columns)}")
    score = data[score_field]
    if not pd.api.types.is_numeric_dtype(score) or score.isna().any():
        raise UserError(f"score column {score_field!r} must be numeric with no missing values")
    if score.min() < 0 or score.max() > 1:
        raise UserError(f"score column {score_field!r} must hold probabilities in [0, 1]; "
                        f"got values from {score.min()} to {score.max()}")
    return score.to_numpy(dtype=float)


def binary_labels(label: pd.Series) -> pd.Series:
    """The 0/1 labels of the rows that have one, indexed like the data."""
    values = pd.to_numeric(label, errors="coerce")
    bad = label.notna() & values.isna()
    if bad.any():
        raise UserError(f"label {label.name!r} must be 0/1; got {label[bad].iloc[0]!r}")
    values = values.dropna()
    if len(values) < len(label):
        logger.warning("%d row(s) without a label are calibrated but not used for fitting or metrics",
                       len(label) - len(values))
    if values.empty:
        raise UserError(f"no row has a {label.name!r} value")
    if not values.isin([0, 1]).all():
        raise UserError(f"label {label.name!r} must be 0/1 (binary calibration); got {sorted(values.unique())[:10]}")
    return values.astype(int)


# ---------------------------------------------------------------- main


def _settings(environ_vars: dict[str, str]) -> dict:
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    settings = {"label": env.required("LABEL_FIELD", "the name of the label column")}
    for name, key in (("SCORE_FIELD", "score"), ("CALIBRATION_METHOD", "method"), ("CALIBRATED_SCORE_FIELD", "output")):
        settings[key] = env.text(name)
    # Compared as given, without the lower-casing of StepEnv.choice.
    if settings["method"] not in METHODS:
        raise UserError(f"CALIBRATION_METHOD must be one of {list(METHODS)}, got {settings['method']!r}")
    if settings["output"] in (settings["label"], settings["score"]):
        raise UserError(f"CALIBRATED_SCORE_FIELD {settings['output']!r} would overwrite the label or score column")
    settings["bins"] = env.number("NUM_BINS", int, 1, 1000, noun="int")
    return settings


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    settings = _settings(environ_vars)
    job_type = checked_job_type(job_args, JOB_TYPES)
    model_dir = input_paths.get("calibration_model")
    apply_mode = bool(model_dir) and os.path.isdir(model_dir)
    if job_type in APPLY_ONLY_JOB_TYPES and not apply_mode:
        raise UserError(f"job type {job_type} only applies a fitted calibration: bind the calibration_model "
                        "input to a ModelCalibration node's calibration output")

    data = read_csvs(input_paths["eval_data"], logger)
    label, score_field, output = settings["label"], settings["score"], settings["output"]
    if label not in data.columns:
        raise UserError(f"label column {label!r} not found; columns are {list(data.columns)}")
    score = checked_scores(data, score_field)
    y = binary_labels(data[label])
    labelled = y.index.to_numpy()

    if apply_mode:
        model, source = load_calibration_model(model_dir)
        if environ_vars.get("CALIBRATION_METHOD") and model["method"] != settings["method"]:
            logger.warning("applying the fitted %s calibration from %s (calibrationMethod %s is for fitting)",
                           model["method"], source, settings["method"])
        if model.get("score_field") not in (None, score_field):
            logger.warning("the calibration was fitted on %r; applying it to %r", model["score_field"], score_field)
    else:
        if y.nunique() < 2:
            raise UserError(f"fitting a calibration needs both classes among the labelled rows; all are {y.iloc[0]}")
        fit = fit_isotonic if settings["method"] == "isotonic" else fit_sigmoid
        model = {"format": MODEL_FORMAT, **fit(score[labelled], y.to_numpy()), "score_field": score_field,
                 "fitted_on": {"job_type": job_type, "rows": int(len(y)), "positives": int(y.sum())}}
        source = None
        logger.info("fitted %s calibration on %d labelled rows", model["method"], len(y))
    calibrated = apply_calibration(model, score)
    if apply_mode:  # fitted elsewhere: these rows are held out already
        measured, evaluated_on = calibrated[labelled], "held-out rows"
    else:
        measured, folds = held_out_calibration(fit, score[labelled], y.to_numpy())
        evaluated_on = f"held-out rows ({folds}-fold cross-fitting)" if folds else None
        if measured is None:
            logger.warning("a class has a single labelled row: the calibrated scores are not measured (null)")

    write_with_column(data, output, calibrated, output_paths["calibrated_data"], DATA_FILE, "calibrated scores",
                      logger)

    before, bins_before = calibration_metrics(score[labelled], y.to_numpy(), settings["bins"])
    if measured is None:
        after, bins_after = dict.fromkeys(before), None
    else:
        after, bins_after = calibration_metrics(measured, y.to_numpy(), settings["bins"])
    metrics = {f"{name}_{when}": value for when, values in (("before", before), ("after", after))
               for name, value in values.items()}
    metrics["rows"] = int(len(y))
    report = {
        "metrics": metrics,
        "job_type": job_type,
        "mode": "apply" if apply_mode else "fit",
        "method": model["method"],
        # In-sample metrics would flatter the map (isotonic above all): never report them.
        "evaluated_on": evaluated_on,
        "reliability": {"before": bins_before, "after": bins_after},
    }
    write_json(os.path.join(output_paths["metrics"], METRICS_FILE), report)
    write_json(os.path.join(output_paths["calibration"], MODEL_FILE), model)
    summary = {
        "mode": report["mode"], "method": model["method"], "job_type": job_type,
        "score_field": score_field, "calibrated_score_field": output, "label_field": label,
        "source": source, "rows": {"read": int(len(data)), "labelled": int(len(y))},
        "metrics": metrics,
    }
    write_json(os.path.join(output_paths["calibration"], SUMMARY_FILE), summary)
    logger.info("ece %s -> %s, brier %s -> %s (%s)", metrics["ece_before"], metrics["ece_after"],
                metrics["brier_score_before"], metrics["brier_score_after"], evaluated_on)
    return summary


if __name__ == "__main__":
    run_processing_job("ModelCalibration", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
