"""Shared fixtures of the step-script tests: a tiny tabular data set, a model trained from it the
way a pipeline would train it, and the folder harness of the fit/apply steps' tests."""
import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

import numpy as np
import pandas as pd

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)


def make_table(rows=40, seed=0):
    """3 numeric features and a yes/no label learnable from f1."""
    rng = np.random.default_rng(seed)
    f1 = rng.normal(size=rows)
    return pd.DataFrame({
        "f1": f1.round(4),
        "f2": rng.normal(size=rows).round(4),
        "f3": rng.integers(0, 10, size=rows),
        "label": np.where(f1 > 0, "yes", "no"),
    })


def train_model(root):
    """TabularPreprocessing -> XGBoostTraining, as a pipeline runs them; returns the model folder."""
    import tabular_preprocessing as tp
    import xgboost_training as xt

    raw, data, model = (os.path.join(root, name) for name in ("raw", "data", "trained"))
    os.makedirs(raw)
    make_table().to_csv(os.path.join(raw, "data.csv"), index=False)
    tp.main({"data": raw}, {"processed_data": data}, {"LABEL_FIELD": "label"}, argparse.Namespace(job_type="training"))
    hp_path = os.path.join(root, "hyperparameters.json")
    with open(hp_path, "w") as f:
        json.dump({"label_field": "label", "num_round": "5"}, f)
    with contextlib.redirect_stdout(io.StringIO()):
        xt.main({"training_data": data, "hyperparameters": hp_path},
                {"model": model, "metrics": os.path.join(root, "metrics")}, {}, argparse.Namespace())
    return model


class FitApplyFolders(unittest.TestCase):
    """Temp input/output folders of a fit/apply step; subclasses give train_table and holdout_table."""

    train_table = staticmethod(lambda: None)
    holdout_table = staticmethod(lambda: None)

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out_dir = os.path.join(self._tmp.name, "output", "data")
        self.artifacts_dir = os.path.join(self._tmp.name, "output", "artifacts")
        os.makedirs(self.in_dir)

    def write(self, table, *parts, **kwargs):
        path = os.path.join(self.in_dir, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        table.to_csv(path, index=False, **kwargs)

    def write_split_layout(self):
        self.write(self.train_table(), "train", "train_processed_data.csv")
        self.write(self.holdout_table(), "val", "val_processed_data.csv")
        self.write(self.holdout_table(), "test", "test_processed_data.csv.gz", compression="gzip")

    def read_output(self, *parts):
        return pd.read_csv(os.path.join(self.out_dir, *parts))

    def read_artifact(self, name):
        with open(os.path.join(self.artifacts_dir, name), encoding="utf-8") as f:
            return json.load(f)
