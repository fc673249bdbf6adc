"""Tests for missing_value_imputation.py on tiny generated CSVs."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

from step_test_support import SCRIPTS_DIR, FitApplyFolders  # sets sys.path

import missing_value_imputation as mvi  # noqa: E402

NAN = np.nan


def train_table():
    # age: mean 30, median 25; income: mean 3, median 2, mode 1; city: mode "rome"
    return pd.DataFrame({
        "age": [20, 25, NAN, 45, 25.0, 35],
        "income": [1, 1, 2, 8, NAN, 3],
        "city": ["rome", NAN, "rome", "oslo", "paris", "rome"],
        "label": [0, 1, NAN, 1, 0, 1],
    })


def holdout_table():
    return pd.DataFrame({
        "age": [NAN, 50.0],
        "income": [4, NAN],
        "city": [NAN, "oslo"],
        "label": [1, 0],
    })


class MissingValueImputationTest(FitApplyFolders):
    train_table = staticmethod(train_table)
    holdout_table = staticmethod(holdout_table)

    def run_main(self, job_type="training", params_in=None, **env):
        env.setdefault("LABEL_FIELD", "label")
        inputs = {"data": self.in_dir}
        if params_in is not None:
            inputs["imputation_params"] = params_in
        outputs = {"processed_data": self.out_dir, "imputation_params": self.artifacts_dir}
        return mvi.main(inputs, outputs, env, argparse.Namespace(job_type=job_type))

    def read_params(self):
        return self.read_artifact("imputation_params.json")

    def test_training_fits_on_train_split_and_imputes_every_split(self):
        self.write_split_layout()
        summary = self.run_main()

        params = self.read_params()
        self.assertEqual(params["fit_files"], [os.path.join("train", "train_processed_data.csv")])
        self.assertEqual(params["fit_rows"], 6)
        self.assertEqual(params["columns"], {
            "age": {"kind": "numeric", "strategy": "mean", "value": 30.0},
            "income": {"kind": "numeric", "strategy": "mean", "value": 3.0},
            "city": {"kind": "categorical", "strategy": "mode", "value": "rome"},
        })
        self.assertNotIn("label", params["columns"])

        train = self.read_output("train", "train_processed_data.csv")
        self.assertEqual(list(train["age"]), [20, 25, 30, 45, 25, 35])
        self.assertEqual(list(train["city"]), ["rome", "rome", "rome", "oslo", "paris", "rome"])
        self.assertTrue(np.isnan(train["label"][2]))  # the label is never imputed
        val = self.read_output("val", "val_processed_data.csv")
        self.assertEqual(list(val["age"]), [30.0, 50.0])
        self.assertEqual(list(val["income"]), [4.0, 3.0])
        self.assertEqual(list(val["city"]), ["rome", "oslo"])
        test = pd.read_csv(os.path.join(self.out_dir, "test", "test_processed_data.csv.gz"))
        pd.testing.assert_frame_equal(test, val)
        self.assertEqual(summary["filled"], {"age": 3, "income": 3, "city": 3})

    def test_strategies_constants_and_overrides(self):
        self.write(train_table(), "train", "part.csv")
        self.run_main(NUMERIC_STRATEGY="median", CATEGORICAL_STRATEGY="constant", CATEGORICAL_FILL_VALUE="none",
                      COLUMN_STRATEGIES=" income = mode , age=constant", NUMERIC_FILL_VALUE="-1")
        columns = self.read_params()["columns"]
        self.assertEqual(columns["age"], {"kind": "numeric", "strategy": "constant", "value": -1})
        self.assertEqual(columns["income"], {"kind": "numeric", "strategy": "mode", "value": 1.0})
        self.assertEqual(columns["city"], {"kind": "categorical", "strategy": "constant", "value": "none"})
        out = self.read_output("train", "part.csv")
        self.assertEqual(list(out["age"]), [20, 25, -1, 45, 25, 35])
        self.assertEqual(list(out["city"]), ["rome", "none", "rome", "oslo", "paris", "rome"])

    def test_skip_override_and_median(self):
        self.write(train_table(), "data.csv")  # flat layout: fitted on every file
        self.run_main(NUMERIC_STRATEGY="median", COLUMN_STRATEGIES="city=skip")
        params = self.read_params()
        self.assertEqual(params["columns"]["age"]["value"], 25.0)
        self.assertEqual(params["columns"]["income"]["value"], 2.0)
        self.assertNotIn("city", params["columns"])
        self.assertEqual(params["skipped"], ["city"])
        out = self.read_output("data.csv")
        self.assertEqual(int(out["city"].isna().sum()), 1)

    def test_other_job_type_applies_fitted_params(self):
        self.write_split_layout()
        self.run_main()  # training: writes the params
        fitted = self.artifacts_dir

        # A calibration run on another data set and with other settings: only the fitted values apply.
        self._tmp2 = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp2.cleanup)
        self.in_dir = os.path.join(self._tmp2.name, "input")
        self.out_dir = os.path.join(self._tmp2.name, "output", "data")
        self.artifacts_dir = os.path.join(self._tmp2.name, "output", "artifacts")
        self.write(holdout_table(), "calibration", "calibration_processed_data.csv")
        summary = self.run_main(job_type="calibration", params_in=fitted, NUMERIC_STRATEGY="median")

        out = self.read_output("calibration", "calibration_processed_data.csv")
        self.assertEqual(list(out["age"]), [30.0, 50.0])
        self.assertEqual(list(out["income"]), [4.0, 3.0])
        self.assertEqual(list(out["city"]), ["rome", "oslo"])
        self.assertEqual(summary["filled"], {"age": 1, "income": 1, "city": 1})
        self.assertFalse(os.path.exists(self.artifacts_dir))  # nothing is fitted or written
        self.assertEqual(os.listdir(os.path.join(self._tmp2.name, "output")), ["data"])

    def test_column_with_no_values_is_left_alone(self):
        table = train_table().assign(empty=NAN)
        self.write(table, "train", "part.csv")
        self.run_main()
        params = self.read_params()
        self.assertNotIn("empty", params["columns"])
        self.assertIn("empty", params["skipped"])

    def test_user_errors(self):
        self.write_split_layout()
        with self.assertRaisesRegex(mvi.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD=" ")
        with self.assertRaisesRegex(mvi.UserError, "NUMERIC_STRATEGY must be one of"):
            self.run_main(NUMERIC_STRATEGY="average")
        with self.assertRaisesRegex(mvi.UserError, "CATEGORICAL_STRATEGY must be one of"):
            self.run_main(CATEGORICAL_STRATEGY="mean")
        with self.assertRaisesRegex(mvi.UserError, "NUMERIC_FILL_VALUE must be a number"):
            self.run_main(NUMERIC_FILL_VALUE="zero")
        with self.assertRaisesRegex(mvi.UserError, "column=strategy"):
            self.run_main(COLUMN_STRATEGIES="age")
        with self.assertRaisesRegex(mvi.UserError, "strategy for 'age' must be one of"):
            self.run_main(COLUMN_STRATEGIES="age=max")
        with self.assertRaisesRegex(mvi.UserError, r"not in the data: \['agee'\]"):
            self.run_main(COLUMN_STRATEGIES="agee=mean")
        with self.assertRaisesRegex(mvi.UserError, "label column 'label', which is never imputed"):
            self.run_main(COLUMN_STRATEGIES="label=mode")
        with self.assertRaisesRegex(mvi.UserError, "'city' is not numeric"):
            self.run_main(COLUMN_STRATEGIES="city=median")
        with self.assertRaisesRegex(mvi.UserError, "'target' not found"):
            self.run_main(LABEL_FIELD="target")
        with self.assertRaisesRegex(mvi.UserError, "job-type"):
            self.run_main(job_type="scoring")

    def test_missing_or_bad_params_for_other_job_types(self):
        self.write(holdout_table(), "testing", "part.csv")
        with self.assertRaisesRegex(mvi.UserError, "does not exist; bind the imputation_params input"):
            self.run_main(job_type="testing")
        params_in = os.path.join(self._tmp.name, "params")
        os.makedirs(params_in)
        with self.assertRaisesRegex(mvi.UserError, "no imputation_params.json"):
            self.run_main(job_type="testing", params_in=params_in)
        with open(os.path.join(params_in, "imputation_params.json"), "w", encoding="utf-8") as f:
            json.dump({"age": 3}, f)
        with self.assertRaisesRegex(mvi.UserError, "not a plc-imputation/1 file"):
            self.run_main(job_type="testing", params_in=params_in)


class CommandLineTest(unittest.TestCase):
    def run_script(self, *args, env_drop=("LABEL_FIELD",)):
        env = {k: v for k, v in os.environ.items() if k not in env_drop}
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "missing_value_imputation.py"), *args],
                              env=env, capture_output=True, text=True, timeout=120)

    def test_missing_label_field_fails_cleanly(self):
        # Fails on the env check, before any /opt/ml path is read.
        result = self.run_script("--job-type", "validation")
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
