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

import pandas as pd

from plc_step import StepEnv, UserError, checked_job_type, run_processing_job
from plc_tables import find_data_files, missing_value_tokens, read_table, write_table

# ---- Contract: plc's static checker reads these literals; keep them literal. ----
INPUT_PATHS = {"data": "/opt/ml/processing/input/data"}
OUTPUT_PATHS = {"processed_data": "/opt/ml/processing/output/data"}
REQUIRED_ENV_VARS = ["CURRENCY_COLUMN", "MONETARY_COLUMNS", "EXCHANGE_RATES"]
OPTIONAL_ENV_VARS = {"TARGET_CURRENCY": "USD", "DEFAULT_CURRENCY": "", "UNKNOWN_CURRENCY": "fail", "MISSING_VALUES": ""}
CLI_ARGS = {
    "--job-type": {"required": True, "choices": ["training", "validation", "testing", "calibration"]},
}

JOB_TYPES = CLI_ARGS["--job-type"]["choices"]
UNKNOWN_POLICIES = ("fail", "keep", "blank")

logger = logging.getLogger("currency_conversion")


# ---- settings ----

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
    env = StepEnv(environ_vars, OPTIONAL_ENV_VARS)
    missing = missing_value_tokens(env.raw("MISSING_VALUES"))
    currency_column = env.required("CURRENCY_COLUMN", "the column holding each row's currency code")
    monetary = [c.strip() for c in env.required("MONETARY_COLUMNS", "comma-separated columns to convert").split(",")
                if c.strip()]
    if not monetary:
        raise UserError("MONETARY_COLUMNS names no column")
    if len(set(monetary)) != len(monetary) or currency_column in monetary:
        raise UserError(f"MONETARY_COLUMNS must name distinct columns other than CURRENCY_COLUMN, got {monetary}")
    target = _code(env.raw("TARGET_CURRENCY"))
    if not target:
        raise UserError("TARGET_CURRENCY must not be empty")
    rates = parse_rates(env.required("EXCHANGE_RATES", "currency code -> rate into the target currency"), target)
    default_currency = _code(env.raw("DEFAULT_CURRENCY")) or None
    if default_currency and default_currency not in rates:
        raise UserError(f"DEFAULT_CURRENCY {default_currency} has no rate in EXCHANGE_RATES")
    policy = env.choice("UNKNOWN_CURRENCY", UNKNOWN_POLICIES)
    job_type = checked_job_type(job_args, JOB_TYPES)
    settings = {"currency_column": currency_column, "monetary_columns": monetary, "rates": rates,
                "default_currency": default_currency, "unknown": policy}
    logger.info("converting %s into %s with rates %s", monetary, target, rates)

    data_dir = input_paths["data"]
    files = find_data_files(data_dir)
    logger.info("found %d file(s) under %s", len(files), data_dir)
    report: dict[str, dict] = {}
    for name in files:
        out, counts = convert(read_table(os.path.join(data_dir, name), missing), name, settings)
        if counts["unknown"]:
            logger.warning("%s: no rate for %s (row counts); amounts %s", name, counts["unknown"],
                           "kept" if policy == "keep" else "blanked")
        write_table(out, os.path.join(output_paths["processed_data"], name))
        report[name] = {"rows": int(len(out)), **counts}
        logger.info("wrote %s: %s", name, report[name])

    return {"job_type": job_type, "target_currency": target, "files": report}


if __name__ == "__main__":
    run_processing_job("CurrencyConversion", main, logger, INPUT_PATHS, OUTPUT_PATHS, REQUIRED_ENV_VARS,
                       OPTIONAL_ENV_VARS, CLI_ARGS)
