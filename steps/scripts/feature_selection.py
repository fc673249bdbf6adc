"""plc built-in step FeatureSelection: keep the feature columns that score best.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input and writes each one,
with only the selected features, the label and KEEP_COLUMNS, to the same
relative path under `processed_data`, so the train/ val/ test/ (or
<job type>/) layout is kept.

  training job type  scores every numeric feature on the train/ files (all
                     files when there is no train/ folder), keeps those scoring
                     above SCORE_THRESHOLD, at most TOP_K of them, and writes
                     the list to selected_features/selected_features.json
  other job types    read selected_features.json from the `selected_features`
                     input and only apply it

Scores (METHOD): variance (of the feature), correlation (absolute Pearson
correlation with the label) or mutual_info (mutual information with the label;
missing values count as the feature's median). Non-numeric features are not
scored and are dropped, unless listed in KEEP_COLUMNS.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import json
import logging
import math
import os
import sys

import pandas as pd
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
# selected_features is an input for every job type but training, and an output for training.
INPUT_PATHS = {
    "data": "/opt/ml/processing/input/data",
    "selected_features": "/opt/ml/processing/input/artifacts",
}
OUTPUT_PATHS = {
    "processed_data": "/opt/ml/processing/output/data",
    "selected_features": "/opt/ml/processing/output/artifacts",
}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
# TOP_K empty: every feature scoring above SCORE_THRESHOLD.
OPTIONAL_ENV_VARS = {
    "METHOD": "mutual_info",
    "TOP_K": "",
    "SCORE_THRESHOLD": "0",
    "KEEP_COLUMNS": "",
    "RANDOM_SEED": "42",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
METHODS = ("variance", "correlation", "mutual_info")
DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")
SELECTION_FILE = "selected_features.json"
SELECTION_FORMAT = "plc-feature-selection/1"

logger = logging.getLogger("feature_selection")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---- settings ----

def _number(environ_vars: dict[str, str], name: str, kind: type, low: float, high: float):
    """An optional env var parsed as `kind` within [low, high]; None when unset or empty."""
    raw = (environ_vars.get(name) or OPTIONAL_ENV_VARS[name]).strip()
    if not raw:
        return None
    try:
        value = kind(raw)
    except ValueError:
        raise UserError(f"{name} must be {'a whole number' if kind is int else 'a number'}, got {raw!r}") from None
    if not (low <= value <= high) or (kind is float and not math.isfinite(value)):
        raise UserError(f"{name} must be between {low} and {high}, got {raw!r}")
    return value


def _column_list(environ_vars: dict[str, str], name: str) -> list[str]:
    raw = environ_vars.get(name) or OPTIONAL_ENV_VARS[name]
    columns = [c.strip() for c in raw.split(",") if c.strip()]
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise UserError(f"{name} names a column more than once: {duplicates}")
    return columns


# ---- data files ----

def _find_data_files(folder: str) -> list[str]:
    """Data files below folder, as sorted paths relative to it."""
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    found = [
        os.path.relpath(os.path.join(root, name), folder)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(DATA_SUFFIXES) and not name.startswith(".")
    ]
    if not found:
        raise UserError(f"no {', '.join(DATA_SUFFIXES)} files under {folder}")
    return sorted(found)


def _read_table(path: str) -> pd.DataFrame:
    try:
        if path.lower().endswith(".parquet"):
            table = pd.read_parquet(path)
        else:
            table = pd.read_csv(path)  # compression inferred from .gz
    except (ImportError, ValueError) as err:  # no parquet engine; empty or malformed CSV
        raise UserError(f"cannot read {path}: {err}") from None
    table.columns = [str(c).strip() for c in table.columns]
    if len(set(table.columns)) != len(table.columns):
        raise UserError(f"{path} has duplicate column names after stripping spaces: {list(table.columns)}")
    return table


def _write_table(table: pd.DataFrame, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.lower().endswith(".parquet"):
        table.to_parquet(path, index=False)
    else:
        table.to_csv(path, index=False)  # compression inferred from .gz


def _fit_files(files: list[str]) -> list[str]:
    """The train/ files of a train/val/test layout, else every file."""
    train = [f for f in files if f.split(os.sep)[0] == "train" and os.sep in f]
    return train or files


def _read_all(folder: str, files: list[str]) -> pd.DataFrame:
    tables = [_read_table(os.path.join(folder, f)) for f in files]
    columns = list(tables[0].columns)
    for name, table in zip(files, tables):
        if set(table.columns) != set(columns):
            raise UserError(f"{name} has columns {list(table.columns)}, but {files[0]} has {columns}")
    return pd.concat([t[columns] for t in tables], ignore_index=True)


# ---- scoring, selecting, applying ----

def score(features: pd.DataFrame, target: pd.Series, method: str, seed: int) -> dict[str, float]:
    """A score per feature column; higher is better, 0 for a constant feature."""
    if method == "variance":
        scores = features.var(ddof=0)
    elif method == "correlation":
        scores = features.apply(lambda column: column.corr(target)).abs()
    else:
        filled = features.fillna(features.median()).fillna(0.0)
        discrete_target = bool((target % 1 == 0).all())
        estimator = mutual_info_classif if discrete_target else mutual_info_regression
        values = estimator(filled.to_numpy(), target.to_numpy(), random_state=seed)
        scores = pd.Series(values, index=features.columns)
    return {name: (0.0 if pd.isna(value) else float(value)) for name, value in scores.items()}


def select(train: pd.DataFrame, label: str, settings: dict) -> dict:
    train = train[train[label].notna()]
    if train.empty:
        raise UserError(f"no rows with a {label!r} value to score features on")
    target = pd.to_numeric(train[label], errors="coerce")
    if target.isna().any():
        raise UserError(f"label {label!r} must be numeric (run TabularPreprocessing first)")
    keep = settings["keep_columns"]
    missing = [c for c in keep if c not in train.columns]
    if missing:
        raise UserError(f"KEEP_COLUMNS names columns that are not in the data: {missing}")
    candidates = [c for c in train.columns if c != label and c not in keep]
    numeric = [c for c in candidates
               if pd.api.types.is_numeric_dtype(train[c]) and not pd.api.types.is_bool_dtype(train[c])]
    not_numeric = [c for c in candidates if c not in numeric]
    if not_numeric:
        logger.warning("non-numeric columns are not scored and are dropped: %s", not_numeric)
    if not numeric:
        raise UserError("no numeric feature columns to select from")
    scores = score(train[numeric].astype(float), target.astype(float), settings["method"], settings["seed"])
    ranked = sorted(numeric, key=lambda c: -scores[c])  # stable: ties keep the column order
    chosen = [c for c in ranked if scores[c] > settings["threshold"]][: settings["top_k"]]
    if not chosen:
        raise UserError(f"no feature scores above SCORE_THRESHOLD={settings['threshold']} with method "
                        f"{settings['method']}; best is {ranked[0]!r} with {scores[ranked[0]]:.6g}")
    selected = [c for c in numeric if c in chosen]  # in the data's column order
    return {"format": SELECTION_FORMAT, "label_field": label, "method": settings["method"],
            "top_k": settings["top_k"], "threshold": settings["threshold"], "selected_features": selected,
            "keep_columns": keep, "dropped_non_numeric": not_numeric, "scores": scores,
            "fit_rows": int(len(train))}


def apply(table: pd.DataFrame, selection: dict, name: str) -> pd.DataFrame:
    missing = [c for c in selection["selected_features"] if c not in table.columns]
    if missing:
        raise UserError(f"{name} lacks selected feature columns {missing}")
    wanted = set(selection["selected_features"]) | set(selection["keep_columns"]) | {selection["label_field"]}
    return table[[c for c in table.columns if c in wanted]]


def _load_selection(folder: str | None) -> dict:
    if not folder or not os.path.isdir(folder):
        raise UserError(f"selected features folder {folder} does not exist; bind the selected_features input "
                        "to the training job's selected_features output")
    found = sorted(os.path.join(root, SELECTION_FILE) for root, _, names in os.walk(folder) if SELECTION_FILE in names)
    if not found:
        raise UserError(f"no {SELECTION_FILE} under {folder}")
    try:
        with open(found[0], encoding="utf-8") as f:
            selection = json.load(f)
    except (OSError, ValueError) as err:
        raise UserError(f"cannot read {found[0]}: {err}") from None
    if (not isinstance(selection, dict) or selection.get("format") != SELECTION_FORMAT
            or not isinstance(selection.get("selected_features"), list)):
        raise UserError(f"{found[0]} is not a {SELECTION_FORMAT} file written by FeatureSelection")
    return selection


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    label = (environ_vars.get("LABEL_FIELD") or "").strip()
    if not label:
        raise UserError("environment variable LABEL_FIELD is required (the name of the label column)")
    method = (environ_vars.get("METHOD") or OPTIONAL_ENV_VARS["METHOD"]).strip().lower()
    if method not in METHODS:
        raise UserError(f"METHOD must be one of {list(METHODS)}, got {method!r}")
    settings = {
        "method": method,
        "top_k": _number(environ_vars, "TOP_K", int, 1, 2**31),
        "threshold": _number(environ_vars, "SCORE_THRESHOLD", float, -math.inf, math.inf) or 0.0,
        "keep_columns": _column_list(environ_vars, "KEEP_COLUMNS"),
        "seed": _number(environ_vars, "RANDOM_SEED", int, 0, 2**32 - 1),
    }
    if label in settings["keep_columns"]:
        raise UserError(f"KEEP_COLUMNS names the label column {label!r}, which is always kept")
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")

    data_dir = input_paths["data"]
    files = _find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    if job_type == "training":
        fit_files = _fit_files(files)
        train = _read_all(data_dir, fit_files)
        if label not in train.columns:
            raise UserError(f"label column {label!r} not found; columns are {list(train.columns)}")
        selection = select(train, label, settings)
        selection["fit_files"] = fit_files
        logger.info("selected %d of %d scored feature(s) by %s: %s", len(selection["selected_features"]),
                    len(selection["scores"]), method, selection["selected_features"])
        out_dir = output_paths["selected_features"]
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(out_dir, SELECTION_FILE), "w", encoding="utf-8") as f:
            json.dump(selection, f, indent=2)
    else:
        selection = _load_selection(input_paths.get("selected_features"))
        logger.info("applying a selection of %d feature(s)", len(selection["selected_features"]))

    rows: dict[str, int] = {}
    for name in files:
        out = apply(_read_table(os.path.join(data_dir, name)), selection, name)
        _write_table(out, os.path.join(output_paths["processed_data"], name))
        rows[name] = int(len(out))
        logger.info("wrote %s: %d rows, columns %s", name, len(out), list(out.columns))

    return {"job_type": job_type, "rows": rows, "selected_features": selection["selected_features"]}


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
    parser = argparse.ArgumentParser(description="plc FeatureSelection step")
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
