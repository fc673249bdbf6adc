"""Tests for xgboost_inference.py, the serving script: a model with a text category trained here,
requests as raw rows (CSV and JSON), the packaged calibration applied."""
import argparse
import contextlib
import io
import json
import os
import tempfile
import unittest

import numpy as np

from step_test_support import make_table  # noqa: F401 (sets sys.path)

import xgboost_inference as serve  # noqa: E402
import xgboost_training as xt  # noqa: E402
from plc_step import UserError  # noqa: E402


class XGBoostInferenceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        root = cls._tmp.name
        cls.model_dir = os.path.join(root, "model")
        for split, seed in (("train", 0), ("val", 1)):
            table = make_table(60, seed=seed)
            table["colour"] = np.where(table["f1"] > 0, "NA", "None")  # real categories, tied to the label
            table["label"] = (table["label"] == "yes").astype(int)  # as TabularPreprocessing codes it
            os.makedirs(os.path.join(root, "data", split))
            table.to_csv(os.path.join(root, "data", split, "part.csv"), index=False)
        hp = os.path.join(root, "hp.json")
        with open(hp, "w") as f:
            json.dump({"label_field": "label", "num_round": "10"}, f)
        with contextlib.redirect_stdout(io.StringIO()):
            xt.main({"training_data": os.path.join(root, "data"), "hyperparameters": hp},
                    {"model": cls.model_dir, "metrics": os.path.join(root, "metrics")}, {}, argparse.Namespace())

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def predict(self, body, content_type="text/csv", accept="text/csv", model=None):
        model = model or serve.model_fn(self.model_dir)
        return serve.output_fn(serve.predict_fn(serve.input_fn(body, content_type), model), accept)

    def test_csv_rows_in_model_order_with_categories_and_missing_values(self):
        out = self.predict("1.5,0.1,3,NA\n-1.5,,3,None\n").split("\n")
        scores = [float(v) for v in out]
        self.assertEqual(len(scores), 2)
        self.assertGreater(scores[0], scores[1])  # the first row looks positive, the second negative
        self.assertTrue(all(0 <= s <= 1 for s in scores))

    def test_json_records_give_the_same_scores(self):
        csv_out = self.predict("1.5,0.1,3,NA\n")
        json_out = self.predict(json.dumps([{"f1": 1.5, "f2": 0.1, "f3": 3, "colour": "NA"}]), "application/json",
                                "application/json")
        self.assertAlmostEqual(json.loads(json_out)["predictions"][0], float(csv_out))

    def test_a_packaged_calibration_maps_the_scores(self):
        model = serve.model_fn(self.model_dir)
        model["calibration"] = {"method": "isotonic", "x": [0.0, 1.0], "y": [0.25, 0.25]}
        self.assertEqual(self.predict("1.5,0.1,3,NA\n", model=model), "0.25")

    def test_content_types_are_compared_without_parameters_and_any_accept_is_csv(self):
        csv_out = self.predict("1.5,0.1,3,NA\n")
        self.assertEqual(self.predict("1.5,0.1,3,NA\n", content_type="text/csv; charset=utf-8"), csv_out)
        for accept in ("*/*", None, "", "Text/CSV; charset=utf-8"):
            with self.subTest(accept=accept):
                self.assertEqual(self.predict("1.5,0.1,3,NA\n", accept=accept), csv_out)
        json_out = self.predict(json.dumps({"f1": 1.5, "f2": 0.1, "f3": 3, "colour": "NA"}),
                                "application/json; charset=utf-8", "application/json; q=1")
        self.assertAlmostEqual(json.loads(json_out)["predictions"][0], float(csv_out))
        with self.assertRaisesRegex(UserError, "accept type 'text/html' is not supported"):
            self.predict("1.5,0.1,3,NA\n", accept="text/html; charset=utf-8")

    def test_bad_requests_are_user_errors(self):
        with self.assertRaisesRegex(UserError, "the model takes 4"):
            self.predict("1,2\n")
        with self.assertRaisesRegex(UserError, "non-numeric"):
            self.predict("x,0.1,3,NA\n")
        with self.assertRaisesRegex(UserError, "not supported"):
            self.predict("1,2,3,NA", content_type="text/plain")


if __name__ == "__main__":
    unittest.main()
