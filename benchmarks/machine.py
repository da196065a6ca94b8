"""What every report states: the commit, the machine, the package versions, the load."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("polars", "duckdb", "dagster", "dbt-core", "dbt-duckdb", "camel-tools")


def commit() -> str:
    """Short HEAD, with « + local changes» when tracked files differ from it. A tree exported
    with `git archive` has no .git: RASD_COMMIT then names what it was exported from."""
    if not (REPO / ".git").exists():
        return os.environ.get("RASD_COMMIT", "uncommitted")
    env = os.environ | {"GIT_OPTIONAL_LOCKS": "0"}  # only reads: never refreshes the index
    git = {"cwd": REPO, "capture_output": True, "text": True, "env": env}
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=False, **git)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], check=False, **git)
    return (head.stdout.strip() or "uncommitted") + (" + local changes" if dirty.stdout.strip() else "")


def describe() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Linux {platform.release()}, Python {platform.python_version()}"


def versions() -> str:
    return ", ".join(f"{name} {version(name)}" for name in PACKAGES)


def load_average() -> float:
    """The 1-minute load average: above the core count, timings share the CPU with others."""
    return round(os.getloadavg()[0], 2)
