"""Tests for model_metrics_computation.py on tiny generated prediction tables."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import model_metrics_computation as mm  # noqa: E402
import xgboost_model_eval as ev  # noqa: E402
from test_xgboost_model_eval import make_table, train_model  # noqa: E402


def make_predictions(rows=200, seed=0):
    """Binary predictions whose score is informative but noisy."""
    rng = np.random.default_rng(seed)
    label = rng.integers(0, 2, size=rows)
    score = np.clip(0.3 * label + rng.uniform(0, 0.7, size=rows), 0, 1).round(6)
    return pd.DataFrame({"id": np.arange(rows), "label": label, "prob_class_0": 1 - score, "prob_class_1": score})


class ModelMetricsComputationTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.inputs = {"eval_output": os.path.join(self.root, "eval_output")}
        self.outputs = {"metrics": os.path.join(self.root, "metrics")}
        os.makedirs(self.inputs["eval_output"])

    def write(self, table, name="eval_predictions.csv"):
        table.to_csv(os.path.join(self.inputs["eval_output"], name), index=False)

    def run_main(self, job_type="testing", **env):
        env.setdefault("LABEL_FIELD", "label")
        return mm.main(self.inputs, self.outputs, env, argparse.Namespace(job_type=job_type))

    def test_binary_metrics_match_sklearn(self):
        table = make_predictions()
        self.write(table)
        report = self.run_main(THRESHOLD="0.6")
        with open(os.path.join(self.outputs["metrics"], "metrics.json")) as f:
            self.assertEqual(json.load(f), json.loads(json.dumps(report)))

        y, score = table["label"], table["prob_class_1"]
        metrics = report["metrics"]
        self.assertEqual(report["task"], "binary")
        self.assertEqual(report["score_columns"], ["prob_class_1"])
        self.assertAlmostEqual(metrics["auc"], roc_auc_score(y, score))
        self.assertAlmostEqual(metrics["average_precision"], average_precision_score(y, score))
        self.assertAlmostEqual(metrics["f1"], f1_score(y, score >= 0.6))
        self.assertEqual(metrics["threshold"], 0.6)
        self.assertGreaterEqual(metrics["best_f1"], metrics["f1"])
        self.assertAlmostEqual(metrics["best_f1"], f1_score(y, score >= metrics["best_f1_threshold"]))
        self.assertTrue(0 < metrics["ks"] <= 1)
        self.assertIn("brier_score", metrics)

        dist = report["score_distribution"]
        self.assertEqual(dist["count"], 200)
        self.assertAlmostEqual(dist["quantiles"]["p50"], float(np.median(score)))
        self.assertEqual(len(dist["histogram"]), 10)
        self.assertEqual(sum(b["count"] for b in dist["histogram"]), 200)
        self.assertEqual((dist["histogram"][0]["lower"], dist["histogram"][-1]["upper"]), (0.0, 1.0))
        top = dist["histogram"][-1]
        self.assertAlmostEqual(top["label_rate"], float(y[score >= 0.9].mean()))

    def test_score_field_and_bins(self):
        table = make_predictions()
        table["raw_margin"] = table["prob_class_1"] * 8 - 4  # not a probability
        self.write(table)
        report = self.run_main(SCORE_FIELD="raw_margin", NUM_BINS="4")
        self.assertEqual(report["score_columns"], ["raw_margin"])
        self.assertAlmostEqual(report["metrics"]["auc"], roc_auc_score(table["label"], table["raw_margin"]))
        self.assertNotIn("log_loss", report["metrics"])
        self.assertEqual(len(report["score_distribution"]["histogram"]), 4)
        self.assertLess(report["score_distribution"]["histogram"][0]["lower"], 0)

    def test_multiclass(self):
        rng = np.random.default_rng(3)
        proba = rng.dirichlet([1, 1, 1], size=90)
        label = np.array([rng.choice(3, p=p) for p in proba])
        table = pd.DataFrame({"label": label, **{f"prob_class_{k}": proba[:, k] for k in range(3)}})
        self.write(table)
        report = self.run_main()
        self.assertEqual(report["task"], "multiclass")
        expected = roc_auc_score(label, proba, multi_class="ovr", average="macro")
        self.assertAlmostEqual(report["metrics"]["auc"], expected)
        self.assertEqual(sorted(report["per_class"]), ["0", "1", "2"])
        self.assertIn("accuracy", report["score_distribution"]["histogram"][-1])

    def test_matches_xgboost_model_eval(self):
        # The same predictions give the same headline metrics as the evaluation step itself.
        model_dir = os.path.join(self.root, "model")
        data_dir = os.path.join(self.root, "data")
        train_model(model_dir, make_table(60))
        os.makedirs(data_dir)
        make_table(40, seed=1).to_csv(os.path.join(data_dir, "d.csv"), index=False)
        eval_report = ev.main({"model": model_dir, "eval_data": data_dir},
                              {"eval_output": self.inputs["eval_output"], "metrics": os.path.join(self.root, "m")},
                              {"LABEL_FIELD": "label", "ID_FIELD": "id"}, argparse.Namespace(job_type="testing"))
        report = self.run_main()
        for key in ("auc", "average_precision", "f1", "precision", "recall", "accuracy", "log_loss", "brier_score"):
            self.assertAlmostEqual(report["metrics"][key], eval_report["metrics"][key], places=6, msg=key)

    def test_user_errors(self):
        table = make_predictions(20)
        self.write(table)
        with self.assertRaisesRegex(mm.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(mm.UserError, "NUM_BINS must be int"):
            self.run_main(NUM_BINS="ten")
        with self.assertRaisesRegex(mm.UserError, "score column 'score' not found"):
            self.run_main(SCORE_FIELD="score")
        self.write(table.drop(columns=["prob_class_0", "prob_class_1"]))
        with self.assertRaisesRegex(mm.UserError, "set scoreField"):
            self.run_main()
        self.write(table.assign(label=table["label"] * 2))
        with self.assertRaisesRegex(mm.UserError, "class codes 0..1"):
            self.run_main()
        self.write(table.assign(label=np.nan))
        with self.assertRaisesRegex(mm.UserError, "no row has a 'label' value"), self.assertLogs(mm.logger, "WARNING"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    def test_missing_label_field_fails_cleanly(self):
        env = {k: v for k, v in os.environ.items() if k != "LABEL_FIELD"}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "model_metrics_computation.py"),
                                 "--job-type", "testing"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LABEL_FIELD is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
