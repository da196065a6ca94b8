"""The benchmark harness: measure rasd on this machine and rewrite BENCHMARKS.md.

    .venv/bin/python -m benchmarks.harness [--sizes 1k,10k,31k,saudi,100k,1m] [--quick]
        [--shared ../shared] [--work /tmp/rasd-bench] [--baseline 2000] [--keep]

For every size (ANT files; `31k` = the whole ANT collection, beyond it synthetic replicas,
benchmarks/corpora.py; `saudi` = SaudiNewsNet as it is), in one run:
1. an inbox of dated folders under --work (never in the repository);
2. `python -m benchmarks.stages` (its own process): the floor (read + Polars tokenization),
   our extraction over the same slices, the per-article Python baseline on a subset, a
   cProfile of one slice;
3. the real `rasd run --inbox … --warehouse …` on a fresh warehouse, as a child process:
   wall and CPU time, peak RSS, and its stages (ingestion, extraction, DuckDB load, dbt
   build, …) from its own Dagster event log;
4. for ANT sizes, one new day added to the inbox and `rasd run --partition DAY`: the
   nightly incremental run against the full rebuild of step 3.
Each size's figures are merged into benchmarks/results.json (so `--sizes 1m` alone adds the
1M row) and BENCHMARKS.md is rewritten from it after every size. `--quick` = 1k only, a
200-article baseline: a check that the harness works, not figures to quote.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import corpora, machine, processes, report

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results.json"
DEFAULT_SIZES = "1k,10k,31k,saudi,100k,1m"


def label(token: str, size: int, ant_total: int) -> str:
    if token == "saudi":
        return "SaudiNewsNet (all)"
    if size == ant_total:
        return "ANT (all)"
    return f"ANT {token}" + (" (synthetic)" if size > ant_total else "")


def build_inbox(token: str, shared: Path, inbox: Path) -> corpora.Inbox:
    corpus = shared / "corpus"
    if token == "saudi":
        return corpora.build_copy(sorted((corpus / "saudinewsnet").glob("*.zip")), inbox)
    members = corpora.ant_members(corpus / "ant")
    return corpora.build_ant(corpus / "ant", inbox, corpora.parse_size(token, len(members)))


def rasd_run(inbox: Path, warehouse: Path, work: Path, name: str, partition: str | None = None) -> dict:
    """The real CLI (`rasd` is `orchestration.cli:main`), measured, with its Dagster steps."""
    dagster_home = work / "dagster_home"
    dagster_home.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "orchestration.cli", "run", "--inbox", str(inbox), "--warehouse", str(warehouse)]
    command += ["--partition", partition] if partition else []
    env = os.environ | {"DAGSTER_HOME": str(dagster_home)}
    measured = processes.run(command, work / f"{name}.log", env=env, cwd=REPO)
    steps = processes.dagster_steps(dagster_home, measured) if measured.returncode == 0 else {}
    failure = failure_lines(work / f"{name}.log") if measured.returncode else []
    return asdict(measured) | {"steps": steps, "log": str(work / f"{name}.log"), "failure": failure}


def failure_lines(log: Path) -> list[str]:
    """What a failed run said about why: its progress lines of failed steps (with their cause)
    and dbt's error lines, kept in the results because the work folder does not last."""
    said = log.read_text(encoding="utf-8", errors="replace").splitlines()
    wanted = [line.strip()[:300] for line in said if " FAILED: " in line or "Out of Memory Error" in line or "Runtime Error in model" in line]
    return list(dict.fromkeys(wanted))[:6]  # dbt prints its errors twice


def measure(token: str, args: argparse.Namespace) -> dict:
    work = args.work / token
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    entry: dict = {"size": token, "measured_at": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "commit": machine.commit(),
                   "machine": machine.describe(),
                   "command": " ".join([".venv/bin/python -m benchmarks.harness", *sys.argv[1:]]),
                   "load_before": machine.load_average()}
    print(f"[{token}] building the inbox under {work}", flush=True)
    inbox = build_inbox(token, args.shared, work / "inbox")
    entry["inbox"] = {"files": inbox.files, "source_mb": inbox.source_bytes / 1e6, "days": len(inbox.days)}

    print(f"[{token}] floor, extraction, per-article baseline", flush=True)
    stages_json = work / "stages.json"
    command = [sys.executable, "-m", "benchmarks.stages", "--inbox", str(inbox.path), "--out", str(stages_json),
               "--baseline", str(args.baseline)]
    entry["stages_process"] = asdict(processes.run(command, work / "stages.log", cwd=REPO))
    entry["stages"] = json.loads(stages_json.read_text()) if stages_json.exists() else {}

    print(f"[{token}] rasd run (full)", flush=True)
    warehouse = work / "warehouse" / "rasd.duckdb"
    entry["run"] = rasd_run(inbox.path, warehouse, work, "run")

    if token != "saudi" and entry["run"]["returncode"] == 0:
        day, files, source_bytes = corpora.add_day(args.shared / "corpus" / "ant", inbox)
        print(f"[{token}] rasd run --partition {day} (one new day, {files} files)", flush=True)
        entry["incremental"] = {"day": day, "files": files, "source_mb": source_bytes / 1e6,
                                "run": rasd_run(inbox.path, warehouse, work, "incremental", partition=day)}
    entry["load_after"] = machine.load_average()
    if not args.keep:
        shutil.rmtree(work / "inbox", ignore_errors=True)
        shutil.rmtree(work / "warehouse", ignore_errors=True)
    return entry


def save(results: dict, token: str, entry: dict, path: Path) -> None:
    results[token] = entry
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help=f"comma-separated (default {DEFAULT_SIZES}; --quick: 1k)")
    parser.add_argument("--quick", action="store_true", help="1k only and a 200-article baseline: checks the harness")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path("/tmp/rasd-bench"))
    parser.add_argument("--baseline", type=int, help="articles for the per-article baseline (default 2000; --quick: 200)")
    parser.add_argument("--keep", action="store_true", help="keep the inboxes and warehouses under --work")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    args = parser.parse_args()
    args.sizes = args.sizes or ("1k" if args.quick else DEFAULT_SIZES)
    args.baseline = args.baseline or (200 if args.quick else 2_000)
    args.work = args.work.resolve()
    args.shared = args.shared.resolve()
    results = json.loads(args.results.read_text(encoding="utf-8")) if args.results.exists() else {}
    ant_total = len(corpora.ant_members(args.shared / "corpus" / "ant"))
    for token in [t.strip().lower() for t in args.sizes.split(",") if t.strip()]:
        size = 0 if token == "saudi" else corpora.parse_size(token, ant_total)
        entry = measure(token, args) | {"label": label(token, size, ant_total), "quick": args.quick}
        save(results, token, entry, args.results)
        args.out.write_text(report.render(results, machine.describe(), machine.versions()), encoding="utf-8")
        print(f"[{token}] done: {args.out}", flush=True)


if __name__ == "__main__":
    main()
