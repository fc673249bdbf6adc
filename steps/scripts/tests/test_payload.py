"""Tests for payload.py on a tiny XGBoost model trained from generated CSVs (the tabular path)."""
import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest

import pandas as pd
import xgboost as xgb

from step_test_support import SCRIPTS_DIR, make_table, train_model  # noqa: F401 (sets sys.path)

import payload as pl  # noqa: E402

FEATURES = ["f1", "f2", "f3"]


class PayloadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._shared = tempfile.TemporaryDirectory()
        cls.trained = train_model(cls._shared.name)
        cls.booster = xgb.Booster(model_file=os.path.join(cls.trained, "xgboost_model.bst"))
        # As SageMaker hands a training job's model to a processing input: one model.tar.gz.
        cls.model_in = os.path.join(cls._shared.name, "model_input")
        os.makedirs(cls.model_in)
        with tarfile.open(os.path.join(cls.model_in, "model.tar.gz"), "w:gz") as tar:
            tar.add(cls.trained, arcname=".")

    @classmethod
    def tearDownClass(cls):
        cls._shared.cleanup()

    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.out_dir = os.path.join(self.root, "payload")

    def run_main(self, model=None, **env):
        return pl.main({"model": model or self.model_in}, {"payload_sample": self.out_dir}, env, argparse.Namespace())

    def read_index(self):
        with open(os.path.join(self.out_dir, "payload.json")) as f:
            return json.load(f)

    def read_archive(self):
        with tarfile.open(os.path.join(self.out_dir, "payload.tar.gz")) as tar:
            return {m.name: tar.extractfile(m).read().decode() for m in tar.getmembers()}

    def test_defaults_from_model_archive(self):
        summary = self.run_main()

        self.assertEqual(sorted(os.listdir(self.out_dir)), ["payload.json", "payload.tar.gz"])
        # The model's typical training row, not zeros: medians of its train/ split.
        with open(os.path.join(self.trained, "input_example.json")) as f:
            example = json.load(f)
        self.assertNotEqual(example, {"f1": 0, "f2": 0, "f3": 0})
        self.assertEqual(self.read_archive(), {
            "sample_payload.csv": ",".join(repr(example[f]) if isinstance(example[f], float) else str(example[f])
                                           for f in FEATURES) + "\n",
            "sample_payload.json": json.dumps([example])})
        index = self.read_index()
        self.assertEqual(index["archive"], "payload.tar.gz")
        self.assertEqual(index["content_types"], ["text/csv", "application/json"])
        self.assertEqual(index["feature_columns"], FEATURES)
        self.assertEqual(index["values"], example)
        self.assertEqual([(s["file"], s["content_type"]) for s in index["samples"]],
                         [("sample_payload.csv", "text/csv"), ("sample_payload.json", "application/json")])
        self.assertEqual({s["file"]: s["body"] for s in index["samples"]}, self.read_archive())
        self.assertEqual(summary["files"], ["sample_payload.csv", "sample_payload.json"])
        with tarfile.open(os.path.join(self.out_dir, "payload.tar.gz")) as tar:
            for info in tar.getmembers():
                self.assertEqual((info.mtime, info.mode, info.uid, info.uname), (0, 0o644, 0, ""))

    def test_without_input_example_every_feature_gets_the_default_value(self):
        bare = os.path.join(self.root, "bare")
        os.makedirs(bare)
        with open(os.path.join(bare, "feature_columns.json"), "w") as f:
            json.dump(FEATURES, f)
        self.run_main(model=bare)
        self.assertEqual(self.read_archive()["sample_payload.csv"], "0,0,0\n")

    def test_configured_values_rows_and_content_type(self):
        self.run_main(model=self.trained, CONTENT_TYPES=" application/json , text/csv",
                      DEFAULT_VALUES='{"f1": 1.25, "f3": 7}', DEFAULT_VALUE="-0.5", ROWS_PER_REQUEST="3")
        files = self.read_archive()
        with open(os.path.join(self.trained, "input_example.json")) as f:
            f2 = json.load(f)["f2"]  # not set in DEFAULT_VALUES: the model's example wins over DEFAULT_VALUE
        self.assertEqual(files["sample_payload.csv"], f"1.25,{f2!r},7\n" * 3)
        self.assertEqual(json.loads(files["sample_payload.json"]), [{"f1": 1.25, "f2": f2, "f3": 7}] * 3)
        index = self.read_index()
        self.assertEqual(index["content_types"], ["application/json", "text/csv"])
        self.assertEqual(index["rows_per_request"], 3)

        self.run_main(model=self.trained, CONTENT_TYPES="text/csv", DEFAULT_VALUES='{"f1": 0, "f2": "a,b", "f3": 0}')
        self.assertEqual(self.read_archive(), {"sample_payload.csv": '0,"a,b",0\n'})  # CSV-quoted

    def test_samples_are_valid_model_input(self):
        # The requests parse back into rows the trained model scores, in both formats.
        self.run_main(DEFAULT_VALUES='{"f1": 2.0, "f2": -1.0, "f3": 4}', ROWS_PER_REQUEST="2")
        files = self.read_archive()
        from_csv = pd.read_csv(io.StringIO(files["sample_payload.csv"]), header=None, names=FEATURES)
        from_json = pd.DataFrame(json.loads(files["sample_payload.json"]))[FEATURES]
        pd.testing.assert_frame_equal(from_csv.astype(float), from_json.astype(float))
        predictions = self.booster.predict(xgb.DMatrix(from_csv))
        self.assertEqual(predictions.shape, (2,))
        self.assertGreater(predictions[0], 0.5)  # f1 = 2.0 is clearly "yes"

    def read_bytes(self, name):
        with open(os.path.join(self.out_dir, name), "rb") as f:
            return f.read()

    def test_same_inputs_same_bytes(self):
        def outputs(model=None):
            self.run_main(model=model, DEFAULT_VALUES='{"f1": 1}')
            return [self.read_bytes(name) for name in ("payload.tar.gz", "payload.json")]
        first = outputs()
        self.assertEqual(first[0][4:8], b"\0\0\0\0", "gzip header mtime is 0")
        self.assertEqual(outputs(), first)
        self.assertEqual(outputs(model=self.trained), first)  # folder or archive: same result

    def test_setting_errors(self):
        for env, message in [
            ({"CONTENT_TYPES": "text/csv,application/x-npy"}, "CONTENT_TYPES must list some of"),
            ({"CONTENT_TYPES": "text/csv,text/csv"}, "lists a content type twice"),
            ({"DEFAULT_VALUES": "{f1: 1}"}, "DEFAULT_VALUES must be a JSON object"),
            ({"DEFAULT_VALUES": "[1, 2]"}, "DEFAULT_VALUES must be a JSON object"),
            ({"DEFAULT_VALUES": '{"f1": [1], "f2": null}'}, r"must be numbers or strings; these are not: \['f1', 'f2'\]"),
            ({"DEFAULT_VALUES": '{"f9": 1}'}, r"names columns the model does not have: \['f9'\]"),
            ({"DEFAULT_VALUE": "abc"}, "DEFAULT_VALUE must be a number"),
            ({"DEFAULT_VALUE": "NaN"}, "DEFAULT_VALUE must be a number"),
            ({"ROWS_PER_REQUEST": "0"}, "ROWS_PER_REQUEST must be an integer from 1"),
            ({"ROWS_PER_REQUEST": "2.5"}, "ROWS_PER_REQUEST must be an integer from 1"),
        ]:
            with self.subTest(env=env), self.assertRaisesRegex(pl.UserError, message):
                self.run_main(**env)
        self.assertFalse(os.path.exists(self.out_dir))
        self.run_main(CONTENT_TYPES="", DEFAULT_VALUES="", ROWS_PER_REQUEST="")  # empty means the default
        self.assertEqual(self.read_index()["content_types"], ["text/csv", "application/json"])

    def test_model_errors(self):
        with self.assertRaisesRegex(pl.UserError, "model input .* does not exist"):
            self.run_main(model=os.path.join(self.root, "nothing"))
        folder = os.path.join(self.root, "model")
        os.makedirs(folder)
        with self.assertRaisesRegex(pl.UserError, "no feature_columns.json in"):
            self.run_main(model=folder)
        for content, message in [("not json", "is not JSON"), ("[]", "non-empty list"), ('["a", 1]', "non-empty list"),
                                 ('["a", "a"]', "lists a column twice")]:
            with open(os.path.join(folder, "feature_columns.json"), "w") as f:
                f.write(content)
            with self.subTest(content=content), self.assertRaisesRegex(pl.UserError, message):
                self.run_main(model=folder)
        with tarfile.open(os.path.join(folder, "model.tar.gz"), "w:gz") as tar:
            tar.add(os.path.join(self.trained, "xgboost_model.bst"), arcname="xgboost_model.bst")
            tar.add(os.path.join(self.trained, "feature_columns.json"), arcname="sub/feature_columns.json")
        with self.assertRaisesRegex(pl.UserError, "no feature_columns.json in .*model.tar.gz"):
            self.run_main(model=folder)  # only the top-level file counts, and the archive wins over the folder


class CommandLineTest(unittest.TestCase):
    def run_script(self, **env):
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "payload.py")],
                              env={**os.environ, **env}, capture_output=True, text=True, timeout=120)

    def test_bad_setting_fails_cleanly(self):
        # Fails on the settings check, before any /opt/ml path is read.
        result = self.run_script(CONTENT_TYPES="application/x-npy")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("CONTENT_TYPES must list some of", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)

    @unittest.skipIf(os.path.exists("/opt/ml/processing/input/model"), "running inside a SageMaker container")
    def test_missing_model_input_fails_cleanly(self):
        result = self.run_script()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("model input /opt/ml/processing/input/model does not exist", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
