"""The `rasd` command's behaviour at its edges."""

import fcntl
import os
import subprocess
import sys
from pathlib import Path

RASD = str(Path(sys.executable).parent / "rasd")


def test_a_second_writer_fails_at_once_with_a_clear_message(tmp_path):
    warehouse = tmp_path / "rasd.duckdb"
    with open(tmp_path / "rasd.duckdb.lock", "w") as lock:
        lock.write("pid 12345")
        lock.flush()
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = subprocess.run(
            [RASD, "run", "--warehouse", str(warehouse)],
            env=os.environ | {"DAGSTER_HOME": str(tmp_path / "dh")},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 3
    assert "another rasd run (pid 12345) is writing" in result.stderr
    assert not warehouse.exists()


def test_sql_without_a_published_copy_says_what_to_do(tmp_path):
    result = subprocess.run(
        [RASD, "sql", "select 1", "--warehouse", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "run `rasd run` first" in result.stderr
