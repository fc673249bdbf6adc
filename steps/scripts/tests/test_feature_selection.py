"""Tests for feature_selection.py on tiny generated CSVs."""
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

import feature_selection as fs  # noqa: E402


def make_table(rows=80, seed=0):
    """strong follows the label, weak a little, noise not at all, const never varies."""
    rng = np.random.default_rng(seed)
    label = rng.integers(0, 2, size=rows)
    return pd.DataFrame({
        "id": np.arange(rows),
        "noise": rng.normal(size=rows).round(4),
        "strong": (label * 3 + rng.normal(scale=0.3, size=rows)).round(4),
        "const": 1.0,
        "weak": (label * 0.5 + rng.normal(size=rows)).round(4),
        "city": rng.choice(["rome", "oslo"], size=rows),
        "label": label,
    })


class FeatureSelectionTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out_dir = os.path.join(self._tmp.name, "output", "data")
        self.sel_dir = os.path.join(self._tmp.name, "output", "artifacts")
        os.makedirs(self.in_dir)

    def write(self, table, *parts):
        path = os.path.join(self.in_dir, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        table.to_csv(path, index=False)

    def run_main(self, job_type="training", selection_in=None, **env):
        env.setdefault("LABEL_FIELD", "label")
        inputs = {"data": self.in_dir}
        if selection_in is not None:
            inputs["selected_features"] = selection_in
        outputs = {"processed_data": self.out_dir, "selected_features": self.sel_dir}
        return fs.main(inputs, outputs, env, argparse.Namespace(job_type=job_type))

    def read_selection(self):
        with open(os.path.join(self.sel_dir, "selected_features.json"), encoding="utf-8") as f:
            return json.load(f)

    def test_correlation_top_k_on_train_split(self):
        self.write(make_table(), "train", "train_processed_data.csv")
        self.write(make_table(20, 1), "val", "val_processed_data.csv")
        summary = self.run_main(METHOD="correlation", TOP_K="2", KEEP_COLUMNS="id")

        selection = self.read_selection()
        self.assertEqual(selection["selected_features"], ["strong", "weak"])  # data order, not rank order
        self.assertEqual(selection["fit_files"], [os.path.join("train", "train_processed_data.csv")])
        self.assertEqual(selection["dropped_non_numeric"], ["city"])
        self.assertEqual(selection["scores"]["const"], 0.0)
        self.assertGreater(selection["scores"]["strong"], 0.9)
        self.assertEqual(summary["selected_features"], ["strong", "weak"])
        for split in ("train", "val"):
            out = pd.read_csv(os.path.join(self.out_dir, split, f"{split}_processed_data.csv"))
            self.assertEqual(list(out.columns), ["id", "strong", "weak", "label"], split)

    def test_mutual_info_and_threshold(self):
        self.write(make_table(), "data.csv")
        self.run_main(SCORE_THRESHOLD="0.2")
        self.assertEqual(self.read_selection()["selected_features"], ["strong"])
        self.assertEqual(list(pd.read_csv(os.path.join(self.out_dir, "data.csv")).columns), ["strong", "label"])

    def test_variance_drops_constant_columns(self):
        table = make_table()
        table.loc[3, "noise"] = np.nan  # missing values do not stop scoring
        self.write(table, "train", "part.csv")
        self.run_main(METHOD="variance")
        self.assertEqual(self.read_selection()["selected_features"], ["id", "noise", "strong", "weak"])

    def test_other_job_type_applies_the_list(self):
        self.write(make_table(), "train", "part.csv")
        self.run_main(METHOD="correlation", TOP_K="1")
        fitted = self.sel_dir

        self._tmp2 = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp2.cleanup)
        self.in_dir = os.path.join(self._tmp2.name, "input")
        self.out_dir = os.path.join(self._tmp2.name, "output", "data")
        self.sel_dir = os.path.join(self._tmp2.name, "output", "artifacts")
        self.write(make_table(10, 3).drop(columns="label"), "testing", "part.csv")  # unlabelled is fine
        self.run_main(job_type="testing", selection_in=fitted, TOP_K="3")
        out = pd.read_csv(os.path.join(self.out_dir, "testing", "part.csv"))
        self.assertEqual(list(out.columns), ["strong"])
        self.assertFalse(os.path.exists(self.sel_dir))

        self.write(make_table(10, 3).drop(columns="strong"), "testing", "part.csv")
        with self.assertRaisesRegex(fs.UserError, r"lacks selected feature columns \['strong'\]"):
            self.run_main(job_type="testing", selection_in=fitted)

    def test_user_errors(self):
        self.write(make_table(), "part.csv")
        with self.assertRaisesRegex(fs.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(fs.UserError, "METHOD must be one of"):
            self.run_main(METHOD="chi2")
        with self.assertRaisesRegex(fs.UserError, "TOP_K must be between"):
            self.run_main(TOP_K="0")
        with self.assertRaisesRegex(fs.UserError, "SCORE_THRESHOLD must be a number"):
            self.run_main(SCORE_THRESHOLD="high")
        with self.assertRaisesRegex(fs.UserError, "KEEP_COLUMNS names the label"):
            self.run_main(KEEP_COLUMNS="label")
        with self.assertRaisesRegex(fs.UserError, r"not in the data: \['uid'\]"):
            self.run_main(KEEP_COLUMNS="uid")
        with self.assertRaisesRegex(fs.UserError, "no feature scores above"):
            self.run_main(METHOD="correlation", SCORE_THRESHOLD="2")
        with self.assertRaisesRegex(fs.UserError, "bind the selected_features input"):
            self.run_main(job_type="calibration")


class CommandLineTest(unittest.TestCase):
    def test_missing_label_field_fails_cleanly(self):
        env = {k: v for k, v in os.environ.items() if k != "LABEL_FIELD"}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "feature_selection.py"),
                                 "--job-type", "training"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LABEL_FIELD is required", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
