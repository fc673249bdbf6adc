"""Tests for plc_archives.py: safe extraction and reproducible tar.gz files."""
import gzip
import io
import logging
import os
import sys
import tarfile
import unittest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.dirname(TESTS_DIR)
sys.path.insert(0, SCRIPTS_DIR)
sys.path.insert(0, TESTS_DIR)

import plc_archives as pa  # noqa: E402
from plc_step import UserError  # noqa: E402
from test_plc_step import TempDirTest  # noqa: E402

LOGGER = logging.getLogger("test_plc_archives")


def add(tar, name, data=b"", kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


class SafeExtractTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.archive = os.path.join(self.root, "model.tar.gz")
        self.dest = os.path.join(self.root, "out")
        os.makedirs(self.dest)

    def test_files_and_folders_are_extracted_links_skipped(self):
        with tarfile.open(self.archive, "w:gz") as tar:
            add(tar, "./model.bst", b"model")
            add(tar, "sub", kind=tarfile.DIRTYPE)
            add(tar, "sub/features.json", b"[]")
            add(tar, "link", kind=tarfile.SYMTYPE, link="/etc/passwd")
        with self.assertLogs(LOGGER, "WARNING") as logs:
            pa.safe_extract(self.archive, self.dest, LOGGER)
        self.assertEqual(logs.output,
                         [f"WARNING:test_plc_archives:skipping link in {self.archive}: not a regular file"])
        self.assertEqual(sorted(os.listdir(self.dest)), ["model.bst", "sub"])
        with open(os.path.join(self.dest, "sub", "features.json"), "rb") as f:
            self.assertEqual(f.read(), b"[]")

    def test_paths_leaving_the_folder_are_refused(self):
        for name in ("../escape.txt", "/abs.txt", "a/../../escape.txt"):
            with tarfile.open(self.archive, "w:gz") as tar:
                add(tar, "fine.txt", b"ok")
                add(tar, name, b"bad")
            with self.subTest(name=name), self.assertRaisesRegex(UserError, "contains an unsafe path"):
                pa.safe_extract(self.archive, self.dest, LOGGER)
            self.assertEqual(os.listdir(self.dest), [], "nothing is extracted when a path is unsafe")
        self.assertFalse(os.path.exists(os.path.join(self.root, "escape.txt")))

    def test_not_an_archive(self):
        with open(self.archive, "wb") as f:
            f.write(b"not a tar file at all")
        with self.assertRaisesRegex(UserError, "^cannot extract .*model.tar.gz: "):
            pa.safe_extract(self.archive, self.dest, LOGGER)


class ReproducibleTarTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.source = os.path.join(self.root, "source.bin")
        with open(self.source, "wb") as f:
            f.write(b"\x00\x01 file bytes")

    def write(self, name, entries, **kwargs):
        path = os.path.join(self.root, name)
        pa.write_reproducible_tar_gz(path, entries, **kwargs)
        with open(path, "rb") as f:
            return f.read()

    def test_same_entries_same_bytes(self):
        entries = [("b/from_file.bin", self.source), ("a.txt", b"in memory")]
        first = self.write("one.tar.gz", entries)
        os.utime(self.source, (1, 1))  # a new file time changes nothing
        self.assertEqual(self.write("two.tar.gz", list(reversed(entries))), first)
        self.assertEqual(first[3], 0, "no FNAME flag in the gzip header")
        self.assertEqual(first[4:8], b"\0\0\0\0", "gzip header mtime is 0")

    def test_entries_sorted_with_fixed_metadata(self):
        data = self.write("t.tar.gz", [("z.txt", b"z"), ("a/b.bin", self.source)])
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            members = tar.getmembers()
            self.assertEqual([m.name for m in members], ["a/b.bin", "z.txt"])
            for m in members:
                self.assertEqual((m.mtime, m.mode, m.uid, m.gid, m.uname, m.gname), (0, 0o644, 0, 0, "", ""))
            self.assertEqual(tar.extractfile("a/b.bin").read(), b"\x00\x01 file bytes")
            self.assertEqual(tar.extractfile("z.txt").read(), b"z")

    def test_compression_level(self):
        entries = [("a.txt", b"abc" * 10000)]
        fast, best = self.write("fast.tar.gz", entries, compresslevel=1), self.write("best.tar.gz", entries)
        self.assertNotEqual(fast, best)
        self.assertEqual(gzip.decompress(fast), gzip.decompress(best))


if __name__ == "__main__":
    unittest.main()
