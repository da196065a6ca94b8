"""Where things are: project paths and the two settings users give (inbox, warehouse).

`RASD_INBOX` and `RASD_WAREHOUSE` are read from the environment (CONTRACT §1); `rasd run`
sets them from its flags. They are made absolute here so that Dagster's assets and the dbt
subprocess (whose profile reads RASD_WAREHOUSE) always name the same file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SAMPLE_INBOX = PROJECT_ROOT / "samples" / "inbox"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "rasd.duckdb"
DAGSTER_HOME = PROJECT_ROOT / "dagster_home"  # the project-local instance: dagster.yaml, run history


def inbox() -> Path:
    return Path(os.environ.get("RASD_INBOX") or SAMPLE_INBOX).resolve()


def warehouse() -> Path:
    return Path(os.environ.get("RASD_WAREHOUSE") or DEFAULT_WAREHOUSE).resolve()


def published_copy(warehouse_path: Path) -> Path:
    """The read-only copy analysts query: `<dir>/published/<name>` beside the warehouse."""
    return warehouse_path.parent / "published" / warehouse_path.name


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit for rasd's writers (the raw load and dbt): beyond it DuckDB spills
    to disk. Its own default, 80% of the machine, would let one big load take it all."""
    return os.environ.get("RASD_DUCKDB_MEMORY_LIMIT") or "2GB"


def extraction_workers() -> int:
    """Processes that extract a run's chunks side by side (orchestration.staging):
    `RASD_EXTRACT_WORKERS`, by default the cores this process may use, at most 4; 1 extracts in
    the run's own process. (Days run in parallel, `rasd run --parallel`, extract in their own.)"""
    value = os.environ.get("RASD_EXTRACT_WORKERS") or str(min(len(os.sched_getaffinity(0)), 4))
    if not value.isdecimal() or int(value) < 1:
        raise ValueError(f"RASD_EXTRACT_WORKERS={value!r}: give a whole number of processes, 1 or more")
    return int(value)


def export_environment() -> None:
    """Pin both settings, absolute, in the environment that dbt subprocesses inherit."""
    os.environ["RASD_INBOX"] = str(inbox())
    os.environ["RASD_WAREHOUSE"] = str(warehouse())


def prepare_dagster_home() -> Path:
    """The Dagster instance rasd runs on: $DAGSTER_HOME, else the project's dagster_home.

    A DAGSTER_HOME without a dagster.yaml gets the project's, so that every instance rasd
    runs on limits the DuckDB pool to one step at a time.
    """
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DAGSTER_HOME)))
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copyfile(DAGSTER_HOME / "dagster.yaml", home / "dagster.yaml")
    return home
