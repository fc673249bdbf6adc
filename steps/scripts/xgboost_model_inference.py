"""plc built-in step XGBoostModelInference: score a data split with a trained XGBoost model.

Runs in the SageMaker XGBoost 1.7-1 processing container. Loads the model written
by XGBoostTraining (xgboost_model.bst, feature_columns.json, hyperparameters.json;
a model.tar.gz is extracted first), scores every CSV (.csv, .csv.gz) of the split
and writes predictions.csv: [id,] [label,] prob_class_0 .. prob_class_<k-1>.
No label is needed; the id and label columns are copied when configured and present.
The split is read from <job_type>/ (or val/ for validation, test/ for training and
testing, as TabularPreprocessing's training output names them) when such a
sub-folder exists, else from the whole input folder.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import os
import sys
import tarfile
import tempfile

import numpy as np
import pandas as pd
import xgboost as xgb

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"model": "/opt/ml/processing/input/model", "eval_data": "/opt/ml/processing/input/eval_data"}
OUTPUT_PATHS = {"predictions": "/opt/ml/processing/output/predictions"}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {"ID_FIELD": "", "LABEL_FIELD": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
# Sub-folders tried in order for each job type before falling back to the whole input folder.
DATA_SUBFOLDERS = {
    "training": ["training", "test"],
    "validation": ["validation", "val"],
    "testing": ["testing", "test"],
    "calibration": ["calibration"],
}
SPLIT_FOLDERS = ("train", "val", "test")  # TabularPreprocessing's training output
CSV_SUFFIXES = (".csv", ".csv.gz")
MODEL_ARCHIVE = "model.tar.gz"
MODEL_FILE = "xgboost_model.bst"
FEATURES_FILE = "feature_columns.json"
HYPERPARAMETERS_FILE = "hyperparameters.json"
PREDICTIONS_FILE = "predictions.csv"
PROB_PREFIX = "prob_class_"
SUPPORTED_OBJECTIVES = ("binary:logistic", "binary:logitraw", "multi:softprob", "multi:softmax")

logger = logging.getLogger("xgboost_model_inference")


class UserError(Exception):
    """Bad configuration, model or data: reported as one line, without a traceback."""


# ---------------------------------------------------------------- model


def _find_named(folder: str, name: str) -> list[str]:
    return sorted(os.path.join(root, n) for root, _, names in os.walk(folder) for n in names if n == name)


def _safe_extract(archive: str, dest: str) -> None:
    """Extract regular files and folders only, refusing paths that leave dest."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = []
            for member in tar.getmembers():
                target = os.path.realpath(os.path.join(dest, member.name))
                if not (member.isfile() or member.isdir()):
                    logger.warning("skipping %s in %s: not a regular file", member.name, archive)
                    continue
                root = os.path.realpath(dest)
                if os.path.isabs(member.name) or not (target == root or target.startswith(root + os.sep)):
                    raise UserError(f"{archive} contains an unsafe path {member.name!r}")
                members.append(member)
            tar.extractall(dest, members=members)
    except (tarfile.TarError, EOFError, OSError) as err:
        raise UserError(f"cannot extract {archive}: {err}") from None


def _read_json(path: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as err:
        raise UserError(f"cannot read {path}: {err}") from None


def load_model(model_dir: str, work_dir: str) -> dict:
    """booster, features, objective and number of classes of the model under model_dir.

    A model.tar.gz (what SageMaker copies in from a training step) is extracted into
    work_dir first; otherwise the folder is expected to hold the extracted files.
    """
    if not os.path.isdir(model_dir):
        raise UserError(f"model folder {model_dir} does not exist")
    archives = _find_named(model_dir, MODEL_ARCHIVE)
    if len(archives) > 1:
        raise UserError(f"more than one {MODEL_ARCHIVE} under {model_dir}: {archives}")
    if archives:
        logger.info("extracting %s", archives[0])
        _safe_extract(archives[0], work_dir)
        model_dir = work_dir
    found = _find_named(model_dir, MODEL_FILE)
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise UserError(f"{what} {MODEL_FILE} under the model input (expected XGBoostTraining's model)")
    folder = os.path.dirname(found[0])
    features_path = os.path.join(folder, FEATURES_FILE)
    if not os.path.isfile(features_path):
        raise UserError(f"{FEATURES_FILE} missing next to {MODEL_FILE}")
    features = _read_json(features_path)
    if not isinstance(features, list) or not features or not all(isinstance(f, str) for f in features):
        raise UserError(f"{FEATURES_FILE} must be a non-empty list of column names")
    hp_path = os.path.join(folder, HYPERPARAMETERS_FILE)
    hyperparameters = _read_json(hp_path) if os.path.isfile(hp_path) else {}
    if not isinstance(hyperparameters, dict):
        raise UserError(f"{HYPERPARAMETERS_FILE} must be a JSON object")

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
    return {"booster": booster, "features": features, "objective": objective, "classes": classes,
            "hyperparameters": hyperparameters}


def predict_proba(model: dict, data: pd.DataFrame) -> np.ndarray:
    """Class probabilities, one column per class (two for binary models)."""
    dmatrix = xgb.DMatrix(data[model["features"]])
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


# ---------------------------------------------------------------- data


def _csv_files(folder: str) -> list[str]:
    return sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(CSV_SUFFIXES)
    )


def find_split_folder(data_dir: str, job_type: str) -> str:
    if not os.path.isdir(data_dir):
        raise UserError(f"input folder {data_dir} does not exist")
    for name in DATA_SUBFOLDERS[job_type]:
        candidate = os.path.join(data_dir, name)
        if os.path.isdir(candidate) and _csv_files(candidate):
            return candidate
    splits = [name for name in SPLIT_FOLDERS if os.path.isdir(os.path.join(data_dir, name))]
    if splits:  # a training split's output: reading it whole would mix train, val and test rows
        raise UserError(f"{data_dir} has {splits} sub-folders but none for job type {job_type} "
                        f"(looked for {DATA_SUBFOLDERS[job_type]})")
    return data_dir


def read_csvs(folder: str) -> pd.DataFrame:
    files = _csv_files(folder)
    if not files:
        raise UserError(f"no CSV files under {folder}")
    tables = []
    for path in files:
        try:
            table = pd.read_csv(path)  # compression inferred from .gz
        except ValueError as err:  # empty or malformed CSV
            raise UserError(f"cannot read {path}: {err}") from None
        table.columns = [str(c).strip() for c in table.columns]
        tables.append(table)
    columns = list(tables[0].columns)
    for path, table in zip(files, tables):
        if set(table.columns) != set(columns):
            raise UserError(f"{path} has columns {list(table.columns)}, but {files[0]} has {columns}")
    logger.info("read %d file(s) from %s", len(files), folder)
    return pd.concat([t[columns] for t in tables], ignore_index=True)


def check_features(data: pd.DataFrame, features: list[str]) -> None:
    missing = [c for c in features if c not in data.columns]
    if missing:
        raise UserError(f"data lacks the model's feature columns {missing}")
    not_numeric = [c for c in features if not pd.api.types.is_numeric_dtype(data[c])]
    if not_numeric:
        raise UserError(f"feature columns must be numeric; these are not: {not_numeric}")


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    id_field = (environ_vars.get("ID_FIELD") or OPTIONAL_ENV_VARS["ID_FIELD"]).strip()
    label = (environ_vars.get("LABEL_FIELD") or OPTIONAL_ENV_VARS["LABEL_FIELD"]).strip()
    if id_field and id_field == label:
        raise UserError(f"ID_FIELD and LABEL_FIELD are both {label!r}")
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    with tempfile.TemporaryDirectory(prefix="model-") as work_dir:
        model = load_model(input_paths["model"], work_dir)
    folder = find_split_folder(input_paths["eval_data"], job_type)
    data = read_csvs(folder)
    if id_field and id_field not in data.columns:
        raise UserError(f"id column {id_field!r} not found; columns are {list(data.columns)}")
    copy_label = bool(label) and label in data.columns
    if label and not copy_label:  # unlabelled data is normal here; only say so
        logger.info("no label column %r in the data; predictions carry no label", label)
    check_features(data, model["features"])

    proba = predict_proba(model, data)
    out = pd.DataFrame(index=data.index)
    if id_field:
        out[id_field] = data[id_field]
    if copy_label:
        out[label] = data[label]
    for k in range(proba.shape[1]):
        out[f"{PROB_PREFIX}{k}"] = proba[:, k]
    out_dir = output_paths["predictions"]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, PREDICTIONS_FILE)
    out.to_csv(path, index=False)
    logger.info("wrote %d predictions to %s", len(out), path)
    return {"job_type": job_type, "objective": model["objective"], "classes": int(proba.shape[1]),
            "rows": int(len(out)), "columns": list(out.columns)}


def _fail(message: str) -> None:
    logger.error(message)
    if os.path.isdir("/opt/ml"):  # only inside a SageMaker container, never on a dev machine
        try:
            os.makedirs(os.path.dirname(EXIT_MESSAGE_FILE), exist_ok=True)
            with open(EXIT_MESSAGE_FILE, "w", encoding="utf-8") as f:
                f.write(message[:1024])
        except OSError:
            pass  # the log line above is what matters
    sys.exit(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(description="plc XGBoostModelInference step")
    for flag, spec in CLI_ARGS.items():
        parser.add_argument(flag, **spec)
    args = parser.parse_args()
    env = {name: os.environ[name] for name in REQUIRED_ENV_VARS + list(OPTIONAL_ENV_VARS) if name in os.environ}
    try:
        summary = main(INPUT_PATHS, OUTPUT_PATHS, env, args)
    except UserError as err:
        _fail(str(err))
    except Exception as err:  # unexpected: keep the traceback in the log for debugging
        logger.exception("unexpected failure")
        _fail(f"unexpected {type(err).__name__}: {err}")
    logger.info("done: %s", json.dumps(summary))
