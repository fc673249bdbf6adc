"""Tests for tabular_preprocessing.py on tiny generated CSVs."""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import tabular_preprocessing as tp  # noqa: E402


def make_table(rows=40, seed=0):
    """3 numeric features and a yes/no label, 24 "yes" and 16 "no"."""
    rng = np.random.default_rng(seed)
    labels = np.array(["yes"] * (rows * 3 // 5) + ["no"] * (rows - rows * 3 // 5))
    rng.shuffle(labels)
    return pd.DataFrame({
        "f1": rng.normal(size=rows).round(4),
        "f2": rng.normal(size=rows).round(4),
        "f3": rng.integers(0, 10, size=rows),
        "label": labels,
    })


class TabularPreprocessingTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out_dir = os.path.join(self._tmp.name, "output")
        os.makedirs(self.in_dir)

    def write_input(self, table):
        # Two files, one gzipped, one with padded header names: all must be read and merged.
        table.iloc[:25].to_csv(os.path.join(self.in_dir, "part-0.csv"), index=False)
        padded = table.iloc[25:].rename(columns={"f2": " f2 ", "label": "label "})
        padded.to_csv(os.path.join(self.in_dir, "part-1.csv.gz"), index=False, compression="gzip")

    def run_main(self, job_type="training", **env):
        env.setdefault("LABEL_FIELD", "label")
        return tp.main({"data": self.in_dir}, {"processed_data": self.out_dir}, env,
                       argparse.Namespace(job_type=job_type))

    def read_output(self, name):
        return pd.read_csv(os.path.join(self.out_dir, name, f"{name}_processed_data.csv"))

    def test_training_split_sizes_and_label_codes(self):
        self.write_input(make_table())
        summary = self.run_main()

        parts = {name: self.read_output(name) for name in ("train", "val", "test")}
        self.assertEqual({n: len(p) for n, p in parts.items()}, {"train": 28, "val": 6, "test": 6})
        self.assertEqual(summary["rows"], {"train": 28, "val": 6, "test": 6})
        self.assertEqual(summary["label_mapping"], {"no": 0, "yes": 1})
        for name, part in parts.items():
            self.assertEqual(list(part.columns), ["f1", "f2", "f3", "label"], name)
            self.assertTrue(pd.api.types.is_integer_dtype(part["label"]), name)
            self.assertEqual(set(part["label"]), {0, 1}, name)  # stratified: both classes everywhere
        self.assertAlmostEqual(parts["train"]["label"].mean(), 0.6, delta=0.05)
        merged = pd.concat(parts.values())
        self.assertEqual(sorted(merged["f1"]), sorted(make_table()["f1"]))  # no row lost or duplicated

    def test_ratios_and_seed_from_env(self):
        self.write_input(make_table())
        summary = self.run_main(TRAIN_RATIO="0.5", TEST_VAL_RATIO="0.25", RANDOM_SEED="7")
        self.assertEqual(summary["rows"], {"train": 20, "val": 15, "test": 5})

    def test_same_seed_same_split(self):
        self.write_input(make_table())
        self.run_main()
        first = self.read_output("train")
        self.run_main()
        pd.testing.assert_frame_equal(first, self.read_output("train"))

    def test_other_job_type_writes_whole_cleaned_set(self):
        table = make_table()
        table.loc[[3, 30], "label"] = None
        self.write_input(table)
        summary = self.run_main(job_type="calibration")

        out = self.read_output("calibration")
        self.assertEqual(len(out), 38)
        self.assertEqual(summary["rows_dropped_missing_label"], 2)
        self.assertEqual(set(out["label"]), {0, 1})
        self.assertEqual(os.listdir(self.out_dir), ["calibration"])

    def test_numeric_label_kept(self):
        table = make_table()
        table["label"] = (table["label"] == "yes").astype(float)  # 0.0 / 1.0
        self.write_input(table)
        summary = self.run_main(job_type="testing")
        self.assertEqual(summary["label_mapping"], {})
        self.assertEqual(list(self.read_output("testing")["label"]), list(table["label"].astype(int)))

    def test_singleton_class_falls_back_to_unstratified(self):
        table = make_table()
        table.loc[0, "label"] = "maybe"  # one row only: cannot be stratified
        self.write_input(table)
        summary = self.run_main()
        self.assertEqual(summary["label_mapping"], {"maybe": 0, "no": 1, "yes": 2})
        self.assertEqual(sum(summary["rows"].values()), 40)

    def test_user_errors(self):
        self.write_input(make_table())
        with self.assertRaisesRegex(tp.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(tp.UserError, "'target' not found"):
            self.run_main(LABEL_FIELD="target")
        with self.assertRaisesRegex(tp.UserError, "TRAIN_RATIO must be between"):
            self.run_main(TRAIN_RATIO="1.5")
        with self.assertRaisesRegex(tp.UserError, "job-type"):
            self.run_main(job_type="scoring")
        os.remove(os.path.join(self.in_dir, "part-0.csv"))
        os.remove(os.path.join(self.in_dir, "part-1.csv.gz"))
        with self.assertRaisesRegex(tp.UserError, "no .csv"):
            self.run_main()

    def test_mismatched_columns_rejected(self):
        make_table().to_csv(os.path.join(self.in_dir, "a.csv"), index=False)
        make_table().drop(columns="f3").to_csv(os.path.join(self.in_dir, "b.csv"), index=False)
        with self.assertRaisesRegex(tp.UserError, "b.csv has columns"):
            self.run_main()


class CommandLineTest(unittest.TestCase):
    def run_script(self, *args, env_drop=("LABEL_FIELD",)):
        env = {k: v for k, v in os.environ.items() if k not in env_drop}
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "tabular_preprocessing.py"), *args],
                              env=env, capture_output=True, text=True, timeout=120)

    def test_missing_label_field_fails_cleanly(self):
        # Fails on the env check, before any /opt/ml path is read.
        result = self.run_script("--job-type", "training")
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
