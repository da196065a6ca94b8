"""Processes a killed `rasd run` left behind.

When only the `rasd` process dies (SIGKILL, OOM killer), its children live on: the dbt
subprocess, step workers of the multiprocess executor. They do not hold the writer lock
(subprocesses close inherited descriptors), so the next `rasd run` would start beside them on
the same DuckDB file. Every `rasd run` therefore puts a token of its own in its environment,
which all its descendants inherit, and writes it into the lock file; the next run, once it
holds the lock, stops whatever still carries the previous token. Linux (/proc) only; elsewhere
nothing is found.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

TOKEN_VAR = "RASD_RUN_TOKEN"
PROC = Path("/proc")


def mark_this_run() -> str:
    """A fresh token, exported so that every process this run starts carries it."""
    token = uuid.uuid4().hex
    os.environ[TOKEN_VAR] = token
    return token


def carrying(token: str) -> list[int]:
    """The live processes (other than this one) whose environment holds `token`."""
    needle = f"{TOKEN_VAR}={token}".encode()
    found = []
    for entry in PROC.glob("[0-9]*"):
        pid = int(entry.name)
        if pid == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:  # gone meanwhile, or another user's
            continue
        if needle in environment.split(b"\0"):
            found.append(pid)
    return sorted(found)


def stop(pids: list[int], grace_seconds: float = 10.0) -> None:
    """SIGTERM, then SIGKILL for those still alive after `grace_seconds`."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + grace_seconds
        while pids and time.monotonic() < deadline:
            pids = [pid for pid in pids if _running(pid)]
            time.sleep(0.1)
        if not pids:
            return


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for its parent to read its exit status."""
    try:
        state = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
