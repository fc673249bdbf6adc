"""Tests for xgboost_model_inference.py with tiny models trained here and tiny generated CSVs."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd
import xgboost as xgb

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import xgboost_model_inference as inf  # noqa: E402
from test_xgboost_model_eval import FEATURES, make_table, train_model  # noqa: E402


class XGBoostModelInferenceTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.inputs = {"model": os.path.join(self.root, "model"), "eval_data": os.path.join(self.root, "data")}
        self.outputs = {"predictions": os.path.join(self.root, "predictions")}

    def write_data(self, table, *folders):
        folder = os.path.join(self.inputs["eval_data"], *folders)
        os.makedirs(folder, exist_ok=True)
        table.to_csv(os.path.join(folder, "part.csv.gz"), index=False, compression="gzip")

    def run_main(self, job_type="testing", **env):
        return inf.main(self.inputs, self.outputs, env, argparse.Namespace(job_type=job_type))

    def predictions(self):
        return pd.read_csv(os.path.join(self.outputs["predictions"], "predictions.csv"))

    def test_unlabelled_data_from_model_tar_gz(self):
        booster = train_model(self.inputs["model"], make_table(60), tar=True)
        data = make_table(25, seed=1).drop(columns="label")
        self.write_data(data)
        summary = self.run_main(ID_FIELD="id", LABEL_FIELD="label")  # label configured but absent: fine

        out = self.predictions()
        self.assertEqual(list(out.columns), ["id", "prob_class_0", "prob_class_1"])
        self.assertEqual(list(out["id"]), list(data["id"]))
        np.testing.assert_allclose(out["prob_class_1"], booster.predict(xgb.DMatrix(data[FEATURES])), rtol=1e-5)
        self.assertEqual(summary["rows"], 25)
        self.assertEqual(os.listdir(self.outputs["predictions"]), ["predictions.csv"])  # no metrics

    def test_label_copied_when_present(self):
        train_model(self.inputs["model"], make_table(90, classes=3), objective="multi:softprob")
        data = make_table(20, classes=3, seed=1)
        self.write_data(data, "calibration")
        summary = self.run_main(job_type="calibration", LABEL_FIELD="label")
        out = self.predictions()
        self.assertEqual(list(out.columns), ["label", "prob_class_0", "prob_class_1", "prob_class_2"])
        self.assertEqual(list(out["label"]), list(data["label"]))
        self.assertEqual(summary["classes"], 3)

    def test_user_errors(self):
        train_model(self.inputs["model"], make_table(60))
        self.write_data(make_table(10, seed=1).drop(columns="f3"))
        with self.assertRaisesRegex(inf.UserError, "ID_FIELD and LABEL_FIELD are both"):
            self.run_main(ID_FIELD="x", LABEL_FIELD="x")
        with self.assertRaisesRegex(inf.UserError, r"lacks the model's feature columns \['f3'\]"):
            self.run_main()
        with self.assertRaisesRegex(inf.UserError, "id column 'key' not found"):
            self.run_main(ID_FIELD="key")


class CommandLineTest(unittest.TestCase):
    def test_missing_model_fails_cleanly(self):
        # No env var is required; outside a container the model folder is missing.
        env = {k: v for k, v in os.environ.items() if k not in inf.OPTIONAL_ENV_VARS}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "xgboost_model_inference.py"),
                                 "--job-type", "testing"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        if not os.path.exists(inf.INPUT_PATHS["model"]):
            self.assertIn("model folder /opt/ml/processing/input/model does not exist", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
