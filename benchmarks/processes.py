"""Run a command as a measured child process: wall and CPU time, peak memory, Dagster steps.

Peak RSS comes from the kernel (`wait4`: the largest resident set of the child or of any
process it waited for, e.g. dbt under `rasd run`), and, because two processes of a run can be
resident at once, from sampling the summed RSS of the child's whole process tree in /proc
every SAMPLE_SECONDS.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SAMPLE_SECONDS = 0.25
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    command: list[str]
    seconds: float  # wall
    cpu_seconds: float  # user + system, the child and its descendants
    peak_rss_gib: float  # the largest single process (kernel)
    peak_tree_gib: float  # the whole process tree, sampled
    returncode: int
    started_at: float  # epoch seconds, to place the run's own event timestamps
    ended_at: float


def _tree_rss(root: int) -> int:
    """Summed resident bytes of `root` and its descendants (one pass over /proc)."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    stat = handle.read()
                parents[int(entry.name)] = int(stat[stat.rindex(b")") + 2 :].split()[1])
            except (OSError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            continue
    return total


def run(command: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> Measured:
    """Run `command` to completion, its output to `log`; never raises on a failing command."""
    log.parent.mkdir(parents=True, exist_ok=True)
    peak = [0]
    done = threading.Event()
    with open(log, "wb") as out:
        started_at, started = time.time(), time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], _tree_rss(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        command=command,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_gib=usage.ru_maxrss / 2**20,
        peak_tree_gib=max(peak[0], usage.ru_maxrss * 1024) / 2**30,
        returncode=child.returncode,
        started_at=started_at,
        ended_at=started_at + seconds,
    )


def dagster_steps(dagster_home: Path, measured: Measured) -> dict[str, float]:
    """Where a `rasd run`'s time went, from the Dagster event log of the runs it started:
    `startup` (process start to the first step: imports, dbt manifest check, definitions),
    each step's duration (summed over runs when it made several), `exit` (last event to
    process end), and every `*_seconds` figure the steps report in their metadata, as
    `step.figure` (e.g. the read and extract seconds of the raw step)."""
    from dagster import DagsterInstance, RunsFilter

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        since = datetime.fromtimestamp(measured.started_at, UTC)
        runs = instance.get_runs(filters=RunsFilter(created_after=since))
        events = [e for run in runs for e in instance.all_logs(run.run_id) if e.dagster_event]
    starts: dict[tuple[str, str], float] = {}
    parts: dict[str, float] = {}
    for event in sorted(events, key=lambda e: e.timestamp):
        kind, step = event.dagster_event.event_type_value, event.step_key
        if kind == "STEP_START":
            starts[(event.run_id, step)] = event.timestamp
        elif kind == "STEP_SUCCESS" and (event.run_id, step) in starts:
            parts[step] = parts.get(step, 0.0) + event.timestamp - starts[(event.run_id, step)]
        elif kind == "ASSET_MATERIALIZATION":
            metadata = event.dagster_event.event_specific_data.materialization.metadata
            for key, value in metadata.items():
                if key.endswith("_seconds"):
                    # one figure per step run, repeated on each asset it materializes
                    parts[f"{step}.{key.removesuffix('_seconds')}@{event.run_id}"] = float(value.value)
    for key in [k for k in parts if "@" in k]:
        figure = key.split("@")[0]
        parts[figure] = parts.get(figure, 0.0) + parts.pop(key)
    if starts:
        parts["startup"] = min(starts.values()) - measured.started_at
        parts["exit"] = measured.ended_at - max(e.timestamp for e in events)
    return parts
