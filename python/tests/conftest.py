"""Shared helpers of the cogo Python tests: the cogo executable (COGO_EXE, set by meson) for CLI comparisons."""
import json
import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def cogo_exe():
    exe = os.environ.get("COGO_EXE")
    if not exe:
        pytest.fail("COGO_EXE is not set (run the tests through meson test)")
    return exe


@pytest.fixture(scope="session")
def cli(cogo_exe):
    """cli(*args) -> (exit code, parsed --json stdout or text)."""
    def run(*args, json_output=True):
        p = subprocess.run([cogo_exe, *args] + (["--json"] if json_output else []), capture_output=True, text=True)
        return p.returncode, (json.loads(p.stdout) if json_output and p.stdout.strip() else p.stdout + p.stderr)
    return run
