"""The built-in models as SageMaker serves them: the real model.tar.gz a training script writes,
extracted as the serving container extracts it, loaded by the serving script through its own
code folder (the uploaded sourcedir for XGBoostModel, the archive's code/ for PyTorchModel) in a
fresh interpreter that sees nothing else, and asked for predictions on the Payload step's sample
payloads, in both content types."""
import argparse
import contextlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

import numpy as np

from step_test_support import SCRIPTS_DIR, make_table  # noqa: F401 (sets sys.path)

import payload as pl  # noqa: E402
from plc_archives import safe_extract  # noqa: E402
import xgboost_training as xt  # noqa: E402

try:
    import torch  # noqa: F401
except ImportError:
    torch = None
NO_TORCH = "torch is not installed, so the PyTorchModel serving tests were NOT run (apt-get install python3-torch)"
if torch is not None:
    import pytorch_training as pt  # noqa: E402

STEPS_DIR = os.path.dirname(SCRIPTS_DIR)

# Serves each sample of payload.tar.gz through model_fn, input_fn, predict_fn and output_fn, as
# the inference toolkits call them, and prints {file: response}.
SERVE = """
import importlib, json, sys, tarfile
code_dir, program, model_dir, payload = sys.argv[1:]
sys.path[:0] = [code_dir]
serve = importlib.import_module(program[:-3])
model = serve.model_fn(model_dir)
types = {"sample_payload.csv": "text/csv", "sample_payload.json": "application/json"}
out = {}
with tarfile.open(payload) as tar:
    for member in tar.getmembers():
        body = tar.extractfile(member).read()
        kind = types[member.name]
        out[member.name] = serve.output_fn(serve.predict_fn(serve.input_fn(body, kind), model), kind)
print(json.dumps(out))
"""


def shipped_files(step_file):
    """The files a step type ships with its script (entryPoint and include, as plc bundles them)."""
    with open(os.path.join(STEPS_DIR, step_file)) as f:
        text = f.read()
    entry = re.search(r"^  entryPoint: (\S+)$", text, re.M).group(1)
    include = re.search(r"^  include: \[(.*)\]$", text, re.M).group(1)
    return entry, [entry] + [name.strip() for name in include.split(",")]


class ServingTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def write_splits(self, with_category):
        for split, seed in (("train", 0), ("val", 1)):
            table = make_table(80, seed=seed)
            table["label"] = (table["label"] == "yes").astype(int)
            if with_category:  # a text category tied to the label, encoded at training time
                table["colour"] = np.where(table["f1"] > 0, "red", "blue")
            table.loc[0, "f2"] = np.nan  # a missing value, imputed as training imputed it
            os.makedirs(self.path("data", split))
            table.to_csv(self.path("data", split, "part.csv"), index=False)

    def archive_and_extract(self, model_dir):
        """model.tar.gz as SageMaker tars /opt/ml/model, and the folder serving extracts it to."""
        os.makedirs(self.path("artifacts"))
        with tarfile.open(self.path("artifacts", "model.tar.gz"), "w:gz") as tar:
            tar.add(model_dir, arcname=".")
        safe_extract(self.path("artifacts", "model.tar.gz"), self.path("serving", "model"), logging.getLogger("test"))
        return self.path("serving", "model")

    def payloads(self, **env):
        """The Payload step's samples for the archive (CSV and JSON)."""
        with contextlib.redirect_stderr(io.StringIO()):
            pl.main({"model": self.path("artifacts")}, {"payload_sample": self.path("payload")}, env,
                    argparse.Namespace())
        return self.path("payload", "payload.tar.gz")

    def serve(self, code_dir, program, model_dir, payload):
        result = subprocess.run([sys.executable, "-c", SERVE, code_dir, program, model_dir, payload],
                                cwd=self.root, capture_output=True, text=True,
                                env={"PATH": os.environ.get("PATH", ""), "PYTHONDONTWRITEBYTECODE": "1"})
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_xgboost_model_serves_the_payload_samples(self):
        self.write_splits(with_category=True)
        with open(self.path("hp.json"), "w") as f:
            json.dump({"label_field": "label", "num_round": "10"}, f)
        with contextlib.redirect_stdout(io.StringIO()):
            xt.main({"training_data": self.path("data"), "hyperparameters": self.path("hp.json")},
                    {"model": self.path("model"), "metrics": self.path("metrics")}, {}, argparse.Namespace())
        model_dir = self.archive_and_extract(self.path("model"))
        # The sourcedir plc uploads for XGBoostModel: its script and includes, from the script's folder.
        entry, files = shipped_files("xgboost-model.step.yaml")
        code_dir = self.path("serving", "code")
        os.makedirs(code_dir)
        for name in files:
            shutil.copyfile(os.path.join(STEPS_DIR, name), os.path.join(code_dir, os.path.basename(name)))
        # A positive-looking row, the category as text: the model's categories.json encodes it.
        out = self.serve(code_dir, os.path.basename(entry), model_dir,
                         self.payloads(DEFAULT_VALUES='{"f1": 2.0, "colour": "red"}', ROWS_PER_REQUEST="2"))
        csv_scores = [float(line) for line in out["sample_payload.csv"].split("\n")]
        json_scores = json.loads(out["sample_payload.json"])["predictions"]
        self.assertEqual(len(csv_scores), 2)
        np.testing.assert_allclose(csv_scores, json_scores)
        self.assertGreater(csv_scores[0], 0.5)

    @unittest.skipUnless(torch, NO_TORCH)
    def test_pytorch_model_serves_the_payload_samples_from_its_packaged_code(self):
        self.write_splits(with_category=False)
        with open(self.path("hp.json"), "w") as f:
            json.dump({"label_field": '"label"', "epochs": "40", "learning_rate": "0.05", "hidden_sizes": '"8"'}, f)
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            pt.main({"training_data": self.path("data"), "hyperparameters": self.path("hp.json")},
                    {"model": self.path("model"), "metrics": self.path("metrics")}, {}, argparse.Namespace())
        model_dir = self.archive_and_extract(self.path("model"))
        # PyTorchModel's program, read from the archive's code/ (SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/model/code).
        entry, files = shipped_files("pytorch-model.step.yaml")
        self.assertEqual(sorted(os.listdir(os.path.join(model_dir, "code"))), sorted(os.path.basename(f) for f in files))
        payload = self.payloads(DEFAULT_VALUES='{"f1": 2.0, "f2": "", "f3": 4}', ROWS_PER_REQUEST="2")
        out = self.serve(os.path.join(model_dir, "code"), os.path.basename(entry), model_dir, payload)
        csv_scores = [float(line) for line in out["sample_payload.csv"].split("\n")]
        json_scores = json.loads(out["sample_payload.json"])["predictions"]
        np.testing.assert_allclose(csv_scores, json_scores, rtol=1e-6)
        self.assertGreater(csv_scores[0], 0.5)  # f1 = 2.0 is clearly positive
        # The same as the trained network on the same row, preprocessed as training did (f2 missing -> mean).
        with open(os.path.join(model_dir, "model_config.json")) as f:
            config = json.load(f)
        network = pt.build_model(config)
        network.load_state_dict(torch.load(os.path.join(model_dir, "model.pt")))
        network.eval()
        row = np.array([[2.0, np.nan, 4.0]])
        with torch.no_grad():
            expected = torch.softmax(network(pt.scale_rows(row, config)), dim=1).numpy()[0, 1]
        self.assertAlmostEqual(csv_scores[0], float(expected), places=5)


if __name__ == "__main__":
    unittest.main()
