"""Tests for plc_tables.py: data files kept at their relative paths, the fit/apply helpers, a folder
of CSVs as one table, and feature-column checks."""
import gzip
import importlib.util
import logging
import os
import sys
import unittest

import pandas as pd

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import plc_step  # noqa: E402
import plc_tables as pt  # noqa: E402
from plc_step import UserError  # noqa: E402
from test_plc_step import TempDirTest  # noqa: E402

HAVE_PARQUET = any(importlib.util.find_spec(m) for m in ("pyarrow", "fastparquet"))
LOGGER = logging.getLogger("test_plc_tables")


class Fixture(TempDirTest):
    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def write(self, relative, text):
        path = self.path(relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "wt") as f:
            f.write(text)
        return path


class DataFilesTest(Fixture):
    def test_find_data_files(self):
        for name in ("train/a.csv", "train/b.CSV.GZ", "val/c.parquet", "val/.hidden.csv", "notes.txt", "d.csv"):
            self.write(name, "x\n1\n")
        self.assertEqual(pt.find_data_files(self.root), ["d.csv", "train/a.csv", "train/b.CSV.GZ", "val/c.parquet"])
        self.assertEqual(pt.find_data_files(self.root, skip_hidden=False),
                         ["d.csv", "train/a.csv", "train/b.CSV.GZ", "val/.hidden.csv", "val/c.parquet"])
        self.assertEqual(pt.find_data_files(self.root, (".txt",)), ["notes.txt"])

    def test_find_data_files_errors(self):
        with self.assertRaisesRegex(UserError, "^input folder .*nope does not exist$"):
            pt.find_data_files(self.path("nope"))
        self.write("notes.txt", "")
        with self.assertRaisesRegex(UserError, r"^no \.csv, \.csv\.gz, \.parquet files under "):
            pt.find_data_files(self.root)

    def test_read_table_strips_names(self):
        table = pt.read_table(self.write("a.csv.gz", " x , y\n1,2\n"))
        self.assertEqual(list(table.columns), ["x", "y"])
        self.assertEqual(table.to_dict("records"), [{"x": 1, "y": 2}])

    def test_read_table_errors(self):
        with self.assertRaisesRegex(UserError, r"duplicate column names after stripping spaces: \['x', 'x'\]"):
            pt.read_table(self.write("dup.csv", "x, x\n1,2\n"))
        with self.assertRaisesRegex(UserError, "^cannot read .*empty.csv: "):
            pt.read_table(self.write("empty.csv", ""))

    def test_write_table_by_suffix(self):
        table = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
        path = self.path("out", "deep", "t.csv.gz")
        pt.write_table(table, path)
        with gzip.open(path, "rt") as f:
            self.assertEqual(f.read(), "x,y\n1,a\n2,b\n")
        pd.testing.assert_frame_equal(pt.read_table(path), table)

    @unittest.skipUnless(HAVE_PARQUET, "no parquet engine")
    def test_parquet_round_trip(self):
        table = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
        pt.write_table(table, self.path("t.parquet"))
        pd.testing.assert_frame_equal(pt.read_table(self.path("t.parquet")), table)

    def test_concat_tables(self):
        first = pd.DataFrame({"a": [1], "b": [2]})
        second = pd.DataFrame({"b": [4], "a": [3]})
        out = pt.concat_tables([first, second], ["one", "two"])
        self.assertEqual(out.to_dict("list"), {"a": [1, 3], "b": [2, 4]})  # the first file's column order
        with self.assertRaisesRegex(UserError, r"^two has columns \['a', 'c'\], but one has \['a', 'b'\]$"):
            pt.concat_tables([first, pd.DataFrame({"a": [1], "c": [2]})], ["one", "two"])


class FitApplyTest(Fixture):
    def test_fitting_files(self):
        files = [os.path.join("test", "a.csv"), os.path.join("train", "a.csv"), os.path.join("train", "b.csv")]
        self.assertEqual(pt.fitting_files(files), files[1:])
        flat = ["train.csv", os.path.join("val", "a.csv")]  # no train/ folder: fit on everything
        self.assertEqual(pt.fitting_files(flat), flat)

    def test_read_fitting_data(self):
        self.write("train/a.csv", "x,label\n1,0\n")
        self.write("train/b.csv", "label,x\n1,2\n")
        self.write("val/c.csv", "x,label\n3,1\n")
        files = pt.find_data_files(self.root)
        fit_files, train = pt.read_fitting_data(self.root, files, "label")
        self.assertEqual(fit_files, [os.path.join("train", "a.csv"), os.path.join("train", "b.csv")])
        self.assertEqual(train.to_dict("list"), {"x": [1, 2], "label": [0, 1]})
        with self.assertRaisesRegex(UserError, r"^label column 'y' not found; columns are \['x', 'label'\]$"):
            pt.read_fitting_data(self.root, files, "y")

    def load(self, folder):
        return pt.load_fitted(folder, "params.json", "plc-test/1", "test parameters", "params", "TestStep",
                              lambda fitted: isinstance(fitted.get("columns"), dict))

    def test_load_fitted(self):
        plc_step.write_json(self.path("in", "nested", "params.json"), {"format": "plc-test/1", "columns": {"a": 1}})
        self.assertEqual(self.load(self.path("in"))["columns"], {"a": 1})

    def test_load_fitted_errors(self):
        for folder in (None, "", self.path("nope")):
            with self.subTest(folder=folder), self.assertRaisesRegex(
                    UserError, "^test parameters folder .* does not exist; bind the params input "
                               "to the training job's params output$"):
                self.load(folder)
        os.makedirs(self.path("in"))
        with self.assertRaisesRegex(UserError, "^no params.json under "):
            self.load(self.path("in"))
        for bad in ([], {"format": "plc-test/2", "columns": {}}, {"format": "plc-test/1", "columns": []}):
            plc_step.write_json(self.path("in", "params.json"), bad)
            with self.subTest(bad=bad), \
                    self.assertRaisesRegex(UserError, "params.json is not a plc-test/1 file written by TestStep$"):
                self.load(self.path("in"))
        self.write("in/params.json", "{")
        with self.assertRaisesRegex(UserError, "^cannot read .*params.json"):
            self.load(self.path("in"))

    def test_write_with_column(self):
        data = pd.DataFrame({"score": [0.1, 0.9]})
        pt.write_with_column(data, "extra", [1, 2], self.path("out"), "d.csv", "extras", LOGGER)
        self.assertEqual(list(data.columns), ["score"], "the input frame is left alone")
        self.assertEqual(pd.read_csv(self.path("out", "d.csv")).to_dict("list"), {"score": [0.1, 0.9], "extra": [1, 2]})
        with self.assertLogs(LOGGER, "WARNING") as logs:
            pt.write_with_column(data, "score", [5, 6], self.path("out"), "d.csv", "extras", LOGGER)
        self.assertEqual(logs.output, ["WARNING:test_plc_tables:replacing the existing column 'score' with the extras"])
        self.assertEqual(pd.read_csv(self.path("out", "d.csv")).to_dict("list"), {"score": [5, 6]})


class CsvFolderTest(Fixture):
    def test_read_csvs(self):
        self.write("b/two.csv", "y , x\n4,3\n")
        self.write("a/one.csv.gz", "x,y\n1,2\n")
        self.write("a/skip.parquet", "not read")
        with self.assertLogs(LOGGER, "INFO") as logs:
            table = pt.read_csvs(self.root, LOGGER)
        self.assertEqual(table.to_dict("list"), {"x": [1, 3], "y": [2, 4]})
        self.assertEqual(logs.output, [f"INFO:test_plc_tables:read 2 file(s) from {self.root}"])

    def test_read_csvs_errors(self):
        with self.assertRaisesRegex(UserError, "^input folder .* does not exist$"):
            pt.read_csvs(self.path("nope"), LOGGER)
        os.makedirs(self.path("empty"))
        with self.assertRaisesRegex(UserError, "^no CSV files under "):
            pt.read_csvs(self.path("empty"), LOGGER)
        self.write("mixed/a.csv", "x\n1\n")
        self.write("mixed/b.csv", "z\n1\n")
        with self.assertRaisesRegex(UserError, r"b.csv has columns \['z'\], but .*a.csv has \['x'\]"):
            pt.read_csvs(self.path("mixed"), LOGGER)
        self.write("bad/a.csv", "")
        with self.assertRaisesRegex(UserError, "^cannot read .*a.csv: "):
            pt.read_csvs(self.path("bad"), LOGGER)

    def test_concat_csvs_keeps_names_as_read(self):
        self.write("s/a.csv", " x ,label\n1,0\n")
        self.assertEqual(list(pt.concat_csvs(self.path("s")).columns), [" x ", "label"])
        self.write("bad/a.csv", "")
        with self.assertRaisesRegex(UserError, "^cannot read .*bad/a.csv: "):
            pt.concat_csvs(self.path("bad"))

    def test_find_split_folder(self):
        self.write("val/part.csv", "x\n1\n")
        self.write("test/part.csv", "x\n1\n")
        os.makedirs(self.path("testing"))  # no CSV in it: skipped
        self.assertEqual(pt.find_split_folder(self.root, "validation"), self.path("val"))
        self.assertEqual(pt.find_split_folder(self.root, "testing"), self.path("test"))
        self.assertEqual(pt.find_split_folder(self.root, "training"), self.path("test"))
        with self.assertRaisesRegex(UserError, r"has \['val', 'test'\] sub-folders but none for job type calibration "
                                               r"\(looked for \['calibration'\]\)"):
            pt.find_split_folder(self.root, "calibration")
        self.write("flat/part.csv", "x\n1\n")
        self.assertEqual(pt.find_split_folder(self.path("flat"), "calibration"), self.path("flat"))
        with self.assertRaisesRegex(UserError, "^input folder .* does not exist$"):
            pt.find_split_folder(self.path("nope"), "testing")


class FeatureColumnsTest(Fixture):
    def test_check_features(self):
        data = pd.DataFrame({"a": [1.0], "b": ["x"], "c": [2]})
        pt.check_features(data, ["a", "c"])
        with self.assertRaisesRegex(UserError, r"^data lacks the model's feature columns \['d'\]$"):
            pt.check_features(data, ["a", "d"])
        with self.assertRaisesRegex(UserError, r"^feature columns must be numeric; these are not: \['b'\]$"):
            pt.check_features(data, ["a", "b"])

    def test_training_features(self):
        train = pd.DataFrame({"a": [1], "label": [0], "b": [2.5]})
        self.assertEqual(pt.training_features(train, train, "label"), ["a", "b"])
        self.assertEqual(pt.training_features(train[["label"]], train, "label"), [])
        with self.assertRaisesRegex(UserError, r"^label column 'y' not in train data"):
            pt.training_features(train, train, "y")
        with self.assertRaisesRegex(UserError, r"^label column 'label' not in val data"):
            pt.training_features(train, train[["a", "b"]], "label")
        with self.assertRaisesRegex(UserError, r"^val data lacks feature columns \['b'\]$"):
            pt.training_features(train, train[["a", "label"]], "label")
        with self.assertRaisesRegex(UserError, r"these are not: \['s'\]$"):
            pt.training_features(train.assign(s="x"), train.assign(s="x"), "label")

    def test_read_training_splits(self):
        self.write("data/train/a.csv", "x,label\n1,0\n")
        self.write("data/val/b.csv", "x,label\n2,1\n")
        train, val = pt.read_training_splits(self.path("data"))
        self.assertEqual((train["x"].tolist(), val["x"].tolist()), ([1], [2]))
        self.write("other/train/a.csv", "x\n1\n")
        with self.assertRaisesRegex(UserError, "^input folder .*other.val does not exist$"):
            pt.read_training_splits(self.path("other"))



class MissingValuesAndCategoriesTest(Fixture):
    def test_only_the_empty_field_and_listed_tokens_are_missing(self):
        path = self.write("t.csv", "id,colour,amount\n1,NA,2.5\n2,None,\n3,,NULL\n4,red,1\n")
        table = pt.read_csv(path)
        self.assertEqual(table["colour"].tolist()[:2], ["NA", "None"])  # real categories survive
        self.assertTrue(pd.isna(table["colour"][2]))
        self.assertEqual(table["amount"].tolist()[2], "NULL")
        table = pt.read_csv(path, pt.missing_value_tokens("NULL,N/A"))
        self.assertTrue(pd.isna(table["amount"][1]) and pd.isna(table["amount"][2]))
        self.assertEqual(table["amount"].dtype.kind, "f")
        self.assertEqual(pt.missing_value_tokens(""), ("",))

    def test_categories_are_coded_and_unseen_values_missing(self):
        train = pd.DataFrame({"n": [1.0, 2.0, 3.0], "c": ["b", "NA", None]})
        categories = pt.fit_categories(train, ["n", "c"])
        self.assertEqual(categories, {"c": ["NA", "b"]})
        coded = pt.encode_categories(pd.DataFrame({"n": [5.0, 6.0, 7.0], "c": ["NA", "zzz", "b"]}), ["n", "c"], categories)
        self.assertEqual(coded["c"].tolist()[0], 0.0)
        self.assertTrue(pd.isna(coded["c"][1]))
        self.assertEqual(coded["c"].tolist()[2], 1.0)
        pt.check_features(coded.assign(c=["x", "y", "z"]), ["n", "c"], categories)  # text allowed where encoded
        with self.assertRaisesRegex(UserError, "must be numeric"):
            pt.check_features(train, ["n", "c"])
        self.assertEqual(pt.typical_row(train, ["n", "c"], categories), {"n": 2.0, "c": "NA"})

if __name__ == "__main__":
    unittest.main()
