"""Tests for plc_step.py: settings from environment variables and hyperparameters, file helpers,
and the __main__ harnesses."""
import argparse
import contextlib
import io
import json
import logging
import math
import os
import sys
import tempfile
import unittest
from unittest import mock

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import plc_step  # noqa: E402
from plc_step import StepEnv, UserError  # noqa: E402

class TempDirTest(unittest.TestCase):
    """A fresh temporary folder as self.root (the other support-module tests use it too)."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = tmp.name


DEFAULTS = {"RATIO": "0.5", "COUNT": "10", "LIMIT": "", "NAME": " default ", "MODE": "fast", "COLUMNS": ""}


class StepEnvTest(unittest.TestCase):
    def env(self, **values):
        return StepEnv(values, DEFAULTS)

    def test_empty_counts_as_unset(self):
        self.assertEqual(self.env().raw("NAME"), " default ")
        self.assertEqual(self.env(NAME="").text("NAME"), "default")
        self.assertEqual(self.env(NAME=" given ").text("NAME"), "given")

    def test_required(self):
        self.assertEqual(self.env(LABEL=" y ").required("LABEL", "the label"), "y")
        for value in ({}, {"LABEL": "  "}):
            with self.subTest(value=value), \
                    self.assertRaisesRegex(UserError, r"^environment variable LABEL is required \(the label\)$"):
                StepEnv(value, DEFAULTS).required("LABEL", "the label")

    def test_choice_is_case_insensitive(self):
        self.assertEqual(self.env(MODE=" SLOW ").choice("MODE", ("fast", "slow")), "slow")
        self.assertEqual(self.env().choice("MODE", ("fast", "slow")), "fast")
        with self.assertRaisesRegex(UserError, r"^MODE must be one of \['fast', 'slow'\], got 'medium'$"):
            self.env(MODE="Medium").choice("MODE", ("fast", "slow"))

    def test_number_in_range(self):
        self.assertEqual(self.env().number("RATIO", float, 0, 1), 0.5)
        self.assertEqual(self.env(COUNT="1").number("COUNT", int, 1, 1000), 1)
        self.assertEqual(self.env(COUNT="1000").number("COUNT", int, 1, 1000), 1000)
        for raw in ("0", "1001", "-3"):
            with self.subTest(raw=raw), self.assertRaisesRegex(UserError, f"^COUNT must be between 1 and 1000, got '{raw}'$"):
                self.env(COUNT=raw).number("COUNT", int, 1, 1000)

    def test_number_kind_in_the_error(self):
        with self.assertRaisesRegex(UserError, r"^COUNT must be a whole number, got '2\.5'$"):
            self.env(COUNT="2.5").number("COUNT", int, 1, 10)
        with self.assertRaisesRegex(UserError, r"^RATIO must be a number, got 'half'$"):
            self.env(RATIO="half").number("RATIO", float, 0, 1)
        with self.assertRaisesRegex(UserError, r"^COUNT must be int, got 'ten'$"):
            self.env(COUNT="ten").number("COUNT", int, 1, 10, noun="int")

    def test_number_exclusive(self):
        self.assertEqual(self.env(RATIO="0.25").number("RATIO", float, 0, 1, exclusive=True), 0.25)
        for raw in ("0", "1", "nan"):
            with self.subTest(raw=raw), \
                    self.assertRaisesRegex(UserError, rf"^RATIO must be between 0 and 1 \(exclusive\), got '{raw}'$"):
                self.env(RATIO=raw).number("RATIO", float, 0, 1, exclusive=True)

    def test_number_floats_must_be_finite(self):
        self.assertEqual(self.env(RATIO="-7.5").number("RATIO", float, -math.inf, math.inf), -7.5)
        for raw in ("inf", "-inf", "nan"):
            with self.subTest(raw=raw), self.assertRaisesRegex(UserError, "must be between -inf and inf"):
                self.env(RATIO=raw).number("RATIO", float, -math.inf, math.inf)

    def test_number_without_upper_bound(self):
        self.assertEqual(self.env(COUNT="123456789").number("COUNT", int, 1, None), 123456789)
        with self.assertRaisesRegex(UserError, r"^COUNT must be at least 1, got '0'$"):
            self.env(COUNT="0").number("COUNT", int, 1, None)

    def test_blank_is_none(self):
        self.assertIsNone(self.env().number("LIMIT", int, 1, 10, blank_is_none=True))
        self.assertIsNone(self.env(LIMIT="  ").number("LIMIT", int, 1, 10, blank_is_none=True))
        self.assertEqual(self.env(LIMIT=" 7 ").number("LIMIT", int, 1, 10, blank_is_none=True), 7)
        # The stripped value is what the error shows.
        with self.assertRaisesRegex(UserError, r"^LIMIT must be a whole number, got 'x'$"):
            self.env(LIMIT=" x ").number("LIMIT", int, 1, 10, blank_is_none=True)
        # Without blank_is_none, a blank value is just not a number.
        with self.assertRaisesRegex(UserError, r"^LIMIT must be a whole number, got '  '$"):
            self.env(LIMIT="  ").number("LIMIT", int, 1, 10)

    def test_columns(self):
        self.assertEqual(self.env().columns("COLUMNS"), [])
        self.assertEqual(self.env(COLUMNS=" a, b ,,c ").columns("COLUMNS"), ["a", "b", "c"])
        with self.assertRaisesRegex(UserError, r"^COLUMNS names a column more than once: \['a'\]$"):
            self.env(COLUMNS="a,b,a").columns("COLUMNS")

    def test_checked_job_type(self):
        allowed = ["training", "testing"]
        self.assertEqual(plc_step.checked_job_type(argparse.Namespace(job_type="testing"), allowed), "testing")
        with self.assertRaisesRegex(UserError, r"^--job-type must be one of \['training', 'testing'\], got 'x'$"):
            plc_step.checked_job_type(argparse.Namespace(job_type="x"), allowed)


class HyperparametersTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.path = os.path.join(self.root, "hyperparameters.json")

    def test_values_are_decoded_and_toolkit_keys_dropped(self):
        with open(self.path, "w") as f:
            json.dump({"sagemaker_program": '"train.py"', "num_round": "10", "eta": "0.5", "label_field": '"y"',
                       "objective": "binary:logistic", "sizes": "64,32", "flag": "true"}, f)
        self.assertEqual(plc_step.load_hyperparameters(self.path),
                         {"num_round": 10, "eta": 0.5, "label_field": "y", "objective": "binary:logistic",
                          "sizes": "64,32", "flag": True})

    def test_missing_file_gives_none(self):
        self.assertEqual(plc_step.load_hyperparameters(self.path), {})

    def test_required_hyperparameter(self):
        self.assertEqual(plc_step.required_hyperparameter({"label_field": " y "}, "label_field", "the label"), "y")
        for hp in ({}, {"label_field": ""}, {"label_field": None}):
            with self.subTest(hp=hp), \
                    self.assertRaisesRegex(UserError, r"^hyperparameter label_field is required \(the label\)$"):
                plc_step.required_hyperparameter(hp, "label_field", "the label")

    def test_unknown_hyperparameters_only_warn(self):
        logger = logging.getLogger("test_plc_step.hp")
        with self.assertLogs(logger, "WARNING") as logs:
            plc_step.warn_unknown_hyperparameters({"a": 1, "b": 2, "z": 3, "_tuning_objective_metric": "auc"},
                                                  ["a"], {"b": None}, logger)
        self.assertEqual(logs.output, ["WARNING:test_plc_step.hp:ignoring unknown hyperparameters: "
                                       "['_tuning_objective_metric', 'z']"])
        with self.assertNoLogs(logger):
            plc_step.warn_unknown_hyperparameters({"a": 1}, ["a"], {"b": None}, logger)


class FilesTest(TempDirTest):
    def test_find_named(self):
        for folder in ("b", "a/deeper", ""):
            os.makedirs(os.path.join(self.root, folder), exist_ok=True)
            open(os.path.join(self.root, folder, "x.json"), "w").close()
        open(os.path.join(self.root, "a", "other.json"), "w").close()
        self.assertEqual(plc_step.find_named(self.root, "x.json"),
                         sorted(os.path.join(self.root, f, "x.json") for f in ("", "a/deeper", "b")))
        self.assertEqual(plc_step.find_named(os.path.join(self.root, "nope"), "x.json"), [])

    def test_write_then_read_json(self):
        path = os.path.join(self.root, "new", "folder", "value.json")
        plc_step.write_json(path, {"b": [1, 2], "a": None})
        with open(path) as f:
            self.assertEqual(f.read(), '{\n  "b": [\n    1,\n    2\n  ],\n  "a": null\n}')
        self.assertEqual(plc_step.read_json(path), {"b": [1, 2], "a": None})

    def test_read_json_errors(self):
        path = os.path.join(self.root, "bad.json")
        with open(path, "w") as f:
            f.write("{not json")
        with self.assertRaisesRegex(UserError, "^cannot read .*bad.json: "):
            plc_step.read_json(path)
        with self.assertRaisesRegex(UserError, "^cannot read .*missing.json: "):
            plc_step.read_json(os.path.join(self.root, "missing.json"))


def failing(error):
    """A main() that raises error."""
    def main(*_):
        raise error
    return main


class HarnessTest(TempDirTest):
    """run_processing_job and run_training_job in this process, with sys.argv and the container paths patched."""

    def setUp(self):
        super().setUp()
        self.logger = logging.getLogger("test_plc_step.harness")
        self.message_file = os.path.join(self.root, "opt_ml", "output", "message")
        patches = [
            mock.patch.object(plc_step, "CONTAINER_ROOT", os.path.join(self.root, "opt_ml")),
            mock.patch.object(plc_step, "EXIT_MESSAGE_FILE", self.message_file),
            mock.patch.object(logging, "basicConfig"),  # leave the test runner's logging alone
        ]
        for patch in patches:
            patch.start()
            self.addCleanup(patch.stop)

    def processing(self, main, argv=("--job-type", "testing"), environ=None, **kwargs):
        with mock.patch.object(sys, "argv", ["step.py", *argv]), mock.patch.dict(os.environ, environ or {}):
            plc_step.run_processing_job("Test", main, self.logger, {"data": "/in"}, {"out": "/out"}, ["NEEDED"],
                                        {"OPTIONAL": "1"}, {"--job-type": {"required": True}}, **kwargs)

    def training(self, main, argv=()):
        with mock.patch.object(sys, "argv", ["train.py", *argv]):
            plc_step.run_training_job("Test", main, self.logger, {"training_data": "/data"}, {"model": "/model"},
                                      "/hp.json", [], {})

    def error_lines(self, run, error) -> list[str]:
        """What run(main raising error) logs at ERROR; it must end the process with exit code 1."""
        with self.assertLogs(self.logger, "ERROR") as logs, self.assertRaises(SystemExit) as stop:
            run(failing(error))
        self.assertEqual(stop.exception.code, 1)
        return [line.replace("ERROR:test_plc_step.harness:", "", 1) for line in logs.output]

    def test_main_gets_the_contract(self):
        calls = []

        def main(input_paths, output_paths, environ_vars, job_args):
            calls.append((input_paths, output_paths, environ_vars, job_args.job_type))
            return {"rows": 3, "path": "/out/x"}

        with self.assertLogs(self.logger, "INFO") as logs:
            self.processing(main, environ={"NEEDED": "a", "OPTIONAL": "b", "OTHER": "c"},
                            describe=lambda summary: f"{summary['rows']} rows")
        self.assertEqual(calls, [({"data": "/in"}, {"out": "/out"}, {"NEEDED": "a", "OPTIONAL": "b"}, "testing")])
        self.assertEqual(logs.output, ["INFO:test_plc_step.harness:done: 3 rows"])

    def test_user_error_is_one_line(self):
        self.assertEqual(self.error_lines(self.processing, UserError("LABEL_FIELD is required")),
                         ["LABEL_FIELD is required"])
        self.assertFalse(os.path.exists(self.message_file), "no container root: no exit message file")

    def test_exit_message_inside_a_container(self):
        os.makedirs(os.path.join(self.root, "opt_ml"))
        self.error_lines(self.processing, UserError("x" * 2000))
        with open(self.message_file) as f:
            self.assertEqual(f.read(), "x" * 1024)

    def test_unexpected_error_keeps_the_traceback(self):
        lines = self.error_lines(self.processing, KeyError("boom"))
        self.assertTrue(lines[0].startswith("unexpected failure\nTraceback"), lines[0])
        self.assertEqual(lines[1], "unexpected KeyError: 'boom'")

    def test_bad_arguments_are_argparse_errors(self):
        with contextlib.redirect_stderr(io.StringIO()) as err, self.assertRaises(SystemExit) as stop:
            self.processing(lambda *_: {}, argv=())
        self.assertEqual(stop.exception.code, 2)
        self.assertIn("--job-type", err.getvalue())

    def test_training_main_gets_the_hyperparameters_path_and_ignores_arguments(self):
        calls = []

        def main(input_paths, output_paths, environ_vars, job_args):
            calls.append((input_paths, output_paths, environ_vars))
            return {"ok": True}

        with self.assertLogs(self.logger, "INFO") as logs:
            self.training(main, argv=("--num_round", "10", "--eta", "0.1"))
        self.assertEqual(calls, [({"training_data": "/data", "hyperparameters": "/hp.json"}, {"model": "/model"}, {})])
        self.assertEqual(logs.output, ['INFO:test_plc_step.harness:done: {"ok": true}'])

    def test_training_errors(self):
        os.makedirs(os.path.join(self.root, "opt_ml"))
        self.assertEqual(self.error_lines(self.training, UserError("hyperparameter label_field is required")),
                         ["hyperparameter label_field is required"])
        self.assertFalse(os.path.exists(self.message_file), "training jobs report through stderr only")
        self.assertEqual(self.error_lines(self.training, ValueError("bad"))[1], "unexpected ValueError: bad")


if __name__ == "__main__":
    unittest.main()
