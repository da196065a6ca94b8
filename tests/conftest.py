"""Shared test fixtures: where the shared corpus is, and a prepared dbt manifest."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
SEED = CORPUS / "samples" / "arabi21_haftar_damascus.txt"
ANT = CORPUS / "ant"
SAUDI = CORPUS / "saudinewsnet"


def ant_member(zip_name: str, member: str) -> bytes:
    with zipfile.ZipFile(ANT / zip_name) as archive:
        return archive.read(member)


@pytest.fixture(scope="session", autouse=True)
def _corpus_present():
    if not SEED.exists():
        pytest.exit(f"the shared corpus is missing at {SHARED} (set RASD_SHARED)", returncode=2)


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    from orchestration.dbt_project import prepare_manifest

    return prepare_manifest()
