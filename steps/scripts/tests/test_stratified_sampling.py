"""Tests for stratified_sampling.py on tiny generated CSVs."""
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

import stratified_sampling as ss  # noqa: E402


def make_table(counts, start=0):
    """Rows of classes 0, 1, 2, ... with counts[c] rows each; id numbers every row."""
    labels = np.concatenate([[c] * n for c, n in enumerate(counts)])
    rng = np.random.default_rng(start)
    rng.shuffle(labels)
    return pd.DataFrame({"id": np.arange(start, start + len(labels)), "x": rng.normal(size=len(labels)).round(3),
                         "label": labels})


class AllocateTest(unittest.TestCase):
    def test_balanced_water_filling(self):
        # 30 rows over 3 classes, but class 2 has only 4: the others share what it cannot take.
        self.assertEqual(ss.allocate({0: 50, 1: 20, 2: 4}, {0: 1, 1: 1, 2: 1}, 30, 0), {0: 13, 1: 13, 2: 4})

    def test_proportional_with_floor(self):
        self.assertEqual(ss.allocate({0: 90, 1: 10}, {0: 90, 1: 10}, 20, 0), {0: 18, 1: 2})
        self.assertEqual(ss.allocate({0: 90, 1: 10}, {0: 90, 1: 10}, 20, 5), {0: 15, 1: 5})

    def test_floors_win_and_everything_when_target_is_large(self):
        self.assertEqual(ss.allocate({0: 90, 1: 10}, {0: 1, 1: 1}, 8, 6), {0: 6, 1: 6})
        self.assertEqual(ss.allocate({0: 9, 1: 3}, {0: 1, 1: 1}, 50, 0), {0: 9, 1: 3})

    def test_total_matches_target(self):
        sizes = {0: 37, 1: 23, 2: 11}
        for target in range(1, 71):
            counts = ss.allocate(sizes, {h: float(n) for h, n in sizes.items()}, target, 0)
            self.assertEqual(sum(counts.values()), target, target)
            self.assertTrue(all(counts[h] <= sizes[h] for h in sizes))


class StratifiedSamplingTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out_dir = os.path.join(self._tmp.name, "output")
        os.makedirs(self.in_dir)

    def write(self, table, *parts):
        path = os.path.join(self.in_dir, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        table.to_csv(path, index=False)
        return path

    def run_main(self, job_type="training", **env):
        env.setdefault("LABEL_FIELD", "label")
        env.setdefault("MIN_SAMPLES_PER_CLASS", "0")
        return ss.main({"data": self.in_dir}, {"processed_data": self.out_dir}, env,
                       argparse.Namespace(job_type=job_type))

    def read_output(self, *parts):
        return pd.read_csv(os.path.join(self.out_dir, *parts))

    def test_training_layout_balances_train_and_val_and_copies_test(self):
        self.write(make_table([40, 10]), "train", "train_processed_data.csv")
        self.write(make_table([12, 3], 100), "val", "val_processed_data.csv")
        test_path = self.write(make_table([12, 3], 200), "test", "test_processed_data.csv")
        summary = self.run_main()

        train = self.read_output("train", "train_processed_data.csv")
        self.assertEqual(train["label"].value_counts().to_dict(), {0: 10, 1: 10})
        self.assertTrue(train["id"].is_monotonic_increasing)  # original order kept
        self.assertTrue(set(train["id"]) <= set(make_table([40, 10])["id"]))
        val = self.read_output("val", "val_processed_data.csv")
        self.assertEqual(val["label"].value_counts().to_dict(), {0: 3, 1: 3})
        with open(test_path, "rb") as a, open(os.path.join(self.out_dir, "test", "test_processed_data.csv"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertEqual(summary["folders"]["train"], {
            "rows": 50, "kept": 20, "classes": {"0": {"rows": 40, "kept": 10}, "1": {"rows": 10, "kept": 10}}})
        self.assertIn("copied", summary["folders"]["test"])

    def test_other_job_type_samples_test_folder_too(self):
        self.write(make_table([12, 3]), "test", "part.csv")
        self.run_main(job_type="testing")
        self.assertEqual(len(self.read_output("test", "part.csv")), 6)

    def test_proportional_min_with_fraction(self):
        self.write(make_table([90, 10]), "calibration", "calibration_processed_data.csv")
        self.run_main(job_type="calibration", STRATEGY="proportional_min", SAMPLE_FRACTION="0.2",
                      MIN_SAMPLES_PER_CLASS="5")
        out = self.read_output("calibration", "calibration_processed_data.csv")
        self.assertEqual(out["label"].value_counts().to_dict(), {0: 15, 1: 5})

    def test_optimal_follows_spread_of_variance_column(self):
        table = make_table([50, 50])
        table["x"] = np.where(table["label"] == 0, table["id"] % 2 * 1.0, table["id"] % 2 * 3.0)  # std 1:3
        self.write(table, "part.csv")
        self.run_main(job_type="validation", STRATEGY="optimal", SAMPLE_FRACTION="0.4", VARIANCE_COLUMN="x")
        out = self.read_output("part.csv")
        self.assertEqual(out["label"].value_counts().to_dict(), {1: 30, 0: 10})

    def test_files_of_one_folder_are_sampled_together(self):
        self.write(make_table([20, 0]), "val", "part-0.csv")
        self.write(make_table([0, 5], 100), "val", "part-1.csv")
        self.run_main(job_type="validation")
        first, second = self.read_output("val", "part-0.csv"), self.read_output("val", "part-1.csv")
        self.assertEqual((len(first), len(second)), (5, 5))
        self.assertEqual(set(first["label"]), {0})
        self.assertEqual(list(second.columns), ["id", "x", "label"])

    def test_seed_and_unlabelled_rows(self):
        table = make_table([30, 10])
        table["label"] = table["label"].astype(float)
        table.loc[[0, 1, 2], "label"] = np.nan
        self.write(table, "part.csv")
        self.run_main(job_type="testing")
        first = self.read_output("part.csv")
        self.assertFalse(first["label"].isna().any())
        self.run_main(job_type="testing")
        pd.testing.assert_frame_equal(first, self.read_output("part.csv"))
        self.run_main(job_type="testing", RANDOM_SEED="7")
        self.assertNotEqual(list(first["id"]), list(self.read_output("part.csv")["id"]))

    def test_user_errors(self):
        self.write(make_table([5, 5]), "part.csv")
        with self.assertRaisesRegex(ss.UserError, "LABEL_FIELD is required"):
            self.run_main(LABEL_FIELD="")
        with self.assertRaisesRegex(ss.UserError, "STRATEGY must be one of"):
            self.run_main(STRATEGY="random")
        with self.assertRaisesRegex(ss.UserError, "SAMPLE_FRACTION must be between"):
            self.run_main(SAMPLE_FRACTION="1.5")
        with self.assertRaisesRegex(ss.UserError, "SAMPLE_FRACTION must be above 0"):
            self.run_main(SAMPLE_FRACTION="0")
        with self.assertRaisesRegex(ss.UserError, "label column 'target' not in"):
            self.run_main(LABEL_FIELD="target")
        with self.assertRaisesRegex(ss.UserError, "VARIANCE_COLUMN 'y' not in"):
            self.run_main(STRATEGY="optimal", VARIANCE_COLUMN="y")


class CommandLineTest(unittest.TestCase):
    def test_missing_label_field_fails_cleanly(self):
        env = {k: v for k, v in os.environ.items() if k != "LABEL_FIELD"}
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "stratified_sampling.py"),
                                 "--job-type", "training"], env=env, capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LABEL_FIELD is required", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
