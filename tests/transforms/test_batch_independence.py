"""An article's extraction does not depend on the articles extracted with it: a run reads the
inbox in pieces, and a day's run sees other neighbours than a rebuild, so a batch of any size
must give the same rows. (Ties broken by row order once made a coordinated source borrow its
neighbour's actor id, and a quote's speaker flip between GBR and GBRGOV.)"""

import polars as pl
import pytest

from tests.conftest import ANT
from transforms.extraction import extract
from transforms.inputs import read_bytes
from transforms.readers.archive import Limits
from transforms.published_dates import parse_published

TABLES = ("sentences", "entity_mentions", "actor_references", "event_mentions", "quotes")


@pytest.fixture(scope="module")
def articles() -> pl.DataFrame:
    records = []
    for path in sorted(ANT.glob("2018-03-0[1-4].zip")):
        for found in read_bytes(path.read_bytes(), path.name, Limits()):
            records.append({"article_id": found.item["external_id"], "text": found.item["text"],
                            "published_raw": found.item["published_raw"]})
    return pl.DataFrame(records).with_columns(published_at=parse_published("published_raw")).drop("published_raw")


def test_batches_of_any_size_give_the_same_rows(articles):
    assert articles.height > 300
    whole = extract(articles)
    pieces = [extract(articles.slice(start, 7)) for start in range(0, articles.height, 7)]
    for table in TABLES:
        one = getattr(whole, table)
        many = pl.concat([getattr(piece, table) for piece in pieces])
        assert one.height > 0
        assert one.sort(one.columns, nulls_last=True).equals(many.sort(one.columns, nulls_last=True)), table
