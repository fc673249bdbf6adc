"""Tests for pytorch_training.py on tiny generated CSVs; run only where torch can be imported."""
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
sys.path.insert(0, SCRIPTS_DIR)

try:
    import torch
except ImportError:
    torch = None
NO_TORCH = "torch is not installed, so the PyTorchTraining tests were NOT run (apt-get install python3-torch)"
if torch is None:
    print(f"\n*** {NO_TORCH} ***", file=sys.stderr)
else:
    import pytorch_training as pt  # noqa: E402
    import tabular_preprocessing as tp  # noqa: E402


def make_table(rows, classes=2, seed=0):
    """3 numeric features; the label is learnable from f1 (integer codes 0..classes-1)."""
    rng = np.random.default_rng(seed)
    f1 = rng.normal(size=rows)
    edges = np.linspace(-1, 1, classes + 1)[1:-1]
    return pd.DataFrame({
        "f1": f1.round(4),
        "f2": rng.normal(size=rows).round(4),
        "f3": rng.integers(0, 10, size=rows),
        "label": np.digitize(f1, edges),
    })


@unittest.skipUnless(torch, NO_TORCH)
class PyTorchTrainingTest(unittest.TestCase):
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
        raw = {"sagemaker_program": '"pytorch_training.py"', "sagemaker_region": '"us-east-1"'}
        raw.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in values.items()})
        with open(self.hp_path, "w") as f:
            json.dump(raw, f)

    def run_main(self):
        return pt.main({"training_data": self.data_dir, "hyperparameters": self.hp_path},
                       self.outputs, {}, argparse.Namespace())

    def read_json(self, *parts):
        with open(os.path.join(*parts)) as f:
            return json.load(f)

    def load_model(self):
        config = self.read_json(self.outputs["model"], "model_config.json")
        model = pt.build_model(config)
        model.load_state_dict(torch.load(os.path.join(self.outputs["model"], "model.pt")))
        model.eval()
        return model, config

    def predict(self, table):
        model, config = self.load_model()
        with torch.no_grad():
            return torch.softmax(model(pt._scale(table, config)), dim=1).numpy()

    def test_binary_model_and_outputs(self):
        self.write_split("train", make_table(200))
        val = make_table(60, seed=1)
        self.write_split("val", val)
        self.write_hyperparameters(label_field='"label"', hidden_sizes="16,8", epochs="30", learning_rate="0.01",
                                   batch_size="16")
        summary = self.run_main()

        model_dir = self.outputs["model"]
        self.assertEqual(sorted(os.listdir(model_dir)), ["code", "feature_columns.json", "model.pt", "model_config.json"])
        # The serving code, where the PyTorch inference container reads it (PyTorchModel).
        self.assertEqual(sorted(os.listdir(os.path.join(model_dir, "code"))), ["plc_media.py", "plc_step.py", "plc_torch.py", "pytorch_inference.py"])
        self.assertEqual(self.read_json(model_dir, "feature_columns.json"), ["f1", "f2", "f3"])
        config = self.read_json(model_dir, "model_config.json")
        self.assertEqual((config["input_size"], config["hidden_sizes"], config["num_classes"]), (3, [16, 8], 2))
        self.assertEqual(config["hyperparameters"], {
            "label_field": "label", "hidden_sizes": [16, 8], "epochs": 30, "learning_rate": 0.01,
            "batch_size": 16, "dropout": 0.0, "random_seed": 42,
        })
        self.assertEqual(len(config["feature_means"]), 3)
        metrics = self.read_json(self.outputs["metrics"], "metrics.json")
        self.assertEqual(sorted(metrics["validation"]), ["accuracy", "auc", "loss"])
        self.assertGreater(metrics["validation"]["auc"], 0.9)  # f1 determines the label
        self.assertGreater(metrics["validation"]["accuracy"], 0.8)
        self.assertEqual(summary["metrics"], metrics)

        # The saved state_dict reloads into build_model(config) and reproduces the metric.
        probabilities = self.predict(val)
        self.assertEqual(probabilities.shape, (60, 2))
        accuracy = float((probabilities.argmax(axis=1) == val["label"].to_numpy()).mean())
        self.assertAlmostEqual(accuracy, metrics["validation"]["accuracy"], places=6)

    def test_auc_matches_sklearn(self):
        from sklearn.metrics import roc_auc_score
        labels = np.array([0, 1, 1, 0, 1, 0, 0, 1])
        scores = np.array([0.1, 0.8, 0.4, 0.4, 0.9, 0.2, 0.6, 0.6])  # with ties
        self.assertAlmostEqual(pt._auc(labels, scores), roc_auc_score(labels, scores))

    def test_multiclass_missing_values_and_no_hidden_layer(self):
        train = make_table(150, classes=3)
        train.loc[[0, 5, 9], "f2"] = np.nan  # imputed with the train mean
        train["const"] = 1.0  # zero variance: must not divide by zero
        val = make_table(45, classes=3, seed=1)
        val["const"] = 1.0
        val.loc[3, "f1"] = np.nan
        self.write_split("train", train)
        self.write_split("val", val)
        self.write_hyperparameters(label_field="label", hidden_sizes='""', epochs="40", learning_rate="0.05")
        summary = self.run_main()

        self.assertEqual(summary["classes"], 3)
        self.assertEqual(summary["hyperparameters"]["hidden_sizes"], [])
        self.assertEqual(sorted(summary["metrics"]["validation"]), ["accuracy", "loss"])
        self.assertGreater(summary["metrics"]["validation"]["accuracy"], 0.6)
        config = self.read_json(self.outputs["model"], "model_config.json")
        self.assertEqual(config["feature_scales"][3], 1.0)
        self.assertTrue(np.isfinite(self.predict(val)).all())

    def test_same_seed_same_model(self):
        self.write_split("train", make_table(64))
        self.write_split("val", make_table(16, seed=1))
        self.write_hyperparameters(label_field="label", epochs="3", dropout="0.2", random_seed="7")
        first = self.run_main()["metrics"]
        weights = torch.load(os.path.join(self.outputs["model"], "model.pt"))
        self.assertEqual(self.run_main()["metrics"], first)
        again = torch.load(os.path.join(self.outputs["model"], "model.pt"))
        for key in weights:
            self.assertTrue(torch.equal(weights[key], again[key]), key)

    def test_after_preprocessing(self):
        # End to end: TabularPreprocessing's training output is this step's input channel.
        raw_dir = os.path.join(self.root, "raw")
        os.makedirs(raw_dir)
        table = make_table(80)
        table["label"] = table["label"].map({0: "no", 1: "yes"})
        table.to_csv(os.path.join(raw_dir, "data.csv"), index=False)
        tp.main({"data": raw_dir}, {"processed_data": self.data_dir}, {"LABEL_FIELD": "label"},
                argparse.Namespace(job_type="training"))
        self.write_hyperparameters(label_field="label", epochs="5")
        summary = self.run_main()

        self.assertEqual(summary["rows"], {"train": 56, "val": 12})
        test = pd.read_csv(os.path.join(self.data_dir, "test", "test_processed_data.csv"))
        self.assertEqual(self.predict(test).shape, (12, 2))

    def test_user_errors(self):
        self.write_split("train", make_table(28))
        self.write_split("val", make_table(12, seed=1))
        for hyperparameters, message in [
            ({}, "label_field is required"),
            ({"label_field": "target"}, "'target' not in train data"),
            ({"label_field": "label", "epochs": "2.5"}, "'epochs' must be int >= 1"),
            ({"label_field": "label", "learning_rate": "0"}, "'learning_rate' must be float > 0"),
            ({"label_field": "label", "dropout": "1"}, r"'dropout' must be float in \[0, 1\)"),
            ({"label_field": "label", "hidden_sizes": "64,x"}, "'hidden_sizes' must be comma-separated"),
            ({"label_field": "label", "hidden_sizes": "0"}, "'hidden_sizes' must be comma-separated"),
            ({"label_field": "label", "batch_size": "true"}, "'batch_size' must be int"),
        ]:
            self.write_hyperparameters(**hyperparameters)
            with self.subTest(hyperparameters=hyperparameters), self.assertRaisesRegex(pt.UserError, message):
                self.run_main()
        self.write_hyperparameters(label_field="label", hidden_sizes="[8, 4]", epochs="1")
        self.assertEqual(self.run_main()["hyperparameters"]["hidden_sizes"], [8, 4])  # a JSON list works too

        table = make_table(28)
        table["label"] = table["label"] + 0.5
        self.write_split("train", table)
        self.write_hyperparameters(label_field="label")
        with self.assertRaisesRegex(pt.UserError, "integer class codes"):
            self.run_main()
        table["label"] = 0
        self.write_split("train", table)
        self.write_split("val", table)
        with self.assertRaisesRegex(pt.UserError, "single class"):
            self.run_main()


@unittest.skipUnless(torch, NO_TORCH)
class CommandLineTest(unittest.TestCase):
    @unittest.skipIf(torch and os.path.exists(pt.HYPERPARAMETERS_PATH), "running inside a SageMaker container")
    def test_missing_label_field_fails_cleanly(self):
        # No hyperparameters.json here, so label_field is missing: fails before any data is read.
        # The extra CLI args mimic script mode, which passes hyperparameters as --key value too.
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "pytorch_training.py"), "--epochs", "3"],
                                capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("hyperparameter label_field is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
