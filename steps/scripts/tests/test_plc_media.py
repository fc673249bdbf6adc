"""Tests for plc_media.py, what both inference scripts compare Content-Type and Accept by."""
import unittest

from step_test_support import SCRIPTS_DIR  # noqa: F401 (sets sys.path)

from plc_media import media_type  # noqa: E402


class MediaTypeTest(unittest.TestCase):
    def test_parameters_and_case_are_dropped_and_any_type_is_csv(self):
        for header, media in (("text/csv; charset=utf-8", "text/csv"), ("Application/JSON ;q=1", "application/json"),
                              ("*/*", "text/csv"), (None, "text/csv"), ("", "text/csv"), ("text/html", "text/html")):
            with self.subTest(header=header):
                self.assertEqual(media_type(header), media)


if __name__ == "__main__":
    unittest.main()
