#!/usr/bin/env python3
"""Sum the results of a meson test run into one line "tests: N passed, N failed".

Reads meson's testlog.json (one JSON object per test). A doctest executable counts its test cases (from its
"[doctest] test cases: T | P passed | F failed" line); a test that crashed or timed out without such a line
counts as one failure; any other test (proofs, examples) counts as one. Exits 1 if anything failed.
"""
import json
import re
import sys

DOCTEST = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
GOOD = {"OK", "EXPECTEDFAIL"}


def main(path: str) -> int:
    passed = failed = 0
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError as err:
        print(f"test_summary: cannot read {path}: {err}", file=sys.stderr)
        print("tests: 0 passed, 1 failed")
        return 1
    for line in lines:
        if not line.strip():
            continue
        test = json.loads(line)
        ok = test.get("result") in GOOD
        match = DOCTEST.search(test.get("stdout") or "")
        if match and test.get("result") not in ("TIMEOUT",):
            p, f = int(match.group(2)), int(match.group(3))
            if not ok and f == 0:
                f = 1  # e.g. a crash after the summary, or a non-zero exit
            passed += p
            failed += f
        elif ok:
            passed += 1
        else:
            failed += 1
    print(f"tests: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"))
