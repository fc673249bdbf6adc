"""plc built-in step StratifiedSampling: sample a labelled table class by class.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input. The files of each
folder (train/, val/, <job type>/, ... or the input root) are sampled together,
and each file's sampled rows are written, in their original order, to the same
relative path under `processed_data`. For the training job type, test/ is
copied unchanged so evaluation sees the true class mix.

Each folder keeps `target` rows: SAMPLE_FRACTION of its labelled rows, or when
unset (number of classes) x (size of the smallest class). STRATEGY shares the
target among the classes:
  balanced          the same number per class
  proportional_min  in proportion to class size
  optimal           Neyman allocation: in proportion to class size times the
                    standard deviation of VARIANCE_COLUMN within the class
                    (proportional when VARIANCE_COLUMN is unset)
Every class keeps at least MIN_SAMPLES_PER_CLASS rows (or all it has); no class
is sampled with replacement. Rows without a label are dropped.
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import argparse
import logging
import math
import os
import shutil

import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job
from plc_tables import concat_tables, find_data_files, missing_value_tokens, read_table, write_table

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output/data"}
REQUIRED_ENV_VARS = ["LABEL_FIELD"]
OPTIONAL_ENV_VARS = {
    "STRATEGY": "balanced",
    "SAMPLE_FRACTION": "",
    "MIN_SAMPLES_PER_CLASS": "10",
    "VARIANCE_COLUMN": "",
    "RANDOM_SEED": "42",
    "MISSING_VALUES": "",
}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
STRATEGIES = ("balanced", "proportional_min", "optimal")
UNSAMPLED_TRAINING_FOLDERS = ("test",)
SOURCE_COLUMN = "__plc_source_file__"

logger = logging.getLogger("stratified_sampling")


# ---- allocation and sampling ----

def allocate(sizes: dict, weights: dict, target: int, floor: int) -> dict:
    """Rows per class: n_h = min(N_h, max(floor, lam * w_h)) with lam chosen so the total is
    `target`, rounded to whole rows by largest remainder. Floors win over the target."""
    if target >= sum(sizes.values()):
        return dict(sizes)
    low = {h: min(floor, n) for h, n in sizes.items()}
    if sum(low.values()) >= target:
        return low

    def share(lam: float) -> dict:
        return {h: min(float(sizes[h]), max(float(low[h]), lam * weights[h])) for h in sizes}

    hi = max((sizes[h] / weights[h] for h in sizes if weights[h] > 0), default=0.0)
    lo = 0.0
    for _ in range(200):  # bisection: share() grows with lam and reaches every cap at hi
        mid = (lo + hi) / 2
        if sum(share(mid).values()) < target:
            lo = mid
        else:
            hi = mid
    real = share(hi)
    counts = {h: min(sizes[h], int(math.floor(v + 1e-9))) for h, v in real.items()}
    short = target - sum(counts.values())
    by_remainder = sorted(real, key=lambda h: (-(real[h] - counts[h]), str(h)))
    for h in by_remainder:
        if short <= 0:
            break
        if counts[h] < sizes[h] and weights[h] > 0:
            counts[h] += 1
            short -= 1
    return counts


def _weights(df: pd.DataFrame, label: str, sizes: dict, strategy: str, variance_column: str | None) -> dict:
    if strategy == "balanced":
        return {h: 1.0 for h in sizes}
    if strategy == "optimal" and variance_column:
        std = df.groupby(label)[variance_column].std(ddof=1).fillna(0.0)
        weights = {h: sizes[h] * float(std.get(h, 0.0)) for h in sizes}
        if sum(weights.values()) > 0:
            return weights
        logger.warning("%r does not vary within any class; using proportional allocation", variance_column)
    return {h: float(n) for h, n in sizes.items()}


def sample_folder(df: pd.DataFrame, label: str, settings: dict) -> tuple[pd.DataFrame, dict]:
    """The sampled rows in their original order, and {class: {rows, kept}}."""
    sizes = {h: int(n) for h, n in df[label].value_counts().sort_index().items()}
    if not sizes:
        return df, {}
    if settings["fraction"] is not None:
        target = max(1, int(round(settings["fraction"] * len(df))))
    else:
        target = len(sizes) * min(sizes.values())
    weights = _weights(df, label, sizes, settings["strategy"], settings["variance_column"])
    counts = allocate(sizes, weights, target, settings["min_per_class"])
    parts = [
        df[df[label] == h].sample(n=counts[h], random_state=settings["seed"])
        for h in sizes if counts[h] > 0
    ]
    kept = pd.concat(parts).sort_index() if parts else df.iloc[0:0]
    return kept, {str(_plain(h)): {"rows": sizes[h], "kept": int(counts[h])} for h in sizes}


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    missing = missing_value_tokens(env.raw("MISSING_VALUES"))
    label = env.required("LABEL_FIELD", "the name of the label column")
    strategy = env.choice("STRATEGY", STRATEGIES)
    fraction = env.number("SAMPLE_FRACTION", float, 0, 1, blank_is_none=True)
    if fraction == 0:
        raise UserError("SAMPLE_FRACTION must be above 0")
    settings = {
        "strategy": strategy,
        "fraction": fraction,
        "min_per_class": env.number("MIN_SAMPLES_PER_CLASS", int, 0, 2**31, blank_is_none=True),
        "variance_column": env.text("VARIANCE_COLUMN") or None,
        "seed": env.number("RANDOM_SEED", int, 0, 2**32 - 1, blank_is_none=True),
    }
    job_type = checked_job_type(job_args, JOB_TYPES)

    data_dir, out_dir = input_paths["data"], output_paths["processed_data"]
    files = find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    folders: dict[str, list[str]] = {}
    for name in files:
        folders.setdefault(os.path.dirname(name), []).append(name)

    report: dict[str, dict] = {}
    for folder, names in folders.items():
        shown = folder or "."
        if job_type == "training" and folder.split(os.sep)[0] in UNSAMPLED_TRAINING_FOLDERS:
            for name in names:
                os.makedirs(os.path.dirname(os.path.join(out_dir, name)), exist_ok=True)
                shutil.copyfile(os.path.join(data_dir, name), os.path.join(out_dir, name))
            report[shown] = {"copied": names}
            logger.info("copied %s unchanged", shown)
            continue
        tables = []
        for name in names:
            table = read_table(os.path.join(data_dir, name), missing)
            if label not in table.columns:
                raise UserError(f"label column {label!r} not in {name}; columns are {list(table.columns)}")
            if settings["variance_column"] and settings["variance_column"] not in table.columns:
                raise UserError(f"VARIANCE_COLUMN {settings['variance_column']!r} not in {name}")
            tables.append(table.assign(**{SOURCE_COLUMN: name}))
        df = concat_tables(tables, names)
        variance_column = settings["variance_column"]
        if strategy == "optimal" and variance_column and not pd.api.types.is_numeric_dtype(df[variance_column]):
            raise UserError(f"VARIANCE_COLUMN {variance_column!r} must be numeric, it has dtype {df[variance_column].dtype}")
        unlabelled = int(df[label].isna().sum())
        if unlabelled:
            logger.warning("%s: dropping %d row(s) without a %r value", shown, unlabelled, label)
        kept, classes = sample_folder(df[df[label].notna()], label, settings)
        for name in names:
            part = kept[kept[SOURCE_COLUMN] == name].drop(columns=SOURCE_COLUMN)
            write_table(part, os.path.join(out_dir, name))
        report[shown] = {"rows": int(len(df)), "kept": int(len(kept)), "classes": classes}
        logger.info("%s: kept %d of %d rows; per class: %s", shown, len(kept), len(df), classes)

    return {"job_type": job_type, "strategy": strategy, "folders": report}


if __name__ == "__main__":
    run_processing_job("StratifiedSampling", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
