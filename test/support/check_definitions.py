#!/usr/bin/env python3
"""Batch form of check_definition.py, for tests that check many definitions: one process (one
load of the botocore model) for all of them.

Usage:  python3 test/support/check_definitions.py DEFINITION.json...
Prints {"<path>": [violations...], ...} in the order given; exits 2 when a file cannot be read.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_definition import check_definition, reject_constant  # noqa: E402


def main(paths):
    results = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.loads(f.read(), parse_constant=reject_constant)
        except (OSError, UnicodeDecodeError, ValueError) as e:
            print(f"check_definitions.py: cannot read {path}: {e}", file=sys.stderr)
            return 2
        results[path] = check_definition(doc)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
