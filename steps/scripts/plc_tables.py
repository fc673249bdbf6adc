"""Tabular data files for plc's built-in step scripts.

Shipped next to a step's entry point through `script.include` in its step document, together
with plc_step.py, which it imports. Needs pandas only (every plc image has it); Parquet needs a
Parquet engine, and a missing one is reported as a UserError.

  find_data_files, read_table, write_table, concat_tables, read_tables
      every CSV (.csv, .csv.gz) or Parquet file below a folder, read one by one and written back
      at the same relative path, so a train/ val/ test/ (or <job type>/) layout is kept
  fitting_files, read_fitting_data, load_fitted
      the fit/apply pattern: fit on the train/ files, apply the artifact the training job wrote
  csv_files, read_csvs, concat_csvs, find_split_folder, write_with_column
      the CSVs of a folder as one table, the split folder of TabularPreprocessing's output, and a
      table written back with one more column
  missing_value_tokens, read_csv
      the missing-value tokens of a step (MISSING_VALUES): the empty field, plus those listed;
      "NA", "None" and pandas' other default tokens stay values, as they may be real categories
  check_features, read_training_splits, training_features, encode_categories
      a model's feature columns: present, numeric or encoded as category codes
"""
from __future__ import annotations  # the container's Python may predate 3.9 generics

import logging
import os

import pandas as pd

from plc_step import UserError, find_named, read_json

DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")
CSV_SUFFIXES = (".csv", ".csv.gz")
SPLIT_FOLDERS = ("train", "val", "test")  # TabularPreprocessing's training output
# Sub-folders tried in order for each job type before falling back to the whole input folder.
DATA_SUBFOLDERS = {
    "training": ["training", "test"],
    "validation": ["validation", "val"],
    "testing": ["testing", "test"],
    "calibration": ["calibration"],
}


# What a CSV field that is missing looks like when a step is told nothing else: empty. plc's steps
# write missing values as empty fields, so what one step writes the next reads back the same.
DEFAULT_MISSING = ("",)


def missing_value_tokens(raw: str) -> tuple[str, ...]:
    """The empty field plus the comma-separated tokens of raw (a step's MISSING_VALUES), each
    compared exactly (case and spaces matter)."""
    return DEFAULT_MISSING + tuple(t for t in raw.split(",") if t != "")


def read_csv(path: str, missing: tuple[str, ...] = DEFAULT_MISSING) -> pd.DataFrame:
    """A CSV file (compression inferred from .gz) where exactly the `missing` tokens are missing:
    pandas' own list would erase categories such as "NA" or "None"."""
    try:
        return pd.read_csv(path, keep_default_na=False, na_values=list(missing))
    except ValueError as err:  # empty or malformed CSV
        raise UserError(f"cannot read {path}: {err}") from None


def _strip_names(table: pd.DataFrame) -> pd.DataFrame:
    table.columns = [str(c).strip() for c in table.columns]
    return table


# ---------------------------------------------------------------- files kept at their relative path


def find_data_files(folder: str, suffixes: tuple[str, ...] = DATA_SUFFIXES, skip_hidden: bool = True) -> list[str]:
    """Data files below folder, as sorted paths relative to it; hidden files (.name) are skipped."""
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    found = [
        os.path.relpath(os.path.join(root, name), folder)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(suffixes) and not (skip_hidden and name.startswith("."))
    ]
    if not found:
        raise UserError(f"no {', '.join(suffixes)} files under {folder}")
    return sorted(found)


def read_table(path: str, missing: tuple[str, ...] = DEFAULT_MISSING) -> pd.DataFrame:
    """A CSV (see read_csv) or Parquet file, column names stripped and distinct."""
    if path.lower().endswith(".parquet"):
        try:
            table = pd.read_parquet(path)
        except (ImportError, ValueError) as err:  # no parquet engine; malformed file
            raise UserError(f"cannot read {path}: {err}") from None
    else:
        table = read_csv(path, missing)
    _strip_names(table)
    if len(set(table.columns)) != len(table.columns):
        raise UserError(f"{path} has duplicate column names after stripping spaces: {list(table.columns)}")
    return table


def write_table(table: pd.DataFrame, path: str) -> None:
    """table at path, in the format its name says, without the index."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.lower().endswith(".parquet"):
        table.to_parquet(path, index=False)
    else:
        table.to_csv(path, index=False)  # compression inferred from .gz


def concat_tables(tables: list[pd.DataFrame], names: list[str]) -> pd.DataFrame:
    """The tables one after the other, in the first one's column order; they must have the same columns."""
    columns = list(tables[0].columns)
    for name, table in zip(names, tables):
        # Silently unioning different schemas would fill columns with NaN; refuse instead.
        if set(table.columns) != set(columns):
            raise UserError(f"{name} has columns {list(table.columns)}, but {names[0]} has {columns}")
    return pd.concat([t[columns] for t in tables], ignore_index=True)


def read_tables(folder: str, files: list[str], missing: tuple[str, ...] = DEFAULT_MISSING) -> pd.DataFrame:
    """The files (relative to folder) as one table."""
    return concat_tables([read_table(os.path.join(folder, f), missing) for f in files], files)


# ---------------------------------------------------------------- fit / apply


def fitting_files(files: list[str]) -> list[str]:
    """The train/ files of a train/val/test layout, else every file."""
    train = [f for f in files if f.split(os.sep)[0] == "train" and os.sep in f]
    return train or files


def read_fitting_data(folder: str, files: list[str], label: str,
                      missing: tuple[str, ...] = DEFAULT_MISSING) -> tuple[list[str], pd.DataFrame]:
    """The files to fit on (see fitting_files) and their rows as one table, which has the label column."""
    fit_files = fitting_files(files)
    train = read_tables(folder, fit_files, missing)
    if label not in train.columns:
        raise UserError(f"label column {label!r} not found; columns are {list(train.columns)}")
    return fit_files, train


def load_fitted(folder: str | None, file_name: str, file_format: str, what: str, port: str, step: str,
                valid) -> dict:
    """The JSON artifact file_name a training job wrote to its `port` output, found below folder.

    It must be an object with "format": file_format for which valid(artifact) holds; `what`
    names the folder and `step` the writer, for the errors.
    """
    if not folder or not os.path.isdir(folder):
        raise UserError(f"{what} folder {folder} does not exist; bind the {port} input "
                        f"to the training job's {port} output")
    found = find_named(folder, file_name)
    if not found:
        raise UserError(f"no {file_name} under {folder}")
    artifact = read_json(found[0])
    if not isinstance(artifact, dict) or artifact.get("format") != file_format or not valid(artifact):
        raise UserError(f"{found[0]} is not a {file_format} file written by {step}")
    return artifact


# ---------------------------------------------------------------- a folder of CSVs as one table


def csv_files(folder: str) -> list[str]:
    """The CSV files below folder, sorted (none when it does not exist)."""
    return sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(CSV_SUFFIXES)
    )


def _existing_csv_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        raise UserError(f"input folder {folder} does not exist")
    files = csv_files(folder)
    if not files:
        raise UserError(f"no CSV files under {folder}")
    return files


def read_csvs(folder: str, logger: logging.Logger) -> pd.DataFrame:
    """Every CSV below folder as one table; column names are stripped and must match between files."""
    files = _existing_csv_files(folder)
    tables = [_strip_names(read_csv(path)) for path in files]
    data = concat_tables(tables, files)
    logger.info("read %d file(s) from %s", len(files), folder)
    return data


def concat_csvs(folder: str) -> pd.DataFrame:
    """Every CSV below folder, concatenated as pandas reads them (a training split)."""
    files = _existing_csv_files(folder)
    return pd.concat([read_csv(path) for path in files], ignore_index=True)


def find_split_folder(data_dir: str, job_type: str) -> str:
    """The sub-folder of data_dir holding the job type's split (see DATA_SUBFOLDERS), else data_dir."""
    if not os.path.isdir(data_dir):
        raise UserError(f"input folder {data_dir} does not exist")
    for name in DATA_SUBFOLDERS[job_type]:
        candidate = os.path.join(data_dir, name)
        if os.path.isdir(candidate) and csv_files(candidate):
            return candidate
    splits = [name for name in SPLIT_FOLDERS if os.path.isdir(os.path.join(data_dir, name))]
    if splits:  # a training split's output: reading it whole would mix train, val and test rows
        raise UserError(f"{data_dir} has {splits} sub-folders but none for job type {job_type} "
                        f"(looked for {DATA_SUBFOLDERS[job_type]})")
    return data_dir


def write_with_column(data: pd.DataFrame, column: str, values, folder: str, file_name: str, what: str,
                logger: logging.Logger) -> None:
    """data plus `column` (replaced when it exists, with a warning) written to folder/file_name as CSV;
    `what` names the values in the warning."""
    if column in data.columns:
        logger.warning("replacing the existing column %r with the %s", column, what)
    out = data.copy()
    out[column] = values
    os.makedirs(folder, exist_ok=True)
    out.to_csv(os.path.join(folder, file_name), index=False)


# ---------------------------------------------------------------- feature columns


def _require_numeric(data: pd.DataFrame, features: list[str]) -> None:
    not_numeric = [c for c in features if not pd.api.types.is_numeric_dtype(data[c])]
    if not_numeric:
        raise UserError(f"feature columns must be numeric; these are not: {not_numeric}")


def check_features(data: pd.DataFrame, features: list[str], categories: dict[str, list[str]] | None = None) -> None:
    """data has a model's feature columns, numeric except those the model encodes as categories."""
    missing = [c for c in features if c not in data.columns]
    if missing:
        raise UserError(f"data lacks the model's feature columns {missing}")
    _require_numeric(data, [c for c in features if c not in (categories or {})])


def read_training_splits(data_dir: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The train/ and val/ CSVs of TabularPreprocessing's training output."""
    return concat_csvs(os.path.join(data_dir, "train")), concat_csvs(os.path.join(data_dir, "val"))


def training_features(train: pd.DataFrame, val: pd.DataFrame, label: str, exclude: tuple[str, ...] = (),
                      selected: list[str] | None = None, text_ok: bool = False) -> list[str]:
    """The feature columns: `selected` when given, else the columns of train other than the label
    and `exclude` (an id column, say). val must have them too; with text_ok, text columns are
    allowed (the caller encodes them), otherwise all must be numeric."""
    for name, df in (("train", train), ("val", val)):
        if label not in df.columns:
            raise UserError(f"label column {label!r} not in {name} data; columns are {list(df.columns)}")
    for column in exclude:
        if column and column not in train.columns:
            raise UserError(f"column {column!r} not in train data; columns are {list(train.columns)}")
    if selected:
        clash = [c for c in selected if c == label or c in exclude]
        if clash:
            raise UserError(f"the feature list names the label or id column: {clash}")
        absent = [c for c in selected if c not in train.columns]
        if absent:
            raise UserError(f"train data lacks the listed feature columns {absent}")
        features = list(selected)
    else:
        features = [c for c in train.columns if c != label and c not in exclude]
    missing = [c for c in features if c not in val.columns]
    if missing:
        raise UserError(f"val data lacks feature columns {missing}")
    if not text_ok:
        _require_numeric(train, features)
    return features


# ---------------------------------------------------------------- categories

CATEGORIES_FORMAT = "plc-categories/1"


def _as_text(column: pd.Series) -> pd.Series:
    """The values as text, missing ones left missing (1 and "1" are the same category)."""
    return column.where(column.isna(), column.astype(str))


def fit_categories(train: pd.DataFrame, features: list[str]) -> dict[str, list[str]]:
    """For each feature column that is not numeric, its distinct values (as text, sorted): a
    value's code is its index. Missing values are not a category; they stay missing."""
    return {c: sorted(_as_text(train[c]).dropna().unique().tolist()) for c in features
            if not pd.api.types.is_numeric_dtype(train[c])}


def encode_categories(data: pd.DataFrame, features: list[str], categories: dict[str, list[str]]) -> pd.DataFrame:
    """data's feature columns, with each category column replaced by its codes; a value the fit
    did not see, like a missing one, becomes NaN, which the trees route as missing."""
    out = data[features].copy()
    for column, values in categories.items():
        codes = {value: float(code) for code, value in enumerate(values)}
        out[column] = _as_text(out[column]).map(codes).astype(float)
    return out


def typical_row(train: pd.DataFrame, features: list[str], categories: dict[str, list[str]]) -> dict:
    """One realistic input row: each numeric feature's median and each category's most frequent
    value, from the training rows (a feature with no values at all gets None)."""
    row = {}
    for column in features:
        present = train[column].dropna()
        if present.empty:
            row[column] = None
        elif column in categories:
            row[column] = _as_text(present).value_counts().sort_index().idxmax()
        else:
            median = float(present.median())
            row[column] = int(median) if pd.api.types.is_integer_dtype(present) and median.is_integer() else median
    return row
