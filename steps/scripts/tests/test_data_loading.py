"""Tests for data_loading.py on tiny generated files."""
import argparse
import csv
import gzip
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

import pandas as pd

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, SCRIPTS_DIR)

import data_loading as dl  # noqa: E402

HAVE_PARQUET = any(importlib.util.find_spec(m) for m in ("pyarrow", "fastparquet"))


def make_table(rows=10, start=0):
    return pd.DataFrame({
        "id": range(start, start + rows),
        "amount": [round(0.5 * i, 2) for i in range(start, start + rows)],
        "city": ["paris" if i % 2 else "rome" for i in range(start, start + rows)],
        "label": [i % 3 == 0 for i in range(start, start + rows)],
    })


class DataLoadingTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self._tmp.cleanup)
        self.in_dir = os.path.join(self._tmp.name, "input")
        self.out = {name: os.path.join(self._tmp.name, "output", name) for name in ("data", "metadata", "signature")}
        os.makedirs(self.in_dir)

    def path(self, *parts):
        full = os.path.join(self.in_dir, *parts)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        return full

    def run_main(self, job_type="training", **env):
        return dl.main({"data_source": self.in_dir}, self.out, env, argparse.Namespace(job_type=job_type))

    def read_outputs(self):
        data = pd.read_csv(os.path.join(self.out["data"], "data.csv"))
        with open(os.path.join(self.out["metadata"], "metadata.json"), encoding="utf-8") as f:
            metadata = json.load(f)
        with open(os.path.join(self.out["signature"], "signature.csv"), encoding="utf-8", newline="") as f:
            signature = list(csv.reader(f))
        return data, metadata, signature

    def test_csv_gzip_and_json_lines_are_merged_in_path_order(self):
        make_table(4, 0).to_csv(self.path("a", "part-0.csv"), index=False)
        make_table(3, 4).to_csv(self.path("a", "part-1.csv.gz"), index=False, compression="gzip")
        make_table(2, 7).to_json(self.path("b", "part-2.jsonl"), orient="records", lines=True)
        with gzip.open(self.path("c", "part-3.json.gz"), "wt", encoding="utf-8") as f:
            f.write(make_table(1, 9).to_json(orient="records", lines=True))
        with open(self.path("_SUCCESS"), "w", encoding="utf-8") as f:
            f.write("")  # not a data file: ignored

        summary = self.run_main(job_type="validation")
        data, metadata, signature = self.read_outputs()

        self.assertEqual(list(data["id"]), list(range(10)))
        self.assertEqual(list(data.columns), ["id", "amount", "city", "label"])
        self.assertEqual(summary["files_read"], 4)
        self.assertEqual(metadata["row_count"], 10)
        self.assertEqual(metadata["columns"], ["id", "amount", "city", "label"])
        self.assertEqual(metadata["dtypes"], {"id": "int64", "amount": "float64", "city": "object", "label": "bool"})
        self.assertEqual(metadata["job_type"], "validation")
        self.assertEqual(metadata["source_files"], [os.path.join("a", "part-0.csv"), os.path.join("a", "part-1.csv.gz"),
                                                    os.path.join("b", "part-2.jsonl"), os.path.join("c", "part-3.json.gz")])
        self.assertFalse(metadata["truncated"])
        self.assertEqual(signature, [["id", "amount", "city", "label"]])

    def test_json_array_file(self):
        make_table(3).to_json(self.path("records.json"), orient="records")
        self.run_main()
        data, metadata, _ = self.read_outputs()
        self.assertEqual(list(data["id"]), [0, 1, 2])
        self.assertEqual(metadata["row_count"], 3)

    def test_column_selection_and_row_limit(self):
        make_table(6, 0).to_csv(self.path("part-0.csv"), index=False)
        # Extra column in the second file is fine when columns are selected.
        make_table(6, 6).assign(extra=1).to_csv(self.path("part-1.csv"), index=False)
        make_table(6, 12).to_csv(self.path("part-2.csv"), index=False)

        summary = self.run_main(SELECTED_COLUMNS=" label , id", MAX_ROWS="8")
        data, metadata, signature = self.read_outputs()

        self.assertEqual(list(data.columns), ["label", "id"])
        self.assertEqual(list(data["id"]), list(range(8)))
        self.assertEqual(summary["files_read"], 2)  # the third file is never read
        self.assertTrue(metadata["truncated"])
        self.assertEqual(metadata["max_rows"], 8)
        self.assertEqual(signature, [["label", "id"]])

    def test_row_limit_above_row_count(self):
        make_table(5).to_csv(self.path("part-0.csv"), index=False)
        self.run_main(MAX_ROWS="100")
        data, metadata, _ = self.read_outputs()
        self.assertEqual(len(data), 5)
        self.assertFalse(metadata["truncated"])

    def test_header_only_file_gives_empty_data_set(self):
        make_table(0).to_csv(self.path("empty.csv"), index=False)
        summary = self.run_main()
        data, metadata, signature = self.read_outputs()
        self.assertEqual(summary["rows"], 0)
        self.assertEqual(len(data), 0)
        self.assertEqual(metadata["row_count"], 0)
        self.assertEqual(signature, [["id", "amount", "city", "label"]])

    @unittest.skipUnless(HAVE_PARQUET, "no parquet engine (pyarrow or fastparquet)")
    def test_parquet(self):
        make_table(4).to_parquet(self.path("part-0.parquet"), index=False)
        self.run_main()
        data, _, _ = self.read_outputs()
        self.assertEqual(list(data["id"]), [0, 1, 2, 3])

    def test_user_errors(self):
        with self.assertRaisesRegex(dl.UserError, "no .csv"):
            self.run_main()
        make_table(3).to_csv(self.path("a.csv"), index=False)
        with self.assertRaisesRegex(dl.UserError, "MAX_ROWS must be a whole number"):
            self.run_main(MAX_ROWS="lots")
        with self.assertRaisesRegex(dl.UserError, "MAX_ROWS must be at least 1"):
            self.run_main(MAX_ROWS="0")
        with self.assertRaisesRegex(dl.UserError, "more than once"):
            self.run_main(SELECTED_COLUMNS="id,id")
        with self.assertRaisesRegex(dl.UserError, r"lacks selected columns \['price'\]"):
            self.run_main(SELECTED_COLUMNS="id,price")
        with self.assertRaisesRegex(dl.UserError, "job-type"):
            self.run_main(job_type="scoring")
        make_table(3).drop(columns="city").to_csv(self.path("b.csv"), index=False)
        with self.assertRaisesRegex(dl.UserError, "b.csv has columns"):
            self.run_main()
        with open(self.path("c.csv"), "w", encoding="utf-8") as f:
            f.write("")
        with self.assertRaisesRegex(dl.UserError, "cannot read .*c.csv"):
            self.run_main(SELECTED_COLUMNS="id")
        with self.assertRaisesRegex(dl.UserError, "does not exist"):
            dl.main({"data_source": os.path.join(self._tmp.name, "nope")}, self.out, {},
                    argparse.Namespace(job_type="training"))


class CommandLineTest(unittest.TestCase):
    def run_script(self, *args, **env):
        full_env = {k: v for k, v in os.environ.items() if k not in dl.OPTIONAL_ENV_VARS}
        full_env.update(env)
        return subprocess.run([sys.executable, os.path.join(SCRIPTS_DIR, "data_loading.py"), *args],
                              env=full_env, capture_output=True, text=True, timeout=120)

    def test_bad_setting_fails_cleanly(self):
        # Fails on the env check, before any /opt/ml path is read.
        result = self.run_script("--job-type", "training", MAX_ROWS="many")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("MAX_ROWS must be a whole number", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)

    def test_missing_job_type_fails_cleanly(self):
        result = self.run_script()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--job-type", result.stderr)
        self.assertNotIn("Traceback", result.stderr)


if __name__ == "__main__":
    unittest.main()
