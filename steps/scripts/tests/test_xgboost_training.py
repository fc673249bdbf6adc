"""Tests for xgboost_training.py on tiny generated CSVs."""
import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd
import xgboost as xgb

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import tabular_preprocessing as tp  # noqa: E402
import xgboost_training as xt  # noqa: E402


def make_table(rows, classes=2, seed=0):
    """3 numeric features; the label is learnable from f1 (integer codes 0..classes-1)."""
    rng = np.random.default_rng(seed)
    f1 = rng.normal(size=rows)
    edges = np.linspace(-1, 1, classes + 1)[1:-1]  # fixed, so train and val agree
    return pd.DataFrame({
        "f1": f1.round(4),
        "f2": rng.normal(size=rows).round(4),
        "f3": rng.integers(0, 10, size=rows),
        "label": np.digitize(f1, edges),
    })


class XGBoostTrainingTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.data_dir = os.path.join(self.root, "training_data")
        self.hp_path = os.path.join(self.root, "hyperparameters.json")
        self.outputs = {"model": os.path.join(self.root, "model"), "metrics": os.path.join(self.root, "output")}

    def write_split(self, name, table):
        os.makedirs(os.path.join(self.data_dir, name), exist_ok=True)
        table.to_csv(os.path.join(self.data_dir, name, f"{name}_processed_data.csv"), index=False)

    def write_hyperparameters(self, **values):
        # As SageMaker writes them: every value a string, some JSON-encoded, plus toolkit keys.
        raw = {"sagemaker_program": '"xgboost_training.py"', "sagemaker_region": '"us-east-1"'}
        raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in values.items()})
        with open(self.hp_path, "w") as f:
            json.dump(raw, f)

    def run_main(self):
        with contextlib.redirect_stdout(io.StringIO()):  # keep xgboost's per-round log out of test output
            return xt.main({"training_data": self.data_dir, "hyperparameters": self.hp_path},
                           self.outputs, {}, argparse.Namespace())

    def load_model(self):
        return xgb.Booster(model_file=os.path.join(self.outputs["model"], "xgboost_model.bst"))

    def read_json(self, *parts):
        with open(os.path.join(*parts)) as f:
            return json.load(f)

    def test_binary_model_and_outputs(self):
        self.write_split("train", make_table(28))
        val = make_table(12, seed=1)
        self.write_split("val", val)
        self.write_hyperparameters(label_field='"label"', num_round="10", max_depth="3", eta="0.3")
        summary = self.run_main()

        predictions = self.load_model().predict(xgb.DMatrix(val[["f1", "f2", "f3"]]))
        self.assertEqual(predictions.shape, (12,))
        self.assertTrue(((predictions >= 0) & (predictions <= 1)).all())
        model_dir = self.outputs["model"]
        self.assertEqual(self.read_json(model_dir, "feature_columns.json"), ["f1", "f2", "f3"])
        self.assertEqual(self.read_json(model_dir, "hyperparameters.json"), {
            "label_field": "label", "id_field": "", "num_round": 10, "max_depth": 3, "eta": 0.3,
            "objective": "binary:logistic", "eval_metric": ["auc"],
        })
        self.assertEqual(self.read_json(model_dir, "categories.json"), {"format": "plc-categories/1", "columns": {}})
        example = self.read_json(model_dir, "input_example.json")
        self.assertEqual(list(example), ["f1", "f2", "f3"])
        self.assertAlmostEqual(example["f1"], float(make_table(28)["f1"].median()))
        metrics = self.read_json(self.outputs["metrics"], "metrics.json")
        self.assertEqual(list(metrics["validation"]), ["auc"])
        self.assertGreater(metrics["validation"]["auc"], 0.7)  # f1 determines the label
        self.assertEqual(summary["metrics"], metrics)

    def test_text_categories_are_encoded_and_the_id_is_no_feature(self):
        # "NA" and "None" are real categories here; an empty field is a missing value.
        colours = ["red", "NA", "None", "", "blue"]
        def table(rows, seed):
            base = make_table(rows, seed=seed)
            base.insert(0, "row_id", [f"r{seed}-{i}" for i in range(rows)])
            base["colour"] = [colours[i % 5] for i in range(rows)]
            return base
        self.write_split("train", table(30, 0))
        self.write_split("val", table(10, 1))
        self.write_hyperparameters(label_field='"label"', id_field='"row_id"', num_round="5")
        summary = self.run_main()
        model_dir = self.outputs["model"]
        self.assertEqual(self.read_json(model_dir, "feature_columns.json"), ["f1", "f2", "f3", "colour"])
        self.assertEqual(self.read_json(model_dir, "categories.json")["columns"], {"colour": ["NA", "None", "blue", "red"]})
        self.assertEqual(summary["categories"], ["colour"])
        self.assertIn(self.read_json(model_dir, "input_example.json")["colour"], ["NA", "None", "blue", "red"])

        self.write_hyperparameters(label_field='"label"', feature_columns='"f1, colour"', num_round="5")
        self.run_main()
        self.assertEqual(self.read_json(model_dir, "feature_columns.json"), ["f1", "colour"])
        self.write_hyperparameters(label_field='"label"', id_field='"row_id"', feature_columns='"row_id"')
        with self.assertRaisesRegex(xt.UserError, "names the label or id column"):
            self.run_main()

    def test_multiclass_uses_softprob(self):
        self.write_split("train", make_table(60, classes=3))
        self.write_split("val", make_table(15, classes=3, seed=1))
        self.write_hyperparameters(label_field="label", num_round="5")
        summary = self.run_main()

        self.assertEqual(summary["hyperparameters"]["objective"], "multi:softprob")
        self.assertEqual(summary["hyperparameters"]["num_class"], 3)
        self.assertEqual(list(summary["metrics"]["validation"]), ["mlogloss"])
        predictions = self.load_model().predict(xgb.DMatrix(make_table(15, classes=3)[["f1", "f2", "f3"]]))
        self.assertEqual(predictions.shape, (15, 3))

    def test_after_preprocessing(self):
        # End to end: TabularPreprocessing's training output is this step's input channel.
        raw_dir = os.path.join(self.root, "raw")
        os.makedirs(raw_dir)
        table = make_table(40)
        table["label"] = table["label"].map({0: "no", 1: "yes"})
        table.to_csv(os.path.join(raw_dir, "data.csv"), index=False)
        tp.main({"data": raw_dir}, {"processed_data": self.data_dir}, {"LABEL_FIELD": "label"},
                argparse.Namespace(job_type="training"))
        self.write_hyperparameters(label_field="label", num_round="5", eval_metric='"auc,logloss"')
        summary = self.run_main()

        self.assertEqual(summary["rows"], {"train": 28, "val": 6})
        self.assertEqual(list(summary["metrics"]["validation"]), ["auc", "logloss"])
        test = pd.read_csv(os.path.join(self.data_dir, "test", "test_processed_data.csv"))
        features = self.read_json(self.outputs["model"], "feature_columns.json")
        self.assertEqual(self.load_model().predict(xgb.DMatrix(test[features])).shape, (6,))

    def test_user_errors(self):
        self.write_split("train", make_table(28))
        self.write_split("val", make_table(12, seed=1))
        for hyperparameters, message in [
            ({}, "label_field is required"),
            ({"label_field": "target"}, "'target' not in train data"),
            ({"label_field": "label", "num_round": "2.5"}, "'num_round' must be int"),
            ({"label_field": "label", "objective": "binary:logistic", "num_round": "2"}, None),
        ]:
            self.write_hyperparameters(**hyperparameters)
            if message is None:
                self.run_main()  # sanity: an explicit objective is accepted
                continue
            with self.assertRaisesRegex(xt.UserError, message):
                self.run_main()
        self.write_split("train", make_table(28, classes=3))
        self.write_hyperparameters(label_field="label", objective="binary:logistic")
        with self.assertRaisesRegex(xt.UserError, "needs a 0/1 label"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    @unittest.skipIf(os.path.exists(xt.HYPERPARAMETERS_PATH), "running inside a SageMaker container")
    def test_missing_label_field_fails_cleanly(self):
        # No hyperparameters.json here, so label_field is missing: fails before any data is read.
        # The extra CLI args mimic script mode, which passes hyperparameters as --key value too.
        script = os.path.join(SCRIPTS_DIR, "xgboost_training.py")
        result = subprocess.run([sys.executable, script, "--num_round", "10"],
                                capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("hyperparameter label_field is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
