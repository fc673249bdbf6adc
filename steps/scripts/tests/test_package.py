"""Tests for package.py on a tiny XGBoost model trained from generated CSVs (the tabular path)."""
import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import unittest

import xgboost as xgb

from step_test_support import SCRIPTS_DIR, make_table, train_model  # noqa: F401 (sets sys.path)

import package as pk  # noqa: E402

MODEL_FILES = ["categories.json", "feature_columns.json", "hyperparameters.json", "input_example.json", "xgboost_model.bst"]


def tar_model(model_dir, archive):
    """As SageMaker uploads /opt/ml/model: a model.tar.gz with ./-prefixed entries and real mtimes."""
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(model_dir, arcname=".")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


class PackageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._shared = tempfile.TemporaryDirectory()
        cls.trained = train_model(cls._shared.name)

    @classmethod
    def tearDownClass(cls):
        cls._shared.cleanup()

    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name
        self.model_in = os.path.join(self.root, "input", "model")
        self.calibration = os.path.join(self.root, "input", "calibration")
        self.code = os.path.join(self.root, "input", "code_files")
        self.out_dir = os.path.join(self.root, "output", "model")
        write(os.path.join(self.calibration, "calibration_model.json"), '{"method": "isotonic"}\n')
        write(os.path.join(self.calibration, "curves", "bins.csv"), "x,y\n0,0\n1,1\n")
        write(os.path.join(self.code, "inference.py"), "def model_fn(model_dir):\n    return model_dir\n")
        write(os.path.join(self.code, "requirements.txt"), "xgboost==1.7.6\n")

    def model_as_archive(self):
        os.makedirs(self.model_in)
        tar_model(self.trained, os.path.join(self.model_in, "model.tar.gz"))

    def run_main(self, **inputs):
        paths = {"model": self.model_in, "calibration": self.calibration, "inference_code": self.code}
        paths.update(inputs)
        return pk.main(paths, {"packaged_model": self.out_dir}, {}, argparse.Namespace())

    def archive_path(self):
        return os.path.join(self.out_dir, "model.tar.gz")

    def read_archive(self):
        with tarfile.open(self.archive_path()) as tar:
            return {m.name: (m, tar.extractfile(m).read()) for m in tar.getmembers()}

    def read_bytes(self, path=None):
        with open(path or self.archive_path(), "rb") as f:
            return f.read()

    def test_model_archive_with_calibration_and_code(self):
        self.model_as_archive()
        summary = self.run_main()

        self.assertEqual(os.listdir(self.out_dir), ["model.tar.gz"])
        members = self.read_archive()
        expected = sorted(MODEL_FILES + ["calibration/calibration_model.json", "calibration/curves/bins.csv",
                                         "code/inference.py", "code/requirements.txt"])
        self.assertEqual(list(members), expected)  # sorted, no ./ prefix, no folder entries
        self.assertEqual(summary["entries"], expected)
        self.assertEqual(summary["files"], {"model": 5, "calibration": 2, "inference_code": 2})
        for name, (info, data) in members.items():
            self.assertEqual((info.mtime, info.mode, info.uid, info.gid, info.uname, info.gname),
                             (0, 0o644, 0, 0, "", ""), name)
        self.assertEqual(members["code/requirements.txt"][1], b"xgboost==1.7.6\n")
        self.assertEqual(members["calibration/curves/bins.csv"][1], b"x,y\n0,0\n1,1\n")
        with open(os.path.join(self.trained, "xgboost_model.bst"), "rb") as f:
            self.assertEqual(members["xgboost_model.bst"][1], f.read())
        # No scratch folder left behind next to the output.
        self.assertEqual(os.listdir(os.path.dirname(self.out_dir)), ["model"])

    def test_packaged_model_still_predicts(self):
        self.model_as_archive()
        self.run_main()
        unpacked = os.path.join(self.root, "unpacked")
        with tarfile.open(self.archive_path()) as tar:
            tar.extractall(unpacked)
        with open(os.path.join(unpacked, "feature_columns.json")) as f:
            features = json.load(f)
        booster = xgb.Booster(model_file=os.path.join(unpacked, "xgboost_model.bst"))
        predictions = booster.predict(xgb.DMatrix(make_table(8, seed=3)[features]))
        self.assertEqual(predictions.shape, (8,))

    def test_same_inputs_same_bytes(self):
        self.model_as_archive()
        self.run_main()
        first = self.read_bytes()
        self.assertEqual(first[3], 0, "no FNAME flag in the gzip header")
        self.assertEqual(first[4:8], b"\0\0\0\0", "gzip header mtime is 0")
        # New file times everywhere, and the model as a folder instead of an archive: same bytes.
        time.sleep(0.01)
        for folder in (self.calibration, self.code):
            for root, _, names in os.walk(folder):
                for name in names:
                    os.utime(os.path.join(root, name), (1e9, 1e9))
        self.run_main()
        self.assertEqual(self.read_bytes(), first)
        self.run_main(model=self.trained)
        self.assertEqual(self.read_bytes(), first)

    def test_optional_inputs_unbound_or_empty(self):
        os.makedirs(self.model_in)
        for name in MODEL_FILES:
            with open(os.path.join(self.trained, name), "rb") as src, open(os.path.join(self.model_in, name), "wb") as dst:
                dst.write(src.read())
        empty = os.path.join(self.root, "empty")
        os.makedirs(empty)
        summary = self.run_main(calibration=os.path.join(self.root, "not-there"), inference_code=empty)
        self.assertEqual(list(self.read_archive()), MODEL_FILES)
        self.assertEqual(summary["files"], {"model": 5, "calibration": 0, "inference_code": 0})
        paths = {"model": self.model_in}  # the optional ports not in input_paths at all
        pk.main(paths, {"packaged_model": self.out_dir}, {}, argparse.Namespace())
        self.assertEqual(list(self.read_archive()), MODEL_FILES)

    def test_model_folder_with_nested_files(self):
        write(os.path.join(self.model_in, "weights", "part-1.bin"), "w")
        write(os.path.join(self.model_in, "config.json"), "{}")
        self.run_main(calibration=None, inference_code=None)
        self.assertEqual(list(self.read_archive()), ["config.json", "weights/part-1.bin"])

    def test_user_errors(self):
        with self.assertRaisesRegex(pk.UserError, "model input .* does not exist"):
            self.run_main()
        os.makedirs(self.model_in)
        with self.assertRaisesRegex(pk.UserError, "holds no files"):
            self.run_main()
        archive = os.path.join(self.model_in, "model.tar.gz")
        with open(archive, "wb") as f:
            f.write(b"not a tar.gz")
        with self.assertRaisesRegex(pk.UserError, "cannot read .*model.tar.gz"):
            self.run_main()
        with tarfile.open(archive, "w:gz"):
            pass  # an empty archive
        with self.assertRaisesRegex(pk.UserError, "model input .*model.tar.gz holds no files"):
            self.run_main()
        with tarfile.open(archive, "w:gz") as tar:
            info = tarfile.TarInfo("../escape.txt")
            info.size = 1
            tar.addfile(info, io.BytesIO(b"x"))
        with self.assertRaisesRegex(pk.UserError, "unsafe path '../escape.txt'"):
            self.run_main()
        with tarfile.open(archive, "w:gz") as tar:
            info = tarfile.TarInfo("link")
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tar.addfile(info)
        with self.assertRaisesRegex(pk.UserError, "'link', which is a link"):
            self.run_main()

    def test_clash_with_code_already_in_model(self):
        write(os.path.join(self.model_in, "model.bin"), "m")
        write(os.path.join(self.model_in, "code", "inference.py"), "# shipped with the model\n")
        with self.assertRaisesRegex(pk.UserError, "already has 'code/inference.py'.*inference_code"):
            self.run_main()
        self.run_main(inference_code=None)  # without the input, the model's own code/ is kept
        self.assertIn("code/inference.py", self.read_archive())


class CommandLineTest(unittest.TestCase):
    @unittest.skipIf(os.path.exists("/opt/ml/processing/input/model"), "running inside a SageMaker container")
    def test_missing_model_input_fails_cleanly(self):
        result = subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "package.py")],
                                capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("model input /opt/ml/processing/input/model does not exist", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)


if __name__ == "__main__":
    unittest.main()
