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
import logging
import os
import tempfile

import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job
from plc_tables import find_split_folder, read_csvs
from plc_xgboost import load_model, predict_proba

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"model": "/opt/ml/processing/input/model", "eval_data": "/opt/ml/processing/input/eval_data"}
OUTPUT_PATHS = {"predictions": "/opt/ml/processing/output/predictions"}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {"ID_FIELD": "", "LABEL_FIELD": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
PREDICTIONS_FILE = "predictions.csv"
PROB_PREFIX = "prob_class_"

logger = logging.getLogger("xgboost_model_inference")


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    id_field = env.text("ID_FIELD")
    label = env.text("LABEL_FIELD")
    if id_field and id_field == label:
        raise UserError(f"ID_FIELD and LABEL_FIELD are both {label!r}")
    job_type = checked_job_type(job_args, JOB_TYPES)

    with tempfile.TemporaryDirectory(prefix="model-") as work_dir:
        model = load_model(input_paths["model"], work_dir, logger)
    folder = find_split_folder(input_paths["eval_data"], job_type)
    data = read_csvs(folder, logger)
    if id_field and id_field not in data.columns:
        raise UserError(f"id column {id_field!r} not found; columns are {list(data.columns)}")
    copy_label = bool(label) and label in data.columns
    if label and not copy_label:  # unlabelled data is normal here; only say so
        logger.info("no label column %r in the data; predictions carry no label", label)

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


if __name__ == "__main__":
    run_processing_job("XGBoostModelInference", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
