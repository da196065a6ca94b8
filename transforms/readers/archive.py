"""Zip archives: their members are read like files, within safety limits.

Limits guard against zip bombs and hostile archives: members and total uncompressed size per
inbox file (nested archives included, so that archives of archives cannot multiply them),
per-member uncompressed size, compression ratio, nesting depth; member names that climb out
(`../`, absolute paths) are refused one by one while the rest of the archive is read.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from transforms.rejections import Rejected

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"


@dataclass(frozen=True)
class Limits:
    max_members: int = 20_000
    max_member_bytes: int = 256 * 2**20
    max_total_bytes: int = 2 * 2**30
    max_ratio: float = 200.0  # uncompressed / compressed, for members over 1 MiB
    max_depth: int = 2  # an archive inside an archive is read; one level deeper is refused
    max_text_chars: int = 2**20  # the article text of one record, any format (real ones: < 40,000)


@dataclass
class Budget:
    """What one inbox file may still unpack, shared by the archives nested in it."""

    members: int
    bytes: int

    @classmethod
    def of(cls, limits: Limits) -> Budget:
        return cls(limits.max_members, limits.max_total_bytes)


def is_zip(data: bytes) -> bool:
    return data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC))


def members(data: bytes, limits: Limits, depth: int, budget: Budget) -> Iterator[tuple[str, bytes | Rejected]]:
    """Yield (member name, its bytes or why it was refused) for every file member."""
    if depth > limits.max_depth:
        raise Rejected("archive_limit", f"archive nested {depth} levels deep (limit {limits.max_depth})")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = [info for info in archive.infolist() if not info.filename.endswith("/")]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as err:
        raise Rejected("corrupt_archive", f"cannot open zip: {err}") from None
    if len(infos) > budget.members:
        raise Rejected("archive_limit", f"{len(infos)} members (limit {limits.max_members} per inbox file)")
    total = sum(info.file_size for info in infos)
    if total > budget.bytes:
        raise Rejected("archive_limit", f"{total} bytes uncompressed (limit {limits.max_total_bytes} per inbox file)")
    budget.members -= len(infos)
    budget.bytes -= total
    for info in sorted(infos, key=lambda i: i.filename):
        name = info.filename
        yield name, _read_member(archive, info, limits)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes | Rejected:
    path = PurePosixPath(info.filename.replace("\\", "/"))
    if not path.parts:
        return Rejected("unsafe_path", "member with an empty name")
    if path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        return Rejected("unsafe_path", f"member name {info.filename!r} points outside the archive")
    if info.file_size > limits.max_member_bytes:
        return Rejected("archive_limit", f"member of {info.file_size} bytes (limit {limits.max_member_bytes})")
    if info.file_size > 2**20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        return Rejected("archive_limit", f"compression ratio {info.file_size / max(info.compress_size, 1):.0f}:1")
    try:
        with archive.open(info) as member:
            # read one byte past the declared size: a lying header cannot inflate past the limit
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error,
            lzma.LZMAError) as err:
        return Rejected("corrupt_archive", f"member {info.filename!r}: {err}")
    if len(data) > info.file_size:
        return Rejected("corrupt_archive", f"member {info.filename!r} is larger than its header says")
    return data
