"""plc built-in step LightGBMTraining: train a gradient-boosted tree classifier with LightGBM.

There is no first-party SageMaker LightGBM image, so this runs in the
scikit-learn 1.2-1 training container in script mode: the container installs
requirements.txt (next to this file in the shipped source folder) before it
starts the script. Reads the train/ and val/ CSVs written by
TabularPreprocessing, trains with lightgbm.train, and writes the model
(lightgbm_model.txt, feature_columns.json, hyperparameters.json) plus the
validation metrics (metrics.json), as XGBoostTraining does.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import math
import os
import sys

import pandas as pd

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"training_data": "/opt/ml/input/data/training_data"}
OUTPUT_PATHS = {"model": "/opt/ml/model", "metrics": "/opt/ml/output/data"}
HYPERPARAMETERS_PATH = "/opt/ml/input/config/hyperparameters.json"
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {}
CLI_ARGS = {}
REQUIRED_HYPERPARAMETERS = ["label_field"]
# None means "chosen from the label": objective binary for <= 2 classes, else multiclass;
# metric auc for binary, multi_logloss for multiclass*.
OPTIONAL_HYPERPARAMETERS = {
    "num_boost_round": 100,
    "learning_rate": 0.1,
    "num_leaves": 31,
    "max_depth": -1,
    "min_data_in_leaf": 20,
    "feature_fraction": 1.0,
    "objective": None,
    "metric": None,
    "seed": 42,
}

CSV_SUFFIXES = (".csv", ".csv.gz")
MODEL_FILE = "lightgbm_model.txt"
FORBIDDEN_NAME_CHARS = '",:[]{}'  # LightGBM refuses feature names with JSON special characters

logger = logging.getLogger("lightgbm_training")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


def load_hyperparameters(path: str) -> dict:
    """SageMaker writes every value as a string, sometimes JSON-encoded ("\\"abc\\"")."""
    if not os.path.exists(path):
        return {}  # outside SageMaker; the required-key check below reports what is missing
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    params = {}
    for key, value in raw.items():
        if key.startswith("sagemaker_"):  # the toolkit's own settings, not ours
            continue
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # a plain string such as multiclassova
        params[key] = value
    return params


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


def _read_csvs(folder: str) -> pd.DataFrame:
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
    try:
        return pd.concat([pd.read_csv(path) for path in files], ignore_index=True)
    except ValueError as err:  # empty or malformed CSV
        raise UserError(f"cannot read CSVs under {folder}: {err}") from None


def _features(train: pd.DataFrame, val: pd.DataFrame, label: str) -> list[str]:
    for name, df in (("train", train), ("val", val)):
        if label not in df.columns:
            raise UserError(f"label column {label!r} not in {name} data; columns are {list(df.columns)}")
    features = [c for c in train.columns if c != label]
    if not features:
        raise UserError("the data has no feature columns besides the label")
    missing = [c for c in features if c not in val.columns]
    if missing:
        raise UserError(f"val data lacks feature columns {missing}")
    not_numeric = [c for c in features if not pd.api.types.is_numeric_dtype(train[c])]
    if not_numeric:
        raise UserError(f"feature columns must be numeric; these are not: {not_numeric}")
    bad_names = [c for c in features if any(ch in c for ch in FORBIDDEN_NAME_CHARS)]
    if bad_names:
        raise UserError(f"feature names may not contain any of {FORBIDDEN_NAME_CHARS}: {bad_names}")
    return features


def _resolve_objective(hp: dict, labels: pd.Series) -> dict:
    """objective, metric (list) and, for multiclass*, num_class."""
    if labels.isna().any() or not pd.api.types.is_numeric_dtype(labels):
        raise UserError("label must be numeric with no missing values (run TabularPreprocessing first)")
    num_class = int(labels.max()) + 1
    objective = str(hp.get("objective") or ("multiclass" if num_class > 2 else "binary"))
    resolved = {"objective": objective}
    if objective.startswith(("binary", "multiclass")):
        if (labels < 0).any() or (labels % 1 != 0).any():
            raise UserError(f"objective {objective} needs labels coded 0..k-1")
        if objective.startswith("binary") and num_class > 2:
            raise UserError(f"objective {objective} needs a 0/1 label, but it has values up to {num_class - 1}")
        if objective.startswith("multiclass"):
            resolved["num_class"] = num_class
    metric = hp.get("metric")
    if not metric:
        metric = "multi_logloss" if objective.startswith("multiclass") else "auc" if objective == "binary" else None
    if metric and not isinstance(metric, list):  # "auc" or "auc,binary_logloss"
        metric = [m.strip() for m in str(metric).split(",") if m.strip()]
    if metric:  # otherwise LightGBM uses the objective's own default metric
        resolved["metric"] = [str(m) for m in metric]
    return resolved


def _lightgbm():
    """Imported only when needed: it comes from requirements.txt, not from the image."""
    try:
        import lightgbm
    except ImportError as err:
        raise UserError(f"cannot import lightgbm ({err}); requirements.txt must be shipped with the script") from None
    return lightgbm


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    """input_paths: training_data (folder with train/ and val/) and hyperparameters (the JSON file)."""
    # Validate hyperparameters before reading any data, so config errors fail fast.
    hp = load_hyperparameters(input_paths["hyperparameters"])
    label = str(hp.get("label_field") or "").strip()
    if not label:
        raise UserError("hyperparameter label_field is required (the name of the label column)")
    resolved = {
        "label_field": label,
        "num_boost_round": _number(hp, "num_boost_round", int, ">= 1", lambda v: v >= 1),
        "learning_rate": _number(hp, "learning_rate", float, "> 0", lambda v: v > 0),
        "num_leaves": _number(hp, "num_leaves", int, "from 2 to 131072", lambda v: 2 <= v <= 131072),
        "max_depth": _number(hp, "max_depth", int, ">= -1 (-1 for no limit)", lambda v: v >= -1),
        "min_data_in_leaf": _number(hp, "min_data_in_leaf", int, ">= 0", lambda v: v >= 0),
        "feature_fraction": _number(hp, "feature_fraction", float, "in (0, 1]", lambda v: 0 < v <= 1),
        "seed": _number(hp, "seed", int, "in [0, 2**31)", lambda v: 0 <= v < 2**31),
    }
    unknown = sorted(set(hp) - set(REQUIRED_HYPERPARAMETERS) - set(OPTIONAL_HYPERPARAMETERS))
    if unknown:  # e.g. _tuning_objective_metric added by a tuner: harmless, so only warn
        logger.warning("ignoring unknown hyperparameters: %s", unknown)

    data_dir = input_paths["training_data"]
    train = _read_csvs(os.path.join(data_dir, "train"))
    val = _read_csvs(os.path.join(data_dir, "val"))
    features = _features(train, val, label)
    resolved.update(_resolve_objective(hp, pd.concat([train[label], val[label]])))
    logger.info("training on %d rows, validating on %d, %d features; %s",
                len(train), len(val), len(features), resolved)

    lgb = _lightgbm()
    params = {k: v for k, v in resolved.items() if k not in ("label_field", "num_boost_round")}
    # Same data and seed, same model: deterministic needs one of the force_*_wise settings.
    params.update({"deterministic": True, "force_col_wise": True, "verbosity": -1})
    dtrain = lgb.Dataset(train[features], label=train[label], feature_name=features, free_raw_data=False)
    dval = lgb.Dataset(val[features], label=val[label], reference=dtrain, free_raw_data=False)
    history: dict = {}
    try:
        booster = lgb.train(params, dtrain, num_boost_round=resolved["num_boost_round"],
                            valid_sets=[dval], valid_names=["validation"],
                            callbacks=[lgb.record_evaluation(history)])
    except lgb.basic.LightGBMError as err:  # e.g. an unknown objective or metric
        raise UserError(f"LightGBM refused the configuration: {err}") from None
    # No early stopping, so the final round's values describe the saved model.
    metrics = {"validation": {name: float(values[-1]) for name, values in history.get("validation", {}).items()}}
    _check_metrics_computed(resolved.get("metric"), metrics["validation"])

    model_dir = output_paths["model"]
    os.makedirs(model_dir, exist_ok=True)
    booster.save_model(os.path.join(model_dir, MODEL_FILE))
    _write_json(os.path.join(model_dir, "feature_columns.json"), features)
    _write_json(os.path.join(model_dir, "hyperparameters.json"), resolved)
    os.makedirs(output_paths["metrics"], exist_ok=True)
    _write_json(os.path.join(output_paths["metrics"], "metrics.json"), metrics)
    logger.info("validation metrics: %s", metrics["validation"])

    return {"rows": {"train": len(train), "val": len(val)}, "features": len(features),
            "hyperparameters": resolved, "metrics": metrics, "lightgbm_version": lgb.__version__}


def _check_metrics_computed(requested, computed: dict) -> None:
    """LightGBM skips a metric name it does not know without an error; the job would end with
    fewer metrics than asked for (and a tuning objective or quality gate reading nothing)."""
    names = [name for name in dict.fromkeys(requested or []) if name.lower() not in ("none", "na", "null", "custom")]
    if len(computed) < len(names):
        unknown = [name for name in names if name not in computed]
        raise UserError(f"LightGBM refused the configuration: it computed {sorted(computed) or 'no metric'} "
                        f"for metric {','.join(names)!r}; names it does not know are skipped: {unknown}")


def _write_json(path: str, value) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Script mode also passes each hyperparameter as --key value; they are read from
    # hyperparameters.json instead, so accept and ignore unknown arguments.
    args, _ = argparse.ArgumentParser(description="plc LightGBMTraining step").parse_known_args()
    env = {name: os.environ[name] for name in REQUIRED_ENV_VARS + list(OPTIONAL_ENV_VARS) if name in os.environ}
    try:
        summary = main({**INPUT_PATHS, "hyperparameters": HYPERPARAMETERS_PATH}, OUTPUT_PATHS, env, args)
    except UserError as err:
        logger.error(str(err))  # the training toolkit copies stderr into the job's FailureReason
        sys.exit(1)
    except Exception as err:  # unexpected: keep the traceback in the log for debugging
        logger.exception("unexpected failure")
        logger.error("unexpected %s: %s", type(err).__name__, err)
        sys.exit(1)
    logger.info("done: %s", json.dumps(summary))
