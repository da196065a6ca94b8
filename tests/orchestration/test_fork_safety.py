"""Dagster's multiprocess executor forks step processes from a parent that has imported the
definitions (its forkserver preloads them). Nothing imported may start Polars' thread pool — a
Polars operation at module level does — or every forked step hangs on its first parallel query."""

import subprocess
import sys

from tests.conftest import REPO

FORKED = """
import os, signal
import polars as pl
import orchestration.definitions  # what the forkserver preloads
pid = os.fork()
if pid == 0:
    signal.alarm(30)  # a hung child is killed by SIGALRM instead of hanging the test
    pl.DataFrame({"a": list(range(200_000))}).group_by("a").len()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))
"""


def test_a_process_forked_after_importing_the_definitions_can_run_polars():
    result = subprocess.run([sys.executable, "-c", FORKED], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "0", (
        f"the forked process ended with {result.stdout.strip()} (-14: hung until the alarm): a module imported "
        "by orchestration.definitions runs a Polars operation at import time"
    )
