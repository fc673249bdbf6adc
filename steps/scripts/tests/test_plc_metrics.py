"""Tests for plc_metrics.py against scikit-learn's and hand-computed values."""
import logging
import math
import os
import sys
import unittest

import numpy as np
from sklearn.metrics import average_precision_score, f1_score, log_loss, roc_auc_score

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import plc_metrics as pm  # noqa: E402

LOGGER = logging.getLogger("test_plc_metrics")


class HelpersTest(unittest.TestCase):
    def test_or_none(self):
        self.assertEqual(pm.or_none(np.float64(0.25)), 0.25)
        self.assertIsInstance(pm.or_none(np.float32(0.5)), float)
        for value in (math.nan, math.inf, -math.inf):
            self.assertIsNone(pm.or_none(value))

    def test_log_loss_matches_sklearn_and_clips(self):
        y = np.array([0, 1, 1, 0])
        p = np.array([0.2, 0.7, 0.9, 0.4])
        self.assertAlmostEqual(pm.log_loss(np.column_stack([1 - y, y]), np.column_stack([1 - p, p])), log_loss(y, p))
        self.assertTrue(math.isfinite(pm.log_loss(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))))


class BinaryTest(unittest.TestCase):
    def test_values(self):
        y = np.array([0, 0, 1, 1, 1, 0])
        score = np.array([0.1, 0.6, 0.55, 0.8, 0.3, 0.2])
        metrics = pm.binary_metrics(y, score, 0.5)
        self.assertEqual(list(metrics), ["auc", "average_precision", "f1", "precision", "recall", "accuracy"])
        self.assertAlmostEqual(metrics["auc"], roc_auc_score(y, score))
        self.assertAlmostEqual(metrics["average_precision"], average_precision_score(y, score))
        # Predicted 1 at >= 0.5: rows 1, 2, 3; two of them right, two of three positives found.
        self.assertAlmostEqual(metrics["precision"], 2 / 3)
        self.assertAlmostEqual(metrics["recall"], 2 / 3)
        self.assertAlmostEqual(metrics["f1"], 2 / 3)
        self.assertAlmostEqual(metrics["accuracy"], 4 / 6)
        self.assertEqual(pm.binary_metrics(y, score, 0.55)["recall"], 2 / 3, "the threshold itself counts as positive")

    def test_single_class(self):
        metrics = pm.binary_metrics(np.array([1, 1, 1]), np.array([0.2, 0.6, 0.9]), 0.5)
        self.assertIsNone(metrics["auc"])
        self.assertIsNone(metrics["average_precision"])
        self.assertAlmostEqual(metrics["recall"], 2 / 3)
        self.assertEqual(pm.binary_metrics(np.array([0, 0]), np.array([0.1, 0.2]), 0.5)["f1"], 0.0)


class MulticlassTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(0)
        self.y = np.array([0, 1, 2] * 10)
        logits = rng.normal(size=(30, 3)) + np.eye(3)[self.y] * 1.5
        self.proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)

    def test_values(self):
        metrics, per_class = pm.multiclass_metrics(self.y, self.proba, LOGGER)
        aucs = [roc_auc_score(self.y == k, self.proba[:, k]) for k in range(3)]
        self.assertEqual(sorted(per_class), ["0", "1", "2"])
        for k in range(3):
            self.assertAlmostEqual(per_class[str(k)]["auc"], aucs[k])
            self.assertEqual(per_class[str(k)]["rows"], 10)
        self.assertAlmostEqual(metrics["auc"], np.mean(aucs))
        self.assertAlmostEqual(metrics["f1"], f1_score(self.y, self.proba.argmax(axis=1), average="macro"))
        self.assertAlmostEqual(metrics["log_loss"], log_loss(self.y, self.proba))
        self.assertEqual(metrics["rows"], 30)

    def test_absent_class_is_left_out_of_the_macro_average(self):
        keep = self.y != 2
        with self.assertLogs(LOGGER, "WARNING") as logs:
            metrics, per_class = pm.multiclass_metrics(self.y[keep], self.proba[keep], LOGGER)
        self.assertIn("only 2 of 3 classes can be scored one-vs-rest", logs.output[0])
        self.assertEqual(per_class["2"], {"rows": 0, "auc": None, "average_precision": None})
        self.assertAlmostEqual(metrics["auc"], np.mean([per_class["0"]["auc"], per_class["1"]["auc"]]))


if __name__ == "__main__":
    unittest.main()
