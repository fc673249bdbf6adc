"""Tests for xgboost_model_eval.py with tiny models trained here and tiny generated CSVs."""
import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import tabular_preprocessing as tp  # noqa: E402
import xgboost_model_eval as ev  # noqa: E402
import xgboost_training as xt  # noqa: E402

FEATURES = ["f1", "f2", "f3"]


def make_table(rows, classes=2, seed=0):
    """3 numeric features, an id, and a label learnable from f1 (integer codes 0..classes-1)."""
    rng = np.random.default_rng(seed)
    f1 = rng.normal(size=rows)
    edges = np.linspace(-1, 1, classes + 1)[1:-1]
    return pd.DataFrame({
        "id": [f"row-{seed}-{i}" for i in range(rows)],
        "f1": f1.round(4),
        "f2": rng.normal(size=rows).round(4),
        "f3": rng.integers(0, 10, size=rows),
        "label": np.digitize(f1, edges),
    })


def train_model(model_dir, table, objective="binary:logistic", num_round=8, tar=False):
    """Train and save the way xgboost_training.py does; optionally pack model.tar.gz as SageMaker does."""
    params = {"objective": objective, "max_depth": 3, "eta": 0.3}
    if objective.startswith("multi:"):
        params["num_class"] = int(table["label"].max()) + 1
    booster = xgb.train(params, xgb.DMatrix(table[FEATURES], label=table["label"]), num_boost_round=num_round)
    os.makedirs(model_dir, exist_ok=True)
    files = {
        "xgboost_model.bst": None,
        "feature_columns.json": FEATURES,
        "hyperparameters.json": {"label_field": "label", "num_round": num_round, "max_depth": 3, "eta": 0.3, **params},
    }
    build_dir = tempfile.mkdtemp(dir=model_dir) if tar else model_dir
    booster.save_model(os.path.join(build_dir, "xgboost_model.bst"))
    for name, value in files.items():
        if value is not None:
            with open(os.path.join(build_dir, name), "w") as f:
                json.dump(value, f)
    if tar:
        with tarfile.open(os.path.join(model_dir, "model.tar.gz"), "w:gz") as archive:
            for name in files:
                archive.add(os.path.join(build_dir, name), arcname=name)
                os.remove(os.path.join(build_dir, name))
        os.rmdir(build_dir)
    return booster


class XGBoostModelEvalTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.inputs = {"model": os.path.join(self.root, "model"), "eval_data": os.path.join(self.root, "eval_data")}
        self.outputs = {"eval_output": os.path.join(self.root, "eval"), "metrics": os.path.join(self.root, "metrics")}

    def write_data(self, table, *folders, name="part.csv"):
        folder = os.path.join(self.inputs["eval_data"], *folders)
        os.makedirs(folder, exist_ok=True)
        table.to_csv(os.path.join(folder, name), index=False)

    def run_main(self, job_type="testing", **env):
        env.setdefault("LABEL_FIELD", "label")
        return ev.main(self.inputs, self.outputs, env, argparse.Namespace(job_type=job_type))

    def predictions(self):
        return pd.read_csv(os.path.join(self.outputs["eval_output"], "eval_predictions.csv"))

    def metrics_file(self):
        with open(os.path.join(self.outputs["metrics"], "metrics.json")) as f:
            return json.load(f)

    def test_binary_predictions_and_metrics(self):
        booster = train_model(self.inputs["model"], make_table(60))
        test = make_table(30, seed=1)
        self.write_data(test)
        summary = self.run_main(ID_FIELD="id")

        out = self.predictions()
        self.assertEqual(list(out.columns), ["id", "label", "prob_class_0", "prob_class_1"])
        self.assertEqual(list(out["id"]), list(test["id"]))
        self.assertEqual(list(out["label"]), list(test["label"]))
        expected = booster.predict(xgb.DMatrix(test[FEATURES]))
        np.testing.assert_allclose(out["prob_class_1"], expected, rtol=1e-5)
        np.testing.assert_allclose(out["prob_class_0"] + out["prob_class_1"], 1.0, rtol=1e-6)

        report = self.metrics_file()
        self.assertEqual(report, json.loads(json.dumps(summary)))
        metrics = report["metrics"]
        for key in ("auc", "average_precision", "f1", "precision", "recall", "accuracy", "log_loss", "brier_score"):
            self.assertIsInstance(metrics[key], float, key)
        self.assertAlmostEqual(metrics["auc"], roc_auc_score(test["label"], expected), places=6)
        self.assertGreater(metrics["auc"], 0.8)  # f1 determines the label
        self.assertEqual(metrics["rows"], 30)
        self.assertEqual(metrics["threshold"], 0.5)
        self.assertEqual(report["job_type"], "testing")
        self.assertEqual(report["objective"], "binary:logistic")
        self.assertEqual(list(report)[0], "metrics")

    def test_model_tar_gz_is_extracted(self):
        # As SageMaker delivers a training step's model: one model.tar.gz in the input folder.
        train_model(self.inputs["model"], make_table(60), tar=True)
        self.assertEqual(os.listdir(self.inputs["model"]), ["model.tar.gz"])
        self.write_data(make_table(20, seed=1))
        summary = self.run_main()
        self.assertEqual(summary["rows"], {"scored": 20, "labelled": 20})
        self.assertEqual(os.listdir(self.inputs["model"]), ["model.tar.gz"])  # extracted elsewhere

    def test_threshold_changes_f1_not_auc(self):
        train_model(self.inputs["model"], make_table(60))
        self.write_data(make_table(30, seed=1))
        low = self.run_main(THRESHOLD="0.01")["metrics"]
        high = self.run_main(THRESHOLD="0.5")["metrics"]
        self.assertEqual(low["recall"], 1.0)
        self.assertEqual(low["auc"], high["auc"])
        self.assertEqual(low["threshold"], 0.01)

    def test_multiclass(self):
        booster = train_model(self.inputs["model"], make_table(90, classes=3), objective="multi:softprob")
        test = make_table(30, classes=3, seed=1)
        self.write_data(test)
        report = self.run_main()

        out = self.predictions()
        self.assertEqual(list(out.columns), ["label", "prob_class_0", "prob_class_1", "prob_class_2"])
        np.testing.assert_allclose(out[["prob_class_0", "prob_class_1", "prob_class_2"]].to_numpy(),
                                   booster.predict(xgb.DMatrix(test[FEATURES])), rtol=1e-5, atol=1e-6)
        self.assertEqual(report["classes"], 3)
        self.assertEqual(sorted(report["per_class"]), ["0", "1", "2"])
        self.assertGreater(report["metrics"]["auc"], 0.7)
        self.assertIsInstance(report["metrics"]["f1"], float)

    def test_softmax_model_gets_probabilities(self):
        train_model(self.inputs["model"], make_table(90, classes=3), objective="multi:softmax")
        self.write_data(make_table(30, classes=3, seed=1))
        self.run_main()
        probs = self.predictions()[["prob_class_0", "prob_class_1", "prob_class_2"]]
        np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)
        self.assertTrue(((probs > 0) & (probs < 1)).all().all())

    def test_job_type_sub_folders(self):
        train_model(self.inputs["model"], make_table(60))
        # TabularPreprocessing's training output: train/, val/, test/.
        self.write_data(make_table(11, seed=1), "train")
        self.write_data(make_table(12, seed=2), "val")
        self.write_data(make_table(13, seed=3), "test")
        self.assertEqual(self.run_main(job_type="training")["rows"]["scored"], 13)
        self.assertEqual(self.run_main(job_type="testing")["rows"]["scored"], 13)
        self.assertEqual(self.run_main(job_type="validation")["rows"]["scored"], 12)
        with self.assertRaisesRegex(ev.UserError, "none for job type calibration"):
            self.run_main(job_type="calibration")
        self.write_data(make_table(14, seed=4), "calibration", name="calibration_processed_data.csv")
        self.assertEqual(self.run_main(job_type="calibration")["rows"]["scored"], 14)

    def test_rows_without_label_are_scored_not_measured(self):
        train_model(self.inputs["model"], make_table(60))
        test = make_table(20, seed=1)
        test["label"] = test["label"].astype(float)
        test.loc[[2, 5], "label"] = np.nan
        self.write_data(test)
        with self.assertLogs("xgboost_model_eval", "WARNING") as logs:
            summary = self.run_main()
        self.assertIn("2 row(s) without a label", logs.output[0])
        self.assertEqual(summary["rows"], {"scored": 20, "labelled": 18})
        self.assertEqual(len(self.predictions()), 20)

    def test_single_class_gives_null_auc(self):
        train_model(self.inputs["model"], make_table(60))
        test = make_table(20, seed=1)
        self.write_data(test[test["label"] == 1])
        with self.assertLogs("xgboost_model_eval", "WARNING"):
            metrics = self.run_main()["metrics"]
        self.assertIsNone(metrics["auc"])
        self.assertIsNone(metrics["average_precision"])
        self.assertIsNone(self.metrics_file()["metrics"]["auc"])

    def test_after_preprocessing_and_training(self):
        # End to end through the other built-in scripts: preprocess, train, tar, evaluate.
        raw = os.path.join(self.root, "raw")
        processed = os.path.join(self.root, "processed")
        trained = os.path.join(self.root, "trained")
        os.makedirs(raw)
        table = make_table(80).drop(columns="id")
        table["label"] = table["label"].map({0: "no", 1: "yes"})
        table.to_csv(os.path.join(raw, "data.csv"), index=False)
        tp.main({"data": raw}, {"processed_data": processed}, {"LABEL_FIELD": "label"},
                argparse.Namespace(job_type="training"))
        hp_path = os.path.join(self.root, "hyperparameters.json")
        with open(hp_path, "w") as f:
            json.dump({"label_field": '"label"', "num_round": "5"}, f)
        with contextlib.redirect_stdout(io.StringIO()):
            xt.main({"training_data": processed, "hyperparameters": hp_path},
                    {"model": trained, "metrics": os.path.join(self.root, "train-metrics")}, {}, argparse.Namespace())
        os.makedirs(self.inputs["model"])
        with tarfile.open(os.path.join(self.inputs["model"], "model.tar.gz"), "w:gz") as archive:
            for name in sorted(os.listdir(trained)):
                archive.add(os.path.join(trained, name), arcname=name)

        summary = ev.main({"model": self.inputs["model"], "eval_data": processed}, self.outputs,
                          {"LABEL_FIELD": "label"}, argparse.Namespace(job_type="training"))
        self.assertEqual(summary["rows"]["scored"], 12)  # the test/ split
        self.assertIsNotNone(summary["metrics"]["auc"])

    def test_user_errors(self):
        test = make_table(20, seed=1)
        with self.assertRaisesRegex(ev.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD=" ")
        with self.assertRaisesRegex(ev.UserError, "THRESHOLD must be between"):
            self.run_main(THRESHOLD="1.5")
        with self.assertRaisesRegex(ev.UserError, "model folder .* does not exist"):
            self.run_main()
        os.makedirs(self.inputs["model"])
        with self.assertRaisesRegex(ev.UserError, "no xgboost_model.bst"):
            self.run_main()
        train_model(self.inputs["model"], make_table(60))
        with self.assertRaisesRegex(ev.UserError, "input folder .*eval_data does not exist"):
            self.run_main()
        self.write_data(test.drop(columns="f2"))
        with self.assertRaisesRegex(ev.UserError, r"lacks the model's feature columns \['f2'\]"):
            self.run_main()
        self.write_data(test)
        with self.assertRaisesRegex(ev.UserError, "label column 'target' not found"), \
                self.assertLogs("xgboost_model_eval", "WARNING") as logs:
            self.run_main(LABEL_FIELD="target")
        self.assertIn("trained with label 'label'", logs.output[0])
        with self.assertRaisesRegex(ev.UserError, "id column 'key' not found"):
            self.run_main(ID_FIELD="key")
        self.write_data(test.assign(label=test["label"].map({0: "no", 1: "yes"})))
        with self.assertRaisesRegex(ev.UserError, "numeric class codes"):
            self.run_main()
        self.write_data(test.assign(label=test["label"] + 1))
        with self.assertRaisesRegex(ev.UserError, "outside the model's classes"):
            self.run_main()

    def test_unsafe_archive_rejected(self):
        os.makedirs(self.inputs["model"])
        payload = os.path.join(self.root, "evil.txt")
        with open(payload, "w") as f:
            f.write("x")
        with tarfile.open(os.path.join(self.inputs["model"], "model.tar.gz"), "w:gz") as archive:
            archive.add(payload, arcname="../evil.txt")
        self.write_data(make_table(5))
        with self.assertRaisesRegex(ev.UserError, "unsafe path"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    def run_script(self, *args, env_drop=("LABEL_FIELD",)):
        env = {k: v for k, v in os.environ.items() if k not in env_drop}
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "xgboost_model_eval.py"), *args],
                              env=env, capture_output=True, text=True, timeout=120)

    def test_missing_label_field_fails_cleanly(self):
        # Fails on the env check, before any /opt/ml path is read.
        result = self.run_script("--job-type", "testing")
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
