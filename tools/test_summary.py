#!/usr/bin/env python3
"""Sum the results of a meson test run into one line "tests: N passed, N failed".

Reads meson's testlog.json (one JSON object per test). A doctest executable counts its test cases (from its
"[doctest] test cases: T | P passed | F failed" line); a test that crashed or timed out without such a line
counts as one failure; a pytest run (suite 'python') counts its cases (from pytest's closing
"N passed, N failed, N error(s) in S s" line); any other test (proofs, examples, the notebook) counts as one.
Exits 1 if anything failed.
"""
import json
import re
import sys

DOCTEST = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed")
PYTEST = re.compile(r"^=*\s*((?:\d+ \w+(?:, )?)+) in [\d.]+s", re.MULTILINE)
PYTEST_COUNT = re.compile(r"(\d+) (\w+)")
GOOD = {"OK", "EXPECTEDFAIL"}


def suites(test):
    """The suites of a testlog entry: its "suite" list, else the "project:suite1+suite2 / name" prefix."""
    if test.get("suite"):
        return [str(x).split(":")[-1] for x in test["suite"]]
    head = str(test.get("name", "")).split(" / ")[0]
    return head.split(":")[-1].split("+") if " / " in str(test.get("name", "")) else []


def pytest_counts(stdout):
    """(passed, failed) from pytest's last summary line, or None. Errors, xpasses and skips count as failed:
    a test that could not run is not a pass."""
    lines = PYTEST.findall(stdout or "")
    if not lines:
        return None
    passed = failed = 0
    for count, kind in PYTEST_COUNT.findall(lines[-1]):
        if kind in ("passed", "xfailed"):
            passed += int(count)
        elif kind not in ("deselected", "warning", "warnings"):
            failed += int(count)
    return passed, failed


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
        counts = pytest_counts(test.get("stdout")) if "python" in suites(test) else None
        if counts is not None and test.get("result") not in ("TIMEOUT",):
            p, f = counts
            if not ok and f == 0:
                f = 1
            passed += p
            failed += f
        elif match and test.get("result") not in ("TIMEOUT",):
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
