"""Tests for plc_xgboost.py: loading XGBoostTraining's model and its class probabilities.

The scoring steps' own tests cover the common cases; these cover the refusals and objectives they
do not reach.
"""
import logging
import os
import sys
import unittest

import numpy as np
import xgboost as xgb

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import plc_xgboost as px  # noqa: E402
from plc_step import UserError, write_json  # noqa: E402
from test_plc_step import TempDirTest  # noqa: E402
from test_xgboost_model_eval import FEATURES, make_table, train_model  # noqa: E402

LOGGER = logging.getLogger("test_plc_xgboost")


class LoadModelTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.model_dir = os.path.join(self.root, "model")
        self.work_dir = os.path.join(self.root, "work")
        os.makedirs(self.work_dir)

    def load(self):
        return px.load_model(self.model_dir, self.work_dir, LOGGER)

    def test_extracted_folder(self):
        train_model(self.model_dir, make_table(40), "binary:logistic")
        with self.assertLogs(LOGGER, "INFO") as logs:
            model = self.load()
        self.assertEqual((model["objective"], model["classes"], model["features"]), ("binary:logistic", 2, FEATURES))
        self.assertEqual(model["hyperparameters"]["label_field"], "label")
        self.assertEqual(logs.output, ["INFO:test_plc_xgboost:model: objective binary:logistic, 2 classes, 3 features"])

    def test_archive_is_extracted(self):
        train_model(self.model_dir, make_table(40, classes=3), "multi:softprob", tar=True)
        self.assertEqual(os.listdir(self.model_dir), [px.MODEL_ARCHIVE])
        self.assertEqual(self.load()["classes"], 3)
        self.assertTrue(os.path.isfile(os.path.join(self.work_dir, px.MODEL_FILE)))

    def test_hyperparameters_are_optional(self):
        train_model(self.model_dir, make_table(40), "binary:logistic")
        os.remove(os.path.join(self.model_dir, px.HYPERPARAMETERS_FILE))
        self.assertEqual(self.load()["hyperparameters"], {})

    def test_refusals(self):
        with self.assertRaisesRegex(UserError, "^model folder .* does not exist$"):
            self.load()
        for sub in ("a", "b"):
            os.makedirs(os.path.join(self.model_dir, sub))
            open(os.path.join(self.model_dir, sub, px.MODEL_ARCHIVE), "w").close()
        with self.assertRaisesRegex(UserError, "^more than one model.tar.gz under "):
            self.load()

    def test_model_files_checked(self):
        for sub in ("a", "b"):
            train_model(os.path.join(self.model_dir, sub), make_table(40), "binary:logistic")
        with self.assertRaisesRegex(UserError, "^more than one xgboost_model.bst under the model input"):
            self.load()
        os.remove(os.path.join(self.model_dir, "b", px.MODEL_FILE))
        os.remove(os.path.join(self.model_dir, "a", px.FEATURES_FILE))
        with self.assertRaisesRegex(UserError, "^feature_columns.json missing next to xgboost_model.bst$"):
            self.load()

    def test_features_and_hyperparameters_checked(self):
        train_model(self.model_dir, make_table(40), "binary:logistic")
        for features in ([], "f1", ["f1", 2]):
            write_json(os.path.join(self.model_dir, px.FEATURES_FILE), features)
            with self.subTest(features=features), \
                    self.assertRaisesRegex(UserError, "must be a non-empty list of column names"):
                self.load()
        write_json(os.path.join(self.model_dir, px.FEATURES_FILE), FEATURES)
        write_json(os.path.join(self.model_dir, px.HYPERPARAMETERS_FILE), ["not", "an", "object"])
        with self.assertRaisesRegex(UserError, "^hyperparameters.json must be a JSON object$"):
            self.load()

    def test_unreadable_or_unsupported_model(self):
        train_model(self.model_dir, make_table(40), "reg:squarederror")
        with self.assertRaisesRegex(UserError, "^objective reg:squarederror is not supported"):
            self.load()
        with open(os.path.join(self.model_dir, px.MODEL_FILE), "w") as f:
            f.write("garbage")
        with self.assertRaisesRegex(UserError, "^cannot load xgboost_model.bst: "):
            self.load()


class PredictProbaTest(TempDirTest):
    def model(self, objective, classes=2):
        folder = os.path.join(self.root, objective.replace(":", "_"))
        booster = train_model(folder, make_table(60, classes=classes), objective)
        return px.load_model(folder, self.root, LOGGER), booster

    def test_binary_objectives(self):
        data = make_table(10, seed=1)
        logistic, booster = self.model("binary:logistic")
        proba = px.predict_proba(logistic, data)
        np.testing.assert_allclose(proba[:, 1], booster.predict(xgb.DMatrix(data[FEATURES])), rtol=1e-6)
        raw, raw_booster = self.model("binary:logitraw")
        proba = px.predict_proba(raw, data)
        margin = raw_booster.predict(xgb.DMatrix(data[FEATURES]))
        np.testing.assert_allclose(proba[:, 1], 1 / (1 + np.exp(-margin)), rtol=1e-6)
        np.testing.assert_allclose(proba.sum(axis=1), 1.0)

    def test_softmax_gives_probabilities_like_softprob(self):
        data = make_table(10, classes=3, seed=2)
        softprob, booster = self.model("multi:softprob", classes=3)
        np.testing.assert_allclose(px.predict_proba(softprob, data),
                                   booster.predict(xgb.DMatrix(data[FEATURES])).reshape(10, 3), rtol=1e-5)
        softmax, _ = self.model("multi:softmax", classes=3)
        proba = px.predict_proba(softmax, data)
        self.assertEqual(proba.shape, (10, 3))
        np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
        np.testing.assert_array_equal(proba.argmax(axis=1), px.predict_proba(softprob, data).argmax(axis=1))


if __name__ == "__main__":
    unittest.main()
