"""Tests for lightgbm_training/lightgbm_training.py on tiny generated CSVs.

Training needs lightgbm (installed in the job from requirements.txt); those tests run only where
it can be imported. The checks that fail before LightGBM is loaded (hyperparameters, data) run
everywhere.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIR = os.path.join(SCRIPTS_DIR, "lightgbm_training")  # the step's sourceDir
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, SOURCE_DIR)

import lightgbm_training as lt  # noqa: E402
import tabular_preprocessing as tp  # noqa: E402

try:
    import lightgbm as lgb
except ImportError:
    lgb = None
NO_LIGHTGBM = ("lightgbm is not installed, so the LightGBMTraining training tests were NOT run "
               "(no Debian package; pip install lightgbm)")
if lgb is None:
    print(f"\n*** {NO_LIGHTGBM} ***", file=sys.stderr)


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


class Fixture(unittest.TestCase):
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
        raw = {"sagemaker_program": '"lightgbm_training.py"', "sagemaker_submit_directory": '"s3://b/code/x.tar.gz"'}
        raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in values.items()})
        with open(self.hp_path, "w") as f:
            json.dump(raw, f)

    def run_main(self):
        return lt.main({"training_data": self.data_dir, "hyperparameters": self.hp_path},
                       self.outputs, {}, argparse.Namespace())

    def read_json(self, *parts):
        with open(os.path.join(*parts)) as f:
            return json.load(f)


class ValidationTest(Fixture):
    """Everything that is refused before lightgbm is imported."""

    def test_hyperparameter_and_data_errors(self):
        self.write_split("train", make_table(28))
        self.write_split("val", make_table(12, seed=1))
        for hyperparameters, message in [
            ({}, "label_field is required"),
            ({"label_field": "target"}, "'target' not in train data"),
            ({"label_field": "label", "num_boost_round": "2.5"}, "'num_boost_round' must be int >= 1"),
            ({"label_field": "label", "learning_rate": "0"}, "'learning_rate' must be float > 0"),
            ({"label_field": "label", "num_leaves": "1"}, "'num_leaves' must be int from 2"),
            ({"label_field": "label", "max_depth": "-2"}, "'max_depth' must be int >= -1"),
            ({"label_field": "label", "feature_fraction": "1.5"}, r"'feature_fraction' must be float in \(0, 1\]"),
            ({"label_field": "label", "seed": "true"}, "'seed' must be int"),
        ]:
            self.write_hyperparameters(**hyperparameters)
            with self.subTest(hyperparameters=hyperparameters), self.assertRaisesRegex(lt.UserError, message):
                self.run_main()

        self.write_split("train", make_table(28, classes=3))
        self.write_hyperparameters(label_field="label", objective="binary")
        with self.assertRaisesRegex(lt.UserError, "needs a 0/1 label"):
            self.run_main()
        bad = make_table(28).rename(columns={"f2": "f[2]"})
        self.write_split("train", bad)
        self.write_split("val", bad)
        with self.assertRaisesRegex(lt.UserError, r"feature names may not contain .*\['f\[2\]'\]"):
            self.run_main()
        os.remove(os.path.join(self.data_dir, "val", "val_processed_data.csv"))
        with self.assertRaisesRegex(lt.UserError, "no CSV files under"):
            self.run_main()

    def test_objective_and_metric_resolution(self):
        binary, multi = pd.Series([0, 1, 1, 0]), pd.Series([0, 1, 2, 2])
        self.assertEqual(lt._resolve_objective({}, binary), {"objective": "binary", "metric": ["auc"]})
        self.assertEqual(lt._resolve_objective({}, multi),
                         {"objective": "multiclass", "num_class": 3, "metric": ["multi_logloss"]})
        self.assertEqual(lt._resolve_objective({"objective": "multiclassova", "metric": "multi_error, multi_logloss"}, binary),
                         {"objective": "multiclassova", "num_class": 2, "metric": ["multi_error", "multi_logloss"]})
        self.assertEqual(lt._resolve_objective({"objective": "cross_entropy"}, binary), {"objective": "cross_entropy"})
        with self.assertRaisesRegex(lt.UserError, "labels coded 0..k-1"):
            lt._resolve_objective({}, pd.Series([0.5, 1.0]))

    def test_requirements_name_lightgbm(self):
        with open(os.path.join(SOURCE_DIR, "requirements.txt")) as f:
            requirements = [line.strip() for line in f if line.strip() and not line.startswith("#")]
        self.assertEqual([r.split("==")[0] for r in requirements], ["lightgbm"])


@unittest.skipUnless(lgb, NO_LIGHTGBM)
class LightGBMTrainingTest(Fixture):
    def load_model(self):
        return lgb.Booster(model_file=os.path.join(self.outputs["model"], "lightgbm_model.txt"))

    def test_binary_model_and_outputs(self):
        self.write_split("train", make_table(200))
        val = make_table(60, seed=1)
        self.write_split("val", val)
        self.write_hyperparameters(label_field='"label"', num_boost_round="20", num_leaves="7", min_data_in_leaf="5")
        summary = self.run_main()

        predictions = self.load_model().predict(val[["f1", "f2", "f3"]])
        self.assertEqual(predictions.shape, (60,))
        self.assertTrue(((predictions >= 0) & (predictions <= 1)).all())
        model_dir = self.outputs["model"]
        self.assertEqual(sorted(os.listdir(model_dir)), ["feature_columns.json", "hyperparameters.json", "lightgbm_model.txt"])
        self.assertEqual(self.read_json(model_dir, "feature_columns.json"), ["f1", "f2", "f3"])
        self.assertEqual(self.read_json(model_dir, "hyperparameters.json"), {
            "label_field": "label", "num_boost_round": 20, "learning_rate": 0.1, "num_leaves": 7, "max_depth": -1,
            "min_data_in_leaf": 5, "feature_fraction": 1.0, "seed": 42, "objective": "binary", "metric": ["auc"],
        })
        metrics = self.read_json(self.outputs["metrics"], "metrics.json")
        self.assertEqual(list(metrics["validation"]), ["auc"])
        self.assertGreater(metrics["validation"]["auc"], 0.9)  # f1 determines the label
        self.assertEqual(summary["metrics"], metrics)

    def test_multiclass_and_same_seed_same_model(self):
        self.write_split("train", make_table(150, classes=3))
        self.write_split("val", make_table(45, classes=3, seed=1))
        self.write_hyperparameters(label_field="label", num_boost_round="10", min_data_in_leaf="5",
                                   feature_fraction="0.7", seed="3")
        summary = self.run_main()
        self.assertEqual(summary["hyperparameters"]["objective"], "multiclass")
        self.assertEqual(summary["hyperparameters"]["num_class"], 3)
        self.assertEqual(list(summary["metrics"]["validation"]), ["multi_logloss"])
        self.assertEqual(self.load_model().predict(make_table(15, classes=3)[["f1", "f2", "f3"]]).shape, (15, 3))
        with open(os.path.join(self.outputs["model"], "lightgbm_model.txt")) as f:
            first = f.read()
        self.run_main()
        with open(os.path.join(self.outputs["model"], "lightgbm_model.txt")) as f:
            self.assertEqual(f.read(), first)

    def test_after_preprocessing(self):
        raw_dir = os.path.join(self.root, "raw")
        os.makedirs(raw_dir)
        table = make_table(80)
        table["label"] = table["label"].map({0: "no", 1: "yes"})
        table.to_csv(os.path.join(raw_dir, "data.csv"), index=False)
        tp.main({"data": raw_dir}, {"processed_data": self.data_dir}, {"LABEL_FIELD": "label"},
                argparse.Namespace(job_type="training"))
        self.write_hyperparameters(label_field="label", num_boost_round="5", min_data_in_leaf="3",
                                   metric='"auc,binary_logloss"')
        summary = self.run_main()
        self.assertEqual(summary["rows"], {"train": 56, "val": 12})
        self.assertEqual(list(summary["metrics"]["validation"]), ["auc", "binary_logloss"])
        test = pd.read_csv(os.path.join(self.data_dir, "test", "test_processed_data.csv"))
        features = self.read_json(self.outputs["model"], "feature_columns.json")
        self.assertEqual(self.load_model().predict(test[features]).shape, (12,))

    def test_refused_configuration(self):
        self.write_split("train", make_table(40))
        self.write_split("val", make_table(12, seed=1))
        self.write_hyperparameters(label_field="label", metric="no_such_metric", min_data_in_leaf="3")
        with self.assertRaisesRegex(lt.UserError, "LightGBM refused the configuration"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    @unittest.skipIf(os.path.exists(lt.HYPERPARAMETERS_PATH), "running inside a SageMaker container")
    def test_missing_label_field_fails_cleanly(self):
        # No hyperparameters.json here, so label_field is missing: fails before lightgbm or data are loaded.
        # The extra CLI args mimic script mode, which passes hyperparameters as --key value too.
        result = subprocess.run([sys.executable, os.path.join(SOURCE_DIR, "lightgbm_training.py"), "--num_leaves", "7"],
                                capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("hyperparameter label_field is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
