"""Tests for currency_conversion.py on tiny generated CSVs."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import currency_conversion as cc  # noqa: E402

NAN = np.nan


def make_table():
    return pd.DataFrame({
        "price": [10.0, 20.0, 30.0, 40.0, 50.0],
        "fee": [1, 2, NAN, 4, 5],
        "cur": ["USD", " eur", "GBP", NAN, "EUR"],
        "label": [0, 1, 0, 1, 0],
    })


class CurrencyConversionTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out_dir = os.path.join(self._tmp.name, "output")
        os.makedirs(self.in_dir)

    def write(self, table, *parts, **kwargs):
        path = os.path.join(self.in_dir, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        table.to_csv(path, index=False, **kwargs)

    def run_main(self, job_type="training", **env):
        env.setdefault("CURRENCY_COLUMN", "cur")
        env.setdefault("MONETARY_COLUMNS", "price, fee")
        env.setdefault("EXCHANGE_RATES", '{"EUR": 1.1, "GBP": 1.25}')
        return cc.main({"data": self.in_dir}, {"processed_data": self.out_dir}, env,
                       argparse.Namespace(job_type=job_type))

    def read_output(self, *parts):
        return pd.read_csv(os.path.join(self.out_dir, *parts))

    def test_converts_every_split_keeping_layout(self):
        for split in ("train", "val"):
            self.write(make_table(), split, f"{split}_processed_data.csv")
        self.write(make_table(), "test", "test_processed_data.csv.gz", compression="gzip")
        summary = self.run_main(DEFAULT_CURRENCY="gbp")

        for name in ("train/train_processed_data.csv", "val/val_processed_data.csv", "test/test_processed_data.csv.gz"):
            out = self.read_output(*name.split("/"))
            np.testing.assert_allclose(out["price"], [10.0, 22.0, 37.5, 50.0, 55.0])
            np.testing.assert_allclose(out["fee"], [1.0, 2.2, NAN, 5.0, 5.5])
            self.assertEqual(list(out["cur"].fillna("-")), ["USD", " eur", "GBP", "-", "EUR"])  # unchanged
            self.assertEqual(list(out["label"]), [0, 1, 0, 1, 0])
        self.assertEqual(summary["files"][os.path.join("val", "val_processed_data.csv")],
                         {"rows": 5, "converted": 5, "defaulted": 1, "unknown": {}})

    def test_pairs_format_and_other_target(self):
        self.write(make_table().fillna({"cur": "EUR"}), "validation", "part.csv")
        self.run_main(job_type="validation", EXCHANGE_RATES="usd=0.9, GBP=1.15", TARGET_CURRENCY="eur")
        out = self.read_output("validation", "part.csv")
        np.testing.assert_allclose(out["price"], [9.0, 20.0, 34.5, 40.0, 50.0])

    def test_unknown_currency_policies(self):
        self.write(make_table(), "part.csv")  # row 3 has no currency and there is no default
        with self.assertRaisesRegex(cc.UserError, r"no exchange rate for currency codes \{'<missing>': 1\}"):
            self.run_main()
        self.run_main(UNKNOWN_CURRENCY="keep")
        np.testing.assert_allclose(self.read_output("part.csv")["price"], [10.0, 22.0, 37.5, 40.0, 55.0])
        summary = self.run_main(UNKNOWN_CURRENCY="blank", EXCHANGE_RATES="EUR=1.1")
        np.testing.assert_allclose(self.read_output("part.csv")["price"], [10.0, 22.0, NAN, NAN, 55.0])
        self.assertEqual(summary["files"]["part.csv"]["unknown"], {"<missing>": 1, "GBP": 1})

    def test_rate_parsing(self):
        self.assertEqual(cc.parse_rates('{"eur": 1.1, "USD": 1}', "USD"), {"EUR": 1.1, "USD": 1.0})
        self.assertEqual(cc.parse_rates("EUR=1.1,,", "USD"), {"EUR": 1.1, "USD": 1.0})
        for raw, message in [
            ("{bad json", "not valid JSON"),
            ("[1, 2]", "entries are CODE=rate"),
            ("EUR", "entries are CODE=rate"),
            ("EUR=x", "rate of EUR must be a number"),
            ("EUR=-1", "positive number"),
            ('{"EUR": true}', "positive number"),
            ("EUR=1,eur=2", "gives EUR twice"),
            ("USD=2", "target currency USD the rate 2.0"),
            (",", "gives no rates"),
        ]:
            with self.assertRaisesRegex(cc.UserError, message, msg=raw):
                cc.parse_rates(raw, "USD")

    def test_user_errors(self):
        self.write(make_table(), "part.csv")
        with self.assertRaisesRegex(cc.UserError, "CURRENCY_COLUMN is required"):
            self.run_main(CURRENCY_COLUMN="")
        with self.assertRaisesRegex(cc.UserError, "MONETARY_COLUMNS names no column"):
            self.run_main(MONETARY_COLUMNS=" , ")
        with self.assertRaisesRegex(cc.UserError, "distinct columns other than CURRENCY_COLUMN"):
            self.run_main(MONETARY_COLUMNS="price,cur")
        with self.assertRaisesRegex(cc.UserError, "DEFAULT_CURRENCY JPY has no rate"):
            self.run_main(DEFAULT_CURRENCY="JPY")
        with self.assertRaisesRegex(cc.UserError, "UNKNOWN_CURRENCY must be one of"):
            self.run_main(UNKNOWN_CURRENCY="ignore")
        with self.assertRaisesRegex(cc.UserError, r"lacks columns \['cost'\]"):
            self.run_main(MONETARY_COLUMNS="cost", UNKNOWN_CURRENCY="keep")
        self.write(make_table().assign(price="ten"), "part.csv")
        with self.assertRaisesRegex(cc.UserError, "'price' has non-numeric values, e.g. 'ten'"):
            self.run_main(UNKNOWN_CURRENCY="keep")


class CommandLineTest(unittest.TestCase):
    def test_missing_rates_fail_cleanly(self):
        env = {k: v for k, v in os.environ.items() if k not in cc.REQUIRED_ENV_VARS}
        env.update(CURRENCY_COLUMN="cur", MONETARY_COLUMNS="price")
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "currency_conversion.py"),
                                 "--job-type", "training"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("EXCHANGE_RATES is required", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
