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


def test_rasd_ui_serves_the_lineage_graph_schedule_and_sensor_on_localhost(tmp_path):
    import json
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"DAGSTER_HOME": str(tmp_path / "dh"), "RASD_WAREHOUSE": str(tmp_path / "rasd.duckdb")}
    env["PATH"] = "/usr/bin:/bin"  # as from a shell without the venv activated
    server = subprocess.Popen([RASD, "ui", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    query = '{ repositoriesOrError { ... on RepositoryConnection { nodes { schedules { name } sensors { name } } } } assetNodes { assetKey { path } } }'
    try:
        deadline, answer = time.monotonic() + 150, None
        while time.monotonic() < deadline and answer is None:
            time.sleep(3)
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
                                                 headers={"Content-Type": "application/json"})
                data = json.loads(urllib.request.urlopen(request, timeout=10).read())["data"]
                if data["assetNodes"]:
                    answer = data
            except OSError:
                continue
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    assert answer, "the UI did not serve the code location"
    keys = {"/".join(node["assetKey"]["path"]) for node in answer["assetNodes"]}
    assert {"raw/articles", "staging/stg_raw__articles", "marts/fct_events", "analyst_report", "published_warehouse"} <= keys
    [repository] = answer["repositoriesOrError"]["nodes"]
    assert [s["name"] for s in repository["schedules"]] == ["nightly"]
    assert [s["name"] for s in repository["sensors"]] == ["inbox_arrivals"]
