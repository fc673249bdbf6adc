"""Tests for risk_table_mapping.py on tiny generated CSVs."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

from step_test_support import SCRIPTS_DIR, FitApplyFolders  # sets sys.path

import risk_table_mapping as rtm  # noqa: E402

NAN = np.nan


def train_table():
    """20 rows, label rate 0.5. city: rome 8 rows (6 positive), oslo 10 (3 positive), paris 2 (1)."""
    city = ["rome"] * 8 + ["oslo"] * 10 + ["paris"] * 2
    label = [1] * 6 + [0] * 2 + [1] * 3 + [0] * 7 + [1, 0]
    return pd.DataFrame({
        "amount": np.arange(20, dtype=float),
        "city": city,
        "store": [7] * 10 + [9] * 10,  # numeric codes: encoded only when listed
        "label": label,
    })


def holdout_table():
    return pd.DataFrame({
        "amount": [1.0, 2.0, 3.0, 4.0],
        "city": ["rome", "lima", NAN, "oslo"],
        "store": [7.0, 9.0, NAN, 8.0],  # read as floats here: 7.0 must still match 7
        "label": [1, 0, 0, 1],
    })


class RiskTableMappingTest(FitApplyFolders):
    train_table = staticmethod(train_table)
    holdout_table = staticmethod(holdout_table)

    def run_main(self, job_type="training", tables_in=None, **env):
        env.setdefault("LABEL_FIELD", "label")
        inputs = {"data": self.in_dir}
        if tables_in is not None:
            inputs["risk_tables"] = tables_in
        outputs = {"processed_data": self.out_dir, "risk_tables": self.artifacts_dir}
        return rtm.main(inputs, outputs, env, argparse.Namespace(job_type=job_type))

    def read_tables(self):
        return self.read_artifact("risk_tables.json")

    def test_training_fits_smoothed_rates_on_train_split(self):
        self.write_split_layout()
        summary = self.run_main(SMOOTH_FACTOR="0.1", COUNT_THRESHOLD="3")

        tables = self.read_tables()
        self.assertEqual(tables["fit_files"], [os.path.join("train", "train_processed_data.csv")])
        self.assertEqual(tables["default_risk"], 0.5)
        self.assertEqual(sorted(tables["tables"]), ["city"])  # detected: the only non-numeric column
        bins = tables["tables"]["city"]["bins"]
        s = 0.1 * 20  # smoothing samples
        self.assertAlmostEqual(bins["rome"], (6 + s * 0.5) / (8 + s))
        self.assertAlmostEqual(bins["oslo"], (3 + s * 0.5) / (10 + s))
        self.assertEqual(bins["paris"], 0.5)  # seen twice, below COUNT_THRESHOLD
        self.assertEqual(summary["columns"], ["city"])

        train = self.read_output("train", "train_processed_data.csv")
        self.assertAlmostEqual(train["city"][0], bins["rome"])
        self.assertAlmostEqual(train["city"][10], bins["oslo"])
        self.assertEqual(list(train["store"]), [7] * 10 + [9] * 10)  # not encoded
        self.assertEqual(list(train["label"]), list(train_table()["label"]))
        val = self.read_output("val", "val_processed_data.csv")
        # unseen (lima) and missing values get the overall rate
        np.testing.assert_allclose(val["city"], [bins["rome"], 0.5, 0.5, bins["oslo"]])
        test = pd.read_csv(os.path.join(self.out_dir, "test", "test_processed_data.csv.gz"))
        pd.testing.assert_frame_equal(test, val)

    def test_no_smoothing_gives_raw_rates(self):
        self.write(train_table(), "data.csv")  # flat layout: fitted on every file
        self.run_main(SMOOTH_FACTOR="0", COUNT_THRESHOLD="0")
        bins = self.read_tables()["tables"]["city"]["bins"]
        self.assertEqual(bins, {"oslo": 0.3, "paris": 0.5, "rome": 0.75})

    def test_listed_columns_and_numeric_categories(self):
        self.write_split_layout()
        self.run_main(CATEGORICAL_COLUMNS="store", SMOOTH_FACTOR="0")
        tables = self.read_tables()
        self.assertEqual(sorted(tables["tables"]), ["store"])
        bins = tables["tables"]["store"]["bins"]
        self.assertEqual(bins, {"7": 0.8, "9": 0.2})  # store 7 (rows 0-9): 8 positive
        val = self.read_output("val", "val_processed_data.csv")
        np.testing.assert_allclose(val["store"], [0.8, 0.2, 0.5, 0.5])
        self.assertEqual(list(val["city"].fillna("-")), ["rome", "lima", "-", "oslo"])  # not listed: unchanged

    def test_high_cardinality_columns_are_not_detected(self):
        table = train_table().assign(order_id=[f"o{i}" for i in range(20)])
        self.write(table, "train", "part.csv")
        self.run_main(MAX_UNIQUE_VALUES="5")
        self.assertEqual(sorted(self.read_tables()["tables"]), ["city"])

    def test_other_job_type_applies_fitted_tables(self):
        self.write_split_layout()
        self.run_main(SMOOTH_FACTOR="0", COUNT_THRESHOLD="0")
        fitted = self.artifacts_dir

        self._tmp2 = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp2.cleanup)
        self.in_dir = os.path.join(self._tmp2.name, "input")
        self.out_dir = os.path.join(self._tmp2.name, "output", "data")
        self.artifacts_dir = os.path.join(self._tmp2.name, "output", "artifacts")
        # Labels of scoring data play no part; a missing label column is fine too.
        self.write(holdout_table().drop(columns="label"), "calibration", "part.csv")
        self.run_main(job_type="calibration", tables_in=fitted, SMOOTH_FACTOR="0.5")

        out = self.read_output("calibration", "part.csv")
        np.testing.assert_allclose(out["city"], [0.75, 0.5, 0.5, 0.3])
        self.assertFalse(os.path.exists(self.artifacts_dir))

    def test_label_must_be_binary(self):
        table = train_table()
        table.loc[0, "label"] = 2
        self.write(table, "train", "part.csv")
        with self.assertRaisesRegex(rtm.UserError, "must be 0 or 1"):
            self.run_main()

    def test_rows_without_label_are_not_fitted(self):
        table = train_table()
        table["label"] = table["label"].astype(float)
        table.loc[[0, 1], "label"] = NAN  # two positive rome rows lose their label
        self.write(table, "train", "part.csv")
        self.run_main(SMOOTH_FACTOR="0", COUNT_THRESHOLD="0")
        tables = self.read_tables()
        self.assertEqual(tables["fit_rows"], 18)
        self.assertEqual(tables["tables"]["city"]["bins"]["rome"], 4 / 6)

    def test_user_errors(self):
        self.write_split_layout()
        with self.assertRaisesRegex(rtm.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(rtm.UserError, "SMOOTH_FACTOR must be between"):
            self.run_main(SMOOTH_FACTOR="2")
        with self.assertRaisesRegex(rtm.UserError, "COUNT_THRESHOLD must be a whole number"):
            self.run_main(COUNT_THRESHOLD="2.5")
        with self.assertRaisesRegex(rtm.UserError, "more than once"):
            self.run_main(CATEGORICAL_COLUMNS="city,city")
        with self.assertRaisesRegex(rtm.UserError, r"not in the data: \['town'\]"):
            self.run_main(CATEGORICAL_COLUMNS="town")
        with self.assertRaisesRegex(rtm.UserError, "names the label column"):
            self.run_main(CATEGORICAL_COLUMNS="label")
        with self.assertRaisesRegex(rtm.UserError, "'target' not found"):
            self.run_main(LABEL_FIELD="target")
        with self.assertRaisesRegex(rtm.UserError, "job-type"):
            self.run_main(job_type="scoring")
        with self.assertRaisesRegex(rtm.UserError, "bind the risk_tables input"):
            self.run_main(job_type="validation")
        empty = os.path.join(self._tmp.name, "empty")
        os.makedirs(empty)
        with self.assertRaisesRegex(rtm.UserError, "no risk_tables.json"):
            self.run_main(job_type="validation", tables_in=empty)


class CommandLineTest(unittest.TestCase):
    def run_script(self, *args, env_drop=("LABEL_FIELD",)):
        env = {k: v for k, v in os.environ.items() if k not in env_drop}
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "risk_table_mapping.py"), *args],
                              env=env, capture_output=True, text=True, timeout=120)

    def test_missing_label_field_fails_cleanly(self):
        # Fails on the env check, before any /opt/ml path is read.
        result = self.run_script("--job-type", "training")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LABEL_FIELD is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)

    def test_missing_job_type_fails_cleanly(self):
        result = self.run_script()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--job-type", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


if __name__ == "__main__":
    unittest.main()
