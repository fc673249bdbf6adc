"""Tests for percentile_model_calibration.py on tiny generated prediction tables."""
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

import percentile_model_calibration as pc  # noqa: E402


def make_predictions(rows=500, seed=0):
    rng = np.random.default_rng(seed)
    score = rng.beta(2, 5, size=rows).round(6)
    return pd.DataFrame({"id": np.arange(rows), "prob_class_0": 1 - score, "prob_class_1": score})


class PercentileModelCalibrationTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.inputs = {"eval_data": os.path.join(self.root, "eval_data"),
                       "calibration_model": os.path.join(self.root, "unbound")}
        self.outputs = self.output_paths("out")

    def output_paths(self, name):
        return {port: os.path.join(self.root, name, port) for port in ("calibration", "calibrated_data")}

    def write(self, table, folder=None):
        folder = folder or self.inputs["eval_data"]
        os.makedirs(folder, exist_ok=True)
        table.to_csv(os.path.join(folder, "eval_predictions.csv"), index=False)

    def run_main(self, job_type="calibration", inputs=None, outputs=None, **env):
        return pc.main(inputs or self.inputs, outputs or self.outputs, env, argparse.Namespace(job_type=job_type))

    def calibrated(self, outputs=None):
        return pd.read_csv(os.path.join((outputs or self.outputs)["calibrated_data"], "calibrated_data.csv"))

    def table(self, outputs=None):
        return pd.read_csv(os.path.join((outputs or self.outputs)["calibration"], "percentile_table.csv"),
                           float_precision="round_trip")

    def test_fit_maps_scores_to_their_empirical_percentile(self):
        data = make_predictions()
        self.write(data)
        summary = self.run_main()

        table = self.table()
        self.assertEqual(list(table.columns), ["score", "percentile"])
        self.assertEqual(len(table), data["prob_class_1"].nunique())  # resolution 1000 > 500 rows: one per score
        self.assertTrue((np.diff(table["score"]) > 0).all())
        self.assertEqual(table["percentile"].iloc[-1], 1.0)
        out = self.calibrated()
        self.assertEqual(list(out.columns), list(data.columns) + ["score_percentile"])
        # With a row per distinct score, the mapping is the empirical CDF exactly.
        ecdf = data["prob_class_1"].rank(method="max") / len(data)
        np.testing.assert_allclose(out["score_percentile"], ecdf, atol=1e-12)
        self.assertEqual(summary["mode"], "fit")
        self.assertAlmostEqual(summary["percentile_quantiles"]["p50"], 0.5, delta=0.01)
        with open(os.path.join(self.outputs["calibration"], "percentile_summary.json")) as f:
            self.assertEqual(json.load(f), summary)

    def test_resolution_bounds_the_table(self):
        data = make_predictions(rows=2000)
        self.write(data)
        summary = self.run_main(RESOLUTION="20", PERCENTILE_FIELD="pct")
        table = self.table()
        self.assertEqual(len(table), 21)
        self.assertEqual(summary["table_rows"], 21)
        observed = data["prob_class_1"].to_numpy()
        self.assertTrue(all(np.isclose(observed, s, rtol=0, atol=1e-12).any() for s in table["score"]))
        self.assertEqual(table["percentile"].iloc[0], 1 / 2000)  # the minimum
        np.testing.assert_allclose(table["percentile"][1:], np.arange(1, 21) / 20)  # 2000 distinct scores
        pct = self.calibrated()["pct"]
        self.assertTrue(((pct >= 0) & (pct <= 1)).all())
        # Coarse but faithful: within a couple of quantile steps of the exact empirical CDF.
        ecdf = data["prob_class_1"].rank(method="max") / len(data)
        self.assertLess(float(np.max(np.abs(pct - ecdf))), 0.06)
        self.assertTrue(np.all(np.diff(pct[np.argsort(data["prob_class_1"].to_numpy())]) >= 0))  # monotone

    def test_ties_are_merged(self):
        self.write(pd.DataFrame({"prob_class_1": [0.1] * 6 + [0.9] * 4}))
        self.run_main()
        table = self.table()
        self.assertEqual(table.to_dict("list"), {"score": [0.1, 0.9], "percentile": [0.6, 1.0]})
        self.assertEqual(sorted(set(self.calibrated()["score_percentile"])), [0.6, 1.0])

    def test_testing_applies_a_fitted_table(self):
        self.write(make_predictions(seed=1))
        self.run_main(job_type="calibration", RESOLUTION="100")
        fitted = self.table()

        test = pd.DataFrame({"prob_class_1": [-0.5, fitted["score"].iloc[0], fitted["score"].iloc[50], 2.0]})
        inputs = {"eval_data": os.path.join(self.root, "test"), "calibration_model": self.outputs["calibration"]}
        self.write(test, inputs["eval_data"])
        outputs = self.output_paths("test_out")
        summary = self.run_main(job_type="testing", inputs=inputs, outputs=outputs)

        self.assertEqual(summary["mode"], "apply")
        self.assertIsNone(summary["resolution"])
        pct = self.calibrated(outputs)["score_percentile"].tolist()
        self.assertEqual(pct[0], 0.0)  # below every fitted score
        self.assertAlmostEqual(pct[1], fitted["percentile"].iloc[0])
        self.assertAlmostEqual(pct[2], fitted["percentile"].iloc[50])
        self.assertEqual(pct[3], 1.0)
        pd.testing.assert_frame_equal(self.table(outputs), fitted)  # passed on unchanged, full precision

    def test_user_errors(self):
        with self.assertRaisesRegex(pc.UserError, "RESOLUTION must be between"):
            self.run_main(RESOLUTION="1")
        with self.assertRaisesRegex(pc.UserError, "RESOLUTION must be int"):
            self.run_main(RESOLUTION="fine")
        with self.assertRaisesRegex(pc.UserError, "would overwrite the score column"):
            self.run_main(PERCENTILE_FIELD="prob_class_1")
        self.write(make_predictions(20))
        with self.assertRaisesRegex(pc.UserError, "job type testing only applies"):
            self.run_main(job_type="testing")
        with self.assertRaisesRegex(pc.UserError, "score column 'score' not found"):
            self.run_main(SCORE_FIELD="score")
        self.write(make_predictions(20).assign(prob_class_1="high"))
        with self.assertRaisesRegex(pc.UserError, "must be numeric"):
            self.run_main()
        self.write(make_predictions(20))
        os.makedirs(self.inputs["calibration_model"])
        with self.assertRaisesRegex(pc.UserError, "no percentile_table.csv"):
            self.run_main()
        pd.DataFrame({"score": [0.5, 0.2], "percentile": [0.1, 1.0]}).to_csv(
            os.path.join(self.inputs["calibration_model"], "percentile_table.csv"), index=False)
        with self.assertRaisesRegex(pc.UserError, "malformed"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    def test_bad_setting_fails_cleanly(self):
        # No env var is required; a bad one fails before any /opt/ml path is read.
        env = {**os.environ, "RESOLUTION": "lots"}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "percentile_model_calibration.py"),
                                 "--job-type", "calibration"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("RESOLUTION must be int", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
