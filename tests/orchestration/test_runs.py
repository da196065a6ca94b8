"""A `rasd run` killed mid-run (SIGKILL) leaves its Dagster run "started" and its place in the
DuckDB pool taken; the next `rasd run` marks that run failed and frees the place."""

import os
import subprocess
import sys
import uuid

import dagster as dg
from dagster._core.storage.dagster_run import DagsterRun

from orchestration.runs import PID_TAG, reap_dead_runs


def _started_run(instance, pid: int) -> str:
    run_id = str(uuid.uuid4())
    instance.add_run(DagsterRun(job_name="rasd_run", run_id=run_id, status=dg.DagsterRunStatus.STARTED, tags={PID_TAG: str(pid)}))
    return run_id


def test_the_runs_of_dead_processes_are_failed_and_their_duckdb_turn_freed():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    with dg.instance_for_test(overrides={"concurrency": {"pools": {"granularity": "op", "default_limit": 1}}}) as instance:
        storage = instance.event_log_storage
        storage.set_concurrency_slots("duckdb", 1)
        dead, alive = _started_run(instance, gone.pid), _started_run(instance, os.getpid())
        assert storage.claim_concurrency_slot("duckdb", dead, "raw_tables").is_claimed
        assert not storage.claim_concurrency_slot("duckdb", alive, "raw_tables").is_claimed  # it waits its turn

        assert reap_dead_runs(instance) == [dead]

        assert instance.get_run_by_id(dead).status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(alive).status == dg.DagsterRunStatus.STARTED
        assert [slot.run_id for slot in storage.get_concurrency_info("duckdb").claimed_slots] == []
        assert storage.claim_concurrency_slot("duckdb", alive, "raw_tables").is_claimed


def test_a_failed_step_prints_the_cause_not_only_dagsters_wrapper():
    import sys

    from dagster._utils.error import serializable_error_info_from_exc_info

    from orchestration.progress import _cause

    try:
        try:
            raise MemoryError("Out of Memory Error: failed to allocate data of size 1.0 MiB\nPossible solutions: …")
        except MemoryError as err:
            raise RuntimeError('Error occurred while executing op "raw_tables":') from err
    except RuntimeError:
        error = serializable_error_info_from_exc_info(sys.exc_info())
    line = _cause(error)
    assert 'executing op "raw_tables"' in line and "Out of Memory Error: failed to allocate data of size 1.0 MiB" in line
    assert "Possible solutions" not in line
