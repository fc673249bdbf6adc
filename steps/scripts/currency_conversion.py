"""plc built-in step CurrencyConversion: convert money columns to one currency.

Runs in the SageMaker scikit-learn 1.2-1 processing container. Reads every
CSV (.csv, .csv.gz) or Parquet file under the `data` input and writes each one,
converted, to the same relative path under `processed_data`, so the train/ val/
test/ (or <job type>/) layout is kept.

Each row's MONETARY_COLUMNS are multiplied by the rate of the currency named in
its CURRENCY_COLUMN. EXCHANGE_RATES gives, per currency code, how many units of
TARGET_CURRENCY one unit is worth, as a JSON object ({"EUR": 1.08}) or as
CODE=rate pairs (EUR=1.08,GBP=1.27); TARGET_CURRENCY itself has rate 1. Codes
are compared without case or surrounding spaces. Rows without a code use
DEFAULT_CURRENCY when set; codes without a rate are handled by UNKNOWN_CURRENCY:
fail (stop with an error), keep (leave the amounts) or blank (empty amounts).
The currency column itself is left as it is.
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
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output/data"}
REQUIRED_ENV_VARS = ["CURRENCY_COLUMN", "MONETARY_COLUMNS", "EXCHANGE_RATES"]
OPTIONAL_ENV_VARS = {"TARGET_CURRENCY": "USD", "DEFAULT_CURRENCY": "", "UNKNOWN_CURRENCY": "fail"}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}
# SageMaker shows the first 1 KB of this file as the job's ExitMessage.
EXIT_MESSAGE_FILE = "/opt/ml/output/message"

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
UNKNOWN_POLICIES = ("fail", "keep", "blank")
DATA_SUFFIXES = (".csv", ".csv.gz", ".parquet")

logger = logging.getLogger("currency_conversion")


class UserError(Exception):
    """Bad configuration or data: reported as one line, without a traceback."""


# ---- settings ----

def _required(environ_vars: dict[str, str], name: str, what: str) -> str:
    value = (environ_vars.get(name) or "").strip()
    if not value:
        raise UserError(f"environment variable {name} is required ({what})")
    return value


def _code(value) -> str:
    return str(value).strip().upper()


def parse_rates(raw: str, target: str) -> dict[str, float]:
    """EXCHANGE_RATES as {CODE: rate}, from a JSON object or CODE=rate pairs."""
    text = raw.strip()
    if text.startswith("{"):
        try:
            pairs = json.loads(text)
        except ValueError as err:
            raise UserError(f"EXCHANGE_RATES is not valid JSON: {err}") from None
        items = list(pairs.items())  # text starting with "{" can only load as an object
    else:
        items = []
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            code, sep, rate = part.partition("=")
            if not sep:
                raise UserError(f"EXCHANGE_RATES entries are CODE=rate, got {part!r}")
            items.append((code, rate.strip()))
    rates: dict[str, float] = {}
    for code, rate in items:
        key = _code(code)
        if not key:
            raise UserError("EXCHANGE_RATES has an empty currency code")
        if key in rates:
            raise UserError(f"EXCHANGE_RATES gives {key} twice")
        try:
            number = float(rate)
        except (TypeError, ValueError):
            raise UserError(f"EXCHANGE_RATES: rate of {key} must be a number, got {rate!r}") from None
        if isinstance(rate, bool) or not math.isfinite(number) or number <= 0:
            raise UserError(f"EXCHANGE_RATES: rate of {key} must be a positive number, got {rate!r}")
        rates[key] = number
    if not rates:
        raise UserError("EXCHANGE_RATES gives no rates")
    if rates.setdefault(target, 1.0) != 1.0:
        raise UserError(f"EXCHANGE_RATES gives the target currency {target} the rate {rates[target]}; it must be 1")
    return rates


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


# ---- conversion ----

def convert(table: pd.DataFrame, name: str, settings: dict) -> tuple[pd.DataFrame, dict]:
    """The converted table and counts: rows converted, defaulted, unknown (by code)."""
    currency_column, columns = settings["currency_column"], settings["monetary_columns"]
    missing = [c for c in [currency_column, *columns] if c not in table.columns]
    if missing:
        raise UserError(f"{name} lacks columns {missing}; its columns are {list(table.columns)}")
    out = table.copy()
    codes = out[currency_column].map(lambda v: None if pd.isna(v) or not str(v).strip() else _code(v))
    defaulted = int(codes.isna().sum())
    if settings["default_currency"]:
        codes = codes.fillna(settings["default_currency"])
    rates = codes.map(settings["rates"])
    unknown_mask = rates.isna()
    unknown = {str(k): int(v) for k, v in codes[unknown_mask].fillna("<missing>").value_counts().items()}
    if unknown and settings["unknown"] == "fail":
        raise UserError(f"{name}: no exchange rate for currency codes {unknown} (row counts); add them to "
                        "EXCHANGE_RATES, set DEFAULT_CURRENCY, or set UNKNOWN_CURRENCY to keep or blank")
    for column in columns:
        amounts = pd.to_numeric(out[column], errors="coerce")
        bad = out[column].notna() & amounts.isna()
        if bad.any():
            raise UserError(f"{name}: monetary column {column!r} has non-numeric values, e.g. "
                            f"{out.loc[bad, column].iloc[0]!r}")
        converted = amounts * rates
        if settings["unknown"] == "keep":
            converted = converted.where(~unknown_mask, amounts)
        out[column] = converted
    return out, {"converted": int((~unknown_mask).sum()), "defaulted": defaulted if settings["default_currency"] else 0,
                 "unknown": unknown}


def main(
    input_paths: dict[str, str],
    output_paths: dict[str, str],
    environ_vars: dict[str, str],
    job_args: argparse.Namespace,
) -> dict:
    # Validate every setting before touching any path, so config errors fail fast.
    currency_column = _required(environ_vars, "CURRENCY_COLUMN", "the column holding each row's currency code")
    monetary = [c.strip() for c in _required(environ_vars, "MONETARY_COLUMNS",
                                              "comma-separated columns to convert").split(",") if c.strip()]
    if not monetary:
        raise UserError("MONETARY_COLUMNS names no column")
    if len(set(monetary)) != len(monetary) or currency_column in monetary:
        raise UserError(f"MONETARY_COLUMNS must name distinct columns other than CURRENCY_COLUMN, got {monetary}")
    target = _code(environ_vars.get("TARGET_CURRENCY") or OPTIONAL_ENV_VARS["TARGET_CURRENCY"])
    if not target:
        raise UserError("TARGET_CURRENCY must not be empty")
    rates = parse_rates(_required(environ_vars, "EXCHANGE_RATES", "currency code -> rate into the target currency"),
                        target)
    default_currency = _code(environ_vars.get("DEFAULT_CURRENCY") or OPTIONAL_ENV_VARS["DEFAULT_CURRENCY"]) or None
    if default_currency and default_currency not in rates:
        raise UserError(f"DEFAULT_CURRENCY {default_currency} has no rate in EXCHANGE_RATES")
    policy = (environ_vars.get("UNKNOWN_CURRENCY") or OPTIONAL_ENV_VARS["UNKNOWN_CURRENCY"]).strip().lower()
    if policy not in UNKNOWN_POLICIES:
        raise UserError(f"UNKNOWN_CURRENCY must be one of {list(UNKNOWN_POLICIES)}, got {policy!r}")
    job_type = job_args.job_type
    if job_type not in JOB_TYPES:
        raise UserError(f"--job-type must be one of {JOB_TYPES}, got {job_type!r}")
    settings = {"currency_column": currency_column, "monetary_columns": monetary, "rates": rates,
                "default_currency": default_currency, "unknown": policy}
    logger.info("converting %s into %s with rates %s", monetary, target, rates)

    data_dir = input_paths["data"]
    files = _find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    report: dict[str, dict] = {}
    for name in files:
        out, counts = convert(_read_table(os.path.join(data_dir, name)), name, settings)
        if counts["unknown"]:
            logger.warning("%s: no rate for %s (row counts); amounts %s", name, counts["unknown"],
                           "kept" if policy == "keep" else "blanked")
        _write_table(out, os.path.join(output_paths["processed_data"], name))
        report[name] = {"rows": int(len(out)), **counts}
        logger.info("wrote %s: %s", name, report[name])

    return {"job_type": job_type, "target_currency": target, "files": report}


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
    parser = argparse.ArgumentParser(description="plc CurrencyConversion step")
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
