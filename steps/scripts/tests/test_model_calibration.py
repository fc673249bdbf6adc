"""Tests for model_calibration.py on tiny generated prediction tables and a tiny XGBoost model."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd
from sklearn.isotonic import IsotonicRegression

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import model_calibration as mc  # noqa: E402
import model_metrics_computation as mm  # noqa: E402
import xgboost_model_eval as ev  # noqa: E402
from test_xgboost_model_eval import make_table, train_model  # noqa: E402


def logit(p):
    return np.log(p / (1 - p))


def make_predictions(rows=400, slope=0.5, intercept=-0.3, seed=0):
    """Over-confident scores: the true log-odds are slope * logit(score) + intercept."""
    rng = np.random.default_rng(seed)
    score = rng.uniform(0.02, 0.98, size=rows).round(6)
    truth = 1 / (1 + np.exp(-(slope * logit(score) + intercept)))
    label = (rng.uniform(size=rows) < truth).astype(int)
    return pd.DataFrame({"id": np.arange(rows), "label": label, "prob_class_0": 1 - score, "prob_class_1": score})


class ModelCalibrationTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.inputs = {"eval_data": os.path.join(self.root, "eval_data"),
                       "calibration_model": os.path.join(self.root, "unbound")}
        self.outputs = self.output_paths("out")

    def output_paths(self, name):
        return {port: os.path.join(self.root, name, port) for port in ("calibration", "metrics", "calibrated_data")}

    def write(self, table, folder=None):
        folder = folder or self.inputs["eval_data"]
        os.makedirs(folder, exist_ok=True)
        table.to_csv(os.path.join(folder, "eval_predictions.csv"), index=False)

    def run_main(self, job_type="calibration", inputs=None, outputs=None, **env):
        env.setdefault("LABEL_FIELD", "label")
        return mc.main(inputs or self.inputs, outputs or self.outputs, env, argparse.Namespace(job_type=job_type))

    def read_json(self, port, name, outputs=None):
        with open(os.path.join((outputs or self.outputs)[port], name)) as f:
            return json.load(f)

    def calibrated(self, outputs=None):
        return pd.read_csv(os.path.join((outputs or self.outputs)["calibrated_data"], "calibrated_data.csv"))

    def test_isotonic_fit(self):
        table = make_predictions()
        self.write(table)
        summary = self.run_main()

        model = self.read_json("calibration", "calibration_model.json")
        self.assertEqual(model["method"], "isotonic")
        self.assertEqual(model["score_field"], "prob_class_1")
        self.assertEqual(model["fitted_on"], {"job_type": "calibration", "rows": 400, "positives": int(table["label"].sum())})
        expected = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(
            table["prob_class_1"], table["label"]).predict(table["prob_class_1"])
        out = self.calibrated()
        self.assertEqual(list(out.columns), list(table.columns) + ["calibrated_score"])
        pd.testing.assert_frame_equal(out[table.columns], table, check_dtype=False)
        np.testing.assert_allclose(out["calibrated_score"], expected, atol=1e-9)
        self.assertTrue(np.all(np.diff(out.sort_values("prob_class_1")["calibrated_score"]) >= -1e-12))  # monotone

        report = self.read_json("metrics", "metrics.json")
        metrics = report["metrics"]
        for key in ("ece", "mce", "brier_score", "log_loss", "auc"):
            self.assertIsInstance(metrics[f"{key}_before"], float, key)
            self.assertIsInstance(metrics[f"{key}_after"], float, key)
        # Measured on held-out folds, not on the fitting rows, where isotonic would look far better.
        self.assertLess(metrics["ece_after"], metrics["ece_before"])
        self.assertLess(metrics["brier_score_after"], metrics["brier_score_before"])
        self.assertEqual(report["evaluated_on"], "held-out rows (5-fold cross-fitting)")
        in_sample, _ = mc.calibration_metrics(expected, table["label"].to_numpy(), 10)
        self.assertGreater(metrics["ece_after"], in_sample["ece"])
        self.assertEqual(report["mode"], "fit")
        self.assertEqual(len(report["reliability"]["after"]), 10)
        self.assertEqual(sum(b["count"] for b in report["reliability"]["before"]), 400)
        self.assertEqual(summary, self.read_json("calibration", "calibration_summary.json"))
        self.assertEqual(summary["metrics"], metrics)

    def test_ece_by_hand(self):
        # Two bins: [0, .5) holds scores .2/.4 with labels 0/1, [.5, 1] holds .6/.8 with 1/1.
        table = pd.DataFrame({"label": [0, 1, 1, 1], "prob_class_1": [0.2, 0.4, 0.6, 0.8]})
        self.write(table)
        metrics = self.run_main(NUM_BINS="2")["metrics"]
        gaps = [abs(0.3 - 0.5), abs(0.7 - 1.0)]
        self.assertAlmostEqual(metrics["ece_before"], 0.5 * gaps[0] + 0.5 * gaps[1])
        self.assertAlmostEqual(metrics["mce_before"], max(gaps))
        self.assertAlmostEqual(metrics["brier_score_before"], np.mean([0.04, 0.36, 0.16, 0.04]))
        # One negative row: no fold can hold it out, so the calibrated scores go unmeasured.
        self.assertIsNone(metrics["ece_after"])

    def test_sigmoid_recovers_the_distortion(self):
        table = make_predictions(rows=4000, slope=0.5, intercept=-0.3, seed=1)
        self.write(table)
        summary = self.run_main(CALIBRATION_METHOD="sigmoid", CALIBRATED_SCORE_FIELD="p_cal")
        model = self.read_json("calibration", "calibration_model.json")
        self.assertEqual(model["method"], "sigmoid")
        self.assertAlmostEqual(model["slope"], 0.5, delta=0.1)
        self.assertAlmostEqual(model["intercept"], -0.3, delta=0.15)
        out = self.calibrated()
        expected = 1 / (1 + np.exp(-(model["slope"] * logit(table["prob_class_1"]) + model["intercept"])))
        np.testing.assert_allclose(out["p_cal"], expected, rtol=1e-9)
        self.assertLess(summary["metrics"]["ece_after"], summary["metrics"]["ece_before"])
        # Each fold's map is monotone, so the held-out AUC moves only where folds meet.
        self.assertAlmostEqual(summary["metrics"]["auc_after"], summary["metrics"]["auc_before"], places=3)

    def test_testing_applies_a_fitted_calibration(self):
        self.write(make_predictions(seed=2))
        self.run_main(job_type="calibration", CALIBRATION_METHOD="sigmoid")
        fitted = self.read_json("calibration", "calibration_model.json")

        test = make_predictions(rows=100, seed=3)
        test_inputs = {"eval_data": os.path.join(self.root, "test_data"),
                       "calibration_model": self.outputs["calibration"]}
        self.write(test, test_inputs["eval_data"])
        test_outputs = self.output_paths("test_out")
        summary = self.run_main(job_type="testing", inputs=test_inputs, outputs=test_outputs)

        self.assertEqual(summary["mode"], "apply")
        self.assertEqual(summary["method"], "sigmoid")  # from the fitted model, not the isotonic default
        self.assertTrue(summary["source"].endswith("calibration_model.json"))
        np.testing.assert_allclose(self.calibrated(test_outputs)["calibrated_score"],
                                   mc.apply_calibration(fitted, test["prob_class_1"].to_numpy()), rtol=1e-12)
        self.assertEqual(self.read_json("calibration", "calibration_model.json", test_outputs), fitted)
        report = self.read_json("metrics", "metrics.json", test_outputs)
        self.assertEqual(report["evaluated_on"], "held-out rows")
        self.assertEqual(report["metrics"]["rows"], 100)

    def test_testing_without_fitted_calibration_fails(self):
        self.write(make_predictions())
        with self.assertRaisesRegex(mc.UserError, "job type testing only applies a fitted calibration"):
            self.run_main(job_type="testing")

    def test_unlabelled_rows_are_calibrated_not_fitted(self):
        table = make_predictions(rows=100)
        table["label"] = table["label"].astype(float)
        table.loc[:9, "label"] = np.nan
        self.write(table)
        with self.assertLogs(mc.logger, "WARNING") as logs:
            summary = self.run_main()
        self.assertIn("10 row(s) without a label", logs.output[0])
        self.assertEqual(summary["rows"], {"read": 100, "labelled": 90})
        self.assertEqual(self.read_json("calibration", "calibration_model.json")["fitted_on"]["rows"], 90)
        self.assertFalse(self.calibrated()["calibrated_score"].isna().any())

    def test_after_xgboost_model_eval(self):
        # The tabular path: model -> XGBoostModelEval (calibration split) -> ModelCalibration ->
        # ModelMetricsComputation on the calibrated score.
        model_dir = os.path.join(self.root, "model")
        data_dir = os.path.join(self.root, "processed")
        train_model(model_dir, make_table(80), tar=True)
        os.makedirs(os.path.join(data_dir, "calibration"))
        make_table(60, seed=5).to_csv(os.path.join(data_dir, "calibration", "calibration_processed_data.csv"), index=False)
        eval_outputs = {"eval_output": os.path.join(self.root, "eval"), "metrics": os.path.join(self.root, "eval_metrics")}
        ev.main({"model": model_dir, "eval_data": data_dir}, eval_outputs, {"LABEL_FIELD": "label", "ID_FIELD": "id"},
                argparse.Namespace(job_type="calibration"))

        summary = self.run_main(inputs={"eval_data": eval_outputs["eval_output"],
                                        "calibration_model": self.inputs["calibration_model"]})
        out = self.calibrated()
        self.assertEqual(list(out.columns), ["id", "label", "prob_class_0", "prob_class_1", "calibrated_score"])
        self.assertEqual(len(out), 60)
        self.assertLessEqual(summary["metrics"]["ece_after"], summary["metrics"]["ece_before"])

        report = mm.main({"eval_output": self.outputs["calibrated_data"]}, {"metrics": os.path.join(self.root, "mm")},
                         {"LABEL_FIELD": "label", "SCORE_FIELD": "calibrated_score"},
                         argparse.Namespace(job_type="calibration"))
        self.assertEqual(report["score_columns"], ["calibrated_score"])
        self.assertAlmostEqual(report["metrics"]["brier_score"], summary["metrics"]["brier_score_after"])

    def test_user_errors(self):
        table = make_predictions(rows=50)
        with self.assertRaisesRegex(mc.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(mc.UserError, "CALIBRATION_METHOD must be one of"):
            self.run_main(CALIBRATION_METHOD="beta")
        with self.assertRaisesRegex(mc.UserError, "would overwrite the label or score column"):
            self.run_main(CALIBRATED_SCORE_FIELD="prob_class_1")
        with self.assertRaisesRegex(mc.UserError, "NUM_BINS must be between"):
            self.run_main(NUM_BINS="0")
        with self.assertRaisesRegex(mc.UserError, "input folder .* does not exist"):
            self.run_main()
        self.write(table)
        with self.assertRaisesRegex(mc.UserError, "score column 'score' not found"):
            self.run_main(SCORE_FIELD="score")
        self.write(table.assign(prob_class_1=table["prob_class_1"] * 3))
        with self.assertRaisesRegex(mc.UserError, r"must hold probabilities in \[0, 1\]"):
            self.run_main()
        self.write(table.assign(label=table["label"] + 1))
        with self.assertRaisesRegex(mc.UserError, "must be 0/1"):
            self.run_main()
        self.write(table.assign(label=1))
        with self.assertRaisesRegex(mc.UserError, "needs both classes"):
            self.run_main()
        os.makedirs(self.inputs["calibration_model"])
        self.write(table)
        with self.assertRaisesRegex(mc.UserError, "no calibration_model.json"):
            self.run_main()
        with open(os.path.join(self.inputs["calibration_model"], "calibration_model.json"), "w") as f:
            json.dump({"method": "isotonic", "x": [0.5, 0.1], "y": [0, 1]}, f)
        with self.assertRaisesRegex(mc.UserError, "malformed"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    def test_missing_label_field_fails_cleanly(self):
        env = {k: v for k, v in os.environ.items() if k != "LABEL_FIELD"}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "model_calibration.py"),
                                 "--job-type", "calibration"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LABEL_FIELD is required", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
