"""Benchmark inboxes, laid out as a nightly drop would be: `DIR/YYYY-MM-DD/YYYY-MM-DD.zip`.

- ANT at any size. Up to its 31,525 files, a subset (the first N files in the order of their
  sha256, so that 1k and 10k spread over all 330 days and all sources) in its original bytes
  and days. Beyond, ANT is scaled up synthetically: replica k ≥ 1 of every file gets a new
  DOCNO (`…-s{k}`), a publication time moved to its new day, and one more sentence naming
  the replica, so that content-hash dedup does not collapse it. Replica k's 330 days follow
  on from SYNTHETIC_START, ~95 articles a day as in real ANT, and wrap around after
  SYNTHETIC_DAYS (every day a partition rasd accepts, before today): 100k articles fill
  990 days; 1M fill all 2,800 days with three to four replicas a day (~350 articles a day).
  Files inside one replica that are the same story stay the same story, as in ANT.
- SaudiNewsNet as it is (18 daily zips).
- `add_day`: one new day after the inbox's last, for the nightly incremental run.
Everything is streamed: one source zip is in memory at a time, never the corpus.
"""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path, PurePosixPath

SYNTHETIC_START = date(2019, 1, 1)  # after ANT's last day (2018-10-20)
SYNTHETIC_DAYS = 2_800  # up to 2026-08-31, so the nightly day after it is still in the past
NIGHTLY_TAG = "n1"  # the replica tag of the day added for the incremental run


@dataclass
class Inbox:
    path: Path
    files: int  # article files written (ANT) or daily zips (SaudiNewsNet)
    source_bytes: int  # uncompressed bytes of every article file
    days: list[str]


@dataclass(frozen=True)
class Member:
    name: str  # path in its daily zip
    day: str  # the zip's day
    sha256: str


def ant_members(ant: Path) -> list[Member]:
    """Every ANT file, in the manifest's order (day, time, path)."""
    with open(ant / "manifest.tsv", encoding="utf-8") as handle:
        return [Member(row["path_in_zip"], row["zip"].removesuffix(".zip"), row["sha256"]) for row in csv.DictReader(handle, delimiter="\t")]


def parse_size(token: str, ant_total: int) -> int:
    """«1k» → 1,000, «1m» → 1,000,000, «31k» or «ant» → the whole ANT collection."""
    token = token.strip().lower()
    if token in ("31k", "ant", "all"):
        return ant_total
    scale = {"k": 1_000, "m": 1_000_000}.get(token[-1], 1)
    return int(float(token[:-1] if scale > 1 else token) * scale)


def plan(members: list[Member], size: int) -> tuple[int, set[str]]:
    """(whole replicas, names of the files of the one partial replica after them: the first
    in sha256 order)."""
    full, rest = divmod(size, len(members))
    return full, {m.name for m in sorted(members, key=lambda m: m.sha256)[:rest]}


def replica_day(day: str, replica: int, day_index: int, days_per_replica: int) -> str:
    if replica == 0:
        return day
    offset = ((replica - 1) * days_per_replica + day_index) % SYNTHETIC_DAYS
    return (SYNTHETIC_START + timedelta(days=offset)).isoformat()


def synthetic_copy(data: bytes, tag: str, shift: timedelta) -> bytes:
    """An ANT TREC document as a new article: DOCNO + «-tag», TIME moved by `shift`, and one
    more sentence at the end of TEXT (so the content hash differs)."""
    text = data.decode("utf-8")
    text = re.sub(r"<DOCNO>(.*?)</DOCNO>", lambda m: f"<DOCNO>{m.group(1).strip()}-{tag}</DOCNO>", text, count=1)
    text = re.sub(
        r"<TIME>(.*?)</TIME>",
        lambda m: f"<TIME>{format_datetime(parsedate_to_datetime(m.group(1).strip()) + shift)}</TIME>",
        text,
        count=1,
    )
    text = text.replace("</TEXT>", f"نسخة اصطناعية {tag}.\n</TEXT>", 1)
    return text.encode("utf-8")


def synthetic_name(name: str, tag: str) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-{tag}{path.suffix}"))


def _write_day(inbox: Path, day: str, files: list[tuple[str, bytes]], tag: str = "") -> int:
    """One zip `DIR/day/day[-tag].zip`; returns the uncompressed bytes."""
    folder = inbox / day
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / f"{day}{'-' + tag if tag else ''}.zip", "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files:
            out.writestr(name, data)
    return sum(len(data) for _, data in files)


def build_ant(ant: Path, inbox: Path, size: int) -> Inbox:
    """An inbox of `size` ANT files (synthetic replicas beyond the real collection)."""
    members = ant_members(ant)
    full, partial = plan(members, size)
    source_days = sorted({m.day for m in members})
    total = 0
    days = set()
    for index, day in enumerate(source_days):
        with zipfile.ZipFile(ant / f"{day}.zip") as archive:
            names = archive.namelist()
            for replica in range(full + 1):
                picked = names if replica < full else [n for n in names if n in partial]
                if not picked:
                    continue
                new_day = replica_day(day, replica, index, len(source_days))
                shift = date.fromisoformat(new_day) - date.fromisoformat(day)
                tag = f"s{replica}" if replica else ""
                files = [
                    (synthetic_name(n, tag), synthetic_copy(archive.read(n), tag, shift)) if tag else (n, archive.read(n))
                    for n in picked
                ]
                total += _write_day(inbox, new_day, files, tag)
                days.add(new_day)
    return Inbox(inbox, size, total, sorted(days))


def build_copy(zips: list[Path], inbox: Path) -> Inbox:
    """Daily zips as they are, one dated folder each (SaudiNewsNet)."""
    total = 0
    for path in zips:
        folder = inbox / path.stem
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / path.name)
        with zipfile.ZipFile(path) as archive:
            total += sum(info.file_size for info in archive.infolist())
    return Inbox(inbox, len(zips), total, sorted(p.stem for p in zips))


def add_day(ant: Path, inbox: Inbox) -> tuple[str, int, int]:
    """One new day after the inbox's last: a synthetic copy of ANT's median-sized day.
    Returns (day, files, uncompressed bytes)."""
    members = ant_members(ant)
    per_day: dict[str, int] = {}
    for m in members:
        per_day[m.day] = per_day.get(m.day, 0) + 1
    source = sorted(per_day, key=lambda d: (per_day[d], d))[len(per_day) // 2]
    new_day = (date.fromisoformat(inbox.days[-1]) + timedelta(days=1)).isoformat()
    shift = date.fromisoformat(new_day) - date.fromisoformat(source)
    with zipfile.ZipFile(ant / f"{source}.zip") as archive:
        files = [(synthetic_name(n, NIGHTLY_TAG), synthetic_copy(archive.read(n), NIGHTLY_TAG, shift)) for n in archive.namelist()]
    return new_day, len(files), _write_day(inbox.path, new_day, files, NIGHTLY_TAG)
