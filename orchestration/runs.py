"""Executing the nightly job outside the UI: one run for everything, for one day, or for a
range of days — those one run per day, several at a time when asked.

Days of a range run in separate processes (`python -m orchestration.runs DAY`), so their
reading and extraction overlap; their DuckDB steps take turns through the `duckdb` pool of
the Dagster instance. The caller (the `rasd run` command) holds the warehouse's writer lock
for all of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, timedelta

import dagster as dg

from orchestration.executors import executor_config


def days_between(first: date, last: date) -> list[str]:
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def rasd_job() -> dg.JobDefinition:
    """The nightly job, importable by name so that step processes can rebuild it (dg.reconstructable)."""
    from orchestration.automation import RUN_JOB
    from orchestration.definitions import defs

    return defs.resolve_job_def(RUN_JOB)


def rebuild_job() -> dg.JobDefinition:
    from orchestration.rebuild import REBUILD_JOB, rebuild_defs

    return rebuild_defs.resolve_job_def(REBUILD_JOB)


PID_TAG = "rasd/pid"  # the process that executes a run started by `rasd run`
UNFINISHED = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


def reap_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Fail the runs of `rasd run` processes that died (SIGKILL, power loss) and free their
    places in the DuckDB pool, which would otherwise stay taken and make every later run wait.
    Safe under `rasd run`'s writer lock: no other `rasd run` on this warehouse is alive."""
    reaped = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=UNFINISHED)):
        pid = run.tags.get(PID_TAG)
        if pid is None or _alive(int(pid)):
            continue
        instance.report_run_failed(run, f"the `rasd run` process ({pid}) that executed this run is gone")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        reaped.append(run.run_id)
    return reaped


def reap_dead_runs_of_this_instance() -> None:
    with dg.DagsterInstance.get() as instance:
        for run_id in reap_dead_runs(instance):
            print(f"rasd: run {run_id} had died with its process; marked failed, its DuckDB turn freed", file=sys.stderr)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def execute(day: str | None) -> int:
    """Run the job for `day`, or rebuild everything; 0 when it succeeded."""
    job, tags = (rasd_job, {"dagster/partition": day}) if day else (rebuild_job, {})
    tags[PID_TAG] = str(os.getpid())
    run_config = {"loggers": {"progress": {"config": {"label": day or "all", "started": time.time()}}}}
    if config := executor_config():
        run_config["execution"] = {"config": config}
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(dg.reconstructable(job), instance, run_config=run_config, tags=tags)
        if not result.success:
            print(f"rasd: the run failed for {day or 'everything'} (run id {result.run_id}); see above or `rasd ui`", file=sys.stderr)
            return 1
        print(_summary(result), file=sys.stderr)
    return 0


def execute_days(days: list[str], parallel: int) -> int:
    """Run each day (in the order given, `parallel` at a time); 0 when all succeeded."""
    if parallel <= 1:
        return max((execute(day) for day in days), default=0)
    waiting, running, failed = list(days), {}, []
    while waiting or running:
        while waiting and len(running) < parallel:
            day = waiting.pop(0)
            # (each day extracts in its own process: the days, not their chunks, share the cores)
            environment = {"RASD_EXTRACT_WORKERS": "1"} | dict(os.environ)
            running[day] = subprocess.Popen([sys.executable, "-m", "orchestration.runs", day], env=environment)
        for day, process in list(running.items()):
            if process.poll() is not None:
                del running[day]
                if process.returncode:
                    failed.append(day)
        time.sleep(0.2)
    if failed:
        print(f"rasd: {len(failed)} of {len(days)} days failed: {', '.join(sorted(failed))}", file=sys.stderr)
    return 1 if failed else 0


def _summary(result: dg.ExecuteJobResult) -> str:
    lines = [f"rasd: run {result.run_id} succeeded"]
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        metadata = {k: v.value for k, v in materialization.metadata.items()}
        if "rows_landed" in metadata:
            lines.append(
                f"  {materialization.asset_key.to_user_string():<24} {metadata['rows_landed']:>8} landed, "
                f"{metadata['rows_in_table']:>8} in table"
            )
        elif "path" in metadata:
            what = "report" if "preview" in metadata else "published copy"
            lines.append(f"  {what}: {metadata['path']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(execute(sys.argv[1]))
