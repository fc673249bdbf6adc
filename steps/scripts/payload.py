"""plc built-in step Payload: sample inference requests for a model.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads
feature_columns.json from the model (a model.tar.gz as a training step writes
it, or an already-extracted folder) and writes, to the payload_sample output:
  payload.tar.gz  one sample request per content type, for SageMaker Inference
                  Recommender or a model package's SamplePayloadUrl:
                    sample_payload.csv   text/csv: one line per row, features in
                                         model order, no header
                    sample_payload.json  application/json: a list of records,
                                         [{"<feature>": <value>, ...}, ...]
  payload.json    what the archive holds: content types, files, bodies,
                  feature columns and the values used
Each feature's value is its entry in DEFAULT_VALUES (a JSON object), else its
value in the model's input_example.json (a typical training row: medians and
most frequent categories, as XGBoostTraining writes it), else DEFAULT_VALUE. Both files are reproducible byte for byte.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import csv
import gzip
import io
import json
import logging
import math
import os
import tarfile
import zlib

from plc_archives import write_reproducible_tar_gz
from plc_step import UserError, run_processing_job

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"model": "/opt/ml/processing/input/model"}
OUTPUT_PATHS = {"payload_sample": "/opt/ml/processing/output/payload"}
REQUIRED_ENV_VARS = []
OPTIONAL_ENV_VARS = {
    "CONTENT_TYPES": "text/csv,application/json",
    "DEFAULT_VALUES": "{}",
    "DEFAULT_VALUE": "0",
    "ROWS_PER_REQUEST": "1",
}
CLI_ARGS = {}

MODEL_ARCHIVE = "model.tar.gz"
FEATURES_FILE = "feature_columns.json"
EXAMPLE_FILE = "input_example.json"
PAYLOAD_ARCHIVE = "payload.tar.gz"
PAYLOAD_INDEX = "payload.json"
SAMPLE_FILES = {"text/csv": "sample_payload.csv", "application/json": "sample_payload.json"}
MAX_ROWS_PER_REQUEST = 10000

logger = logging.getLogger("payload")


def _setting(environ_vars: dict[str, str], name: str) -> str:
    """An optional env var; empty counts as unset (the default applies)."""
    return (environ_vars.get(name) or "").strip() or OPTIONAL_ENV_VARS[name]


def _is_value(value) -> bool:
    """A number (finite, not a bool) or a string: what a feature value may be."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(value)
    return isinstance(value, str)


def parse_settings(environ_vars: dict[str, str]) -> dict:
    content_types = [t.strip() for t in _setting(environ_vars, "CONTENT_TYPES").split(",") if t.strip()]
    unknown = [t for t in content_types if t not in SAMPLE_FILES]
    if unknown or not content_types:
        raise UserError(f"CONTENT_TYPES must list some of {sorted(SAMPLE_FILES)}, got {environ_vars.get('CONTENT_TYPES')!r}")
    if len(set(content_types)) != len(content_types):
        raise UserError(f"CONTENT_TYPES lists a content type twice: {content_types}")

    raw = _setting(environ_vars, "DEFAULT_VALUES")
    try:
        defaults = json.loads(raw)
    except ValueError as err:
        raise UserError(f"DEFAULT_VALUES must be a JSON object of feature -> value: {err}") from None
    if not isinstance(defaults, dict):
        raise UserError(f"DEFAULT_VALUES must be a JSON object of feature -> value, got {raw!r}")
    bad = sorted(k for k, v in defaults.items() if not _is_value(v))
    if bad:
        raise UserError(f"DEFAULT_VALUES values must be numbers or strings; these are not: {bad}")

    raw = _setting(environ_vars, "DEFAULT_VALUE")
    try:
        fallback = json.loads(raw)  # keeps 0 an int and 0.5 a float
    except ValueError:
        fallback = None
    if not _is_value(fallback) or isinstance(fallback, str):
        raise UserError(f"DEFAULT_VALUE must be a number, got {raw!r}")

    raw = _setting(environ_vars, "ROWS_PER_REQUEST")
    try:
        rows = int(raw)
    except ValueError:
        rows = 0
    if not 1 <= rows <= MAX_ROWS_PER_REQUEST:
        raise UserError(f"ROWS_PER_REQUEST must be an integer from 1 to {MAX_ROWS_PER_REQUEST}, got {raw!r}")
    return {"content_types": content_types, "default_values": defaults, "default_value": fallback, "rows": rows}


def _archive_member(archive: str, name: str):
    """The bytes of the top-level file `name` in a tar.gz (as name or ./name), or None."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            for member in tar:
                parts = [p for p in member.name.split("/") if p not in ("", ".")]
                if member.isfile() and parts == [name]:
                    return tar.extractfile(member).read()
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as err:  # not a (complete) tar.gz
        raise UserError(f"cannot read {archive}: {err}") from None
    return None


def _model_file(folder: str, name: str) -> tuple[bytes | None, str]:
    """The bytes of `name` from folder/model.tar.gz when there is one, else from the folder (None
    when absent), and where it was looked for."""
    if not os.path.isdir(folder):
        raise UserError(f"model input {folder} does not exist")
    archive = os.path.join(folder, MODEL_ARCHIVE)
    if os.path.isfile(archive):
        return _archive_member(archive, name), archive
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        return None, folder
    with open(path, "rb") as f:
        return f.read(), folder


def _model_json(folder: str, name: str):
    data, where = _model_file(folder, name)
    if data is None:
        return None, where
    try:
        return json.loads(data.decode("utf-8")), where
    except ValueError as err:
        raise UserError(f"{name} in {where} is not JSON: {err}") from None


def read_feature_columns(folder: str) -> list[str]:
    """feature_columns.json from folder/model.tar.gz when there is one, else from the folder."""
    features, where = _model_json(folder, FEATURES_FILE)
    if features is None:
        raise UserError(f"no {FEATURES_FILE} in {where}; the model must list its feature columns")
    if not isinstance(features, list) or not features or not all(isinstance(f, str) and f for f in features):
        raise UserError(f"{FEATURES_FILE} in {where} must be a non-empty list of column names")
    if len(set(features)) != len(features):
        raise UserError(f"{FEATURES_FILE} in {where} lists a column twice")
    return features


def read_input_example(folder: str, features: list[str]) -> dict:
    """The model's typical input row (input_example.json) with its usable values; {} when it has none."""
    example, where = _model_json(folder, EXAMPLE_FILE)
    if example is None:
        return {}
    if not isinstance(example, dict):
        raise UserError(f"{EXAMPLE_FILE} in {where} must be a JSON object of feature -> value")
    return {f: v for f, v in example.items() if f in features and _is_value(v)}


def _csv_text(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def render(content_type: str, features: list[str], record: dict, rows: int) -> str:
    if content_type == "text/csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for _ in range(rows):
            writer.writerow([_csv_text(record[f]) for f in features])
        return buffer.getvalue()
    # application/json: keys in model order, so the body reads like the CSV.
    return json.dumps([record] * rows, ensure_ascii=False)


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    settings = parse_settings(environ_vars)
    features = read_feature_columns(input_paths["model"])
    unknown = sorted(set(settings["default_values"]) - set(features))
    if unknown:  # most likely a typo: refuse rather than silently send the fallback value
        raise UserError(f"DEFAULT_VALUES names columns the model does not have: {unknown}; "
                        f"its features are {features}")
    example = read_input_example(input_paths["model"], features)
    record = {f: settings["default_values"].get(f, example.get(f, settings["default_value"])) for f in features}
    logger.info("%d features; %d set in DEFAULT_VALUES, %d from the model's input example, the others %r",
                len(features), len(settings["default_values"]), len(example), settings["default_value"])

    samples = []
    for content_type in settings["content_types"]:
        body = render(content_type, features, record, settings["rows"])
        samples.append({"file": SAMPLE_FILES[content_type], "content_type": content_type, "body": body})

    out_dir = output_paths["payload_sample"]
    os.makedirs(out_dir, exist_ok=True)
    write_reproducible_tar_gz(os.path.join(out_dir, PAYLOAD_ARCHIVE),
                              [(s["file"], s["body"].encode("utf-8")) for s in samples])
    index = {
        "archive": PAYLOAD_ARCHIVE,
        "content_types": settings["content_types"],
        "rows_per_request": settings["rows"],
        "feature_columns": features,
        "values": record,
        "samples": samples,
    }
    with open(os.path.join(out_dir, PAYLOAD_INDEX), "w", encoding="utf-8") as f:
        json.dump(index, f, indent=2, ensure_ascii=False)
        f.write("\n")
    logger.info("wrote %s and %s to %s", PAYLOAD_ARCHIVE, PAYLOAD_INDEX, out_dir)
    return {"features": len(features), "content_types": settings["content_types"],
            "files": [s["file"] for s in samples], "rows_per_request": settings["rows"]}


if __name__ == "__main__":
    run_processing_job("Payload", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS, OPTIONAL_ENV_VARS,
                       CLI_ARGS)
