"""Event coding on the seed article against its hand-checked gold, and the rules behind it."""

from datetime import date, datetime

import polars as pl
import pytest
import yaml

from tests.conftest import SEED, SHARED
from transforms.events.dates import find_dates
from transforms.extraction import extract
from transforms.readers import plain_text

GOLD = yaml.safe_load((SHARED / "gold/events/arabi21_haftar_damascus.yaml").read_text(encoding="utf-8"))
SEED_RECORD = next(plain_text.read(SEED.read_text(encoding="utf-8")))


def _events(text: str, day: datetime = datetime(2020, 3, 4)) -> pl.DataFrame:
    return extract(pl.DataFrame({"article_id": ["a"], "text": [text], "published_at": [day]})).event_mentions


@pytest.fixture(scope="module")
def seed_events() -> pl.DataFrame:
    return _events(SEED_RECORD["text"], datetime.fromisoformat(str(GOLD["published_at"])))


def _code_matches(ours: str | None, gold: str) -> bool:
    """Country and, where the gold gives one, role: «SYR» accepts SYRGOV; «SYRGOV» wants SYRGOV."""
    return ours is not None and (ours == gold if len(gold) > 3 else ours[:3] == gold)


@pytest.mark.parametrize("gold", GOLD["events"], ids=[e["what"] for e in GOLD["events"]])
def test_every_gold_event_is_found(seed_events, gold):
    roots = gold["cameo_root"] if isinstance(gold["cameo_root"], list) else [gold["cameo_root"]]
    candidates = seed_events.filter(pl.col("cameo_code").str.slice(0, 2).is_in(roots))
    found = [
        row
        for row in candidates.iter_rows(named=True)
        if (_code_matches(row["source_code"], gold["source"]) and _code_matches(row["target_code"], gold["target"]))
        or (
            gold.get("either_direction")
            and _code_matches(row["source_code"], gold["target"])
            and _code_matches(row["target_code"], gold["source"])
        )
    ]
    assert found, f"{gold['what']}: none of {candidates.select('trigger', 'cameo_code', 'source_code', 'target_code').rows()}"
    if "event_date" in gold:
        dated = [r for r in found if r["event_date"] == gold["event_date"] and r["date_precision"] == gold["date_precision"]]
        assert dated, [(r["trigger"], r["event_date"], r["date_precision"]) for r in found]
    assert any(r["modality"] == "asserted" for r in found)


def test_must_not(seed_events):
    # the related-story link is not part of the text; the photo credit is not an actor
    assert "اقرأ أيضا" not in SEED_RECORD["text"] and "الأناضول" not in SEED_RECORD["text"]
    # «منذ 2015» is background: nothing dated 2015 counts as a new event
    dated_2015 = seed_events.filter(pl.col("event_date").dt.year() == 2015)
    assert (dated_2015["modality"] != "asserted").all()


def test_negated_denied_and_announced_events_are_marked():
    events = _events(
        "لم يستقبل الرئيس التركي رجب طيب أردوغان الوفد السوري. ونفت الحكومة السورية أن يكون وزير الخارجية وليد المعلم "
        "قد التقى نظيره التركي. وسيزور المعلم أنقرة الأسبوع المقبل."
    )
    modality = dict(events.select("trigger", "modality").iter_rows())
    assert modality.get("يستقبل") == "negated"
    assert "denied" in set(events["modality"])
    assert modality.get("وسيزور") == "future"


def test_dates_resolve_against_the_publication_date():
    sentences = pl.DataFrame(
        {
            "article_id": ["a"] * 6,
            "sentence_index": list(range(6)),
            "sentence_text": [
                "وفي الأول من آذار/ مارس الجاري وقع الطرفان",
                "منذ الرابع من نيسان/ أبريل الماضي",
                "التقيا أمس، وسيلتقيان يوم الخميس المقبل",
                "ومنذ 2015 تتنازع سلطتان",
                "زار الوزير بيروت منتصف الأسبوع الماضي",
                "في ١٥ شباط ٢٠١٩ وفي الحادي والعشرين من يونيو",
            ],
        }
    )
    published = pl.DataFrame({"article_id": ["a"], "published_at": [datetime(2020, 3, 4, 9)]})
    found = {
        (row["expression"], row["event_date"], row["date_precision"], row["since"])
        for row in find_dates(sentences, published).iter_rows(named=True)
    }
    assert ("الاول من اذار/ مارس الجاري", date(2020, 3, 1), "day", False) in found
    assert ("الرابع من نيسان/ ابريل الماضي", date(2019, 4, 4), "day", False) in found
    assert ("امس", date(2020, 3, 3), "day", False) in found
    assert ("يوم الخميس المقبل", date(2020, 3, 5), "day", False) in found  # 4 March 2020 was a Wednesday
    assert ("ومنذ 2015", date(2015, 1, 1), "year", True) in found
    assert ("منتصف الاسبوع الماضي", date(2020, 2, 26), "week", False) in found
    assert ("15 شباط 2019", date(2019, 2, 15), "day", False) in found
    assert ("الحادي والعشرين من يونيو", date(2019, 6, 21), "day", False) in found


def test_an_impossible_date_is_dropped_not_fatal():
    sentences = pl.DataFrame({"article_id": ["a"], "sentence_index": [0], "sentence_text": ["في 31 تشرين الثاني 2017 و99/99/2020"]})
    published = pl.DataFrame({"article_id": ["a"], "published_at": [datetime(2018, 1, 4)]})
    assert find_dates(sentences, published).is_empty()


def test_a_weekday_is_the_publication_day_or_the_nearest_before():
    sentences = pl.DataFrame({"article_id": ["a", "a"], "sentence_index": [0, 1], "sentence_text": ["وقع الأحد", "اجتمعوا الأربعاء"]})
    published = pl.DataFrame({"article_id": ["a"], "published_at": [datetime(2020, 3, 4)]})  # a Wednesday
    days = dict(find_dates(sentences, published).select("expression", "event_date").iter_rows())
    assert days == {"الاحد": date(2020, 3, 1), "الاربعاء": date(2020, 3, 4)}


def test_quotes_name_their_speaker_and_keep_offsets():
    text = SEED_RECORD["text"]
    quotes = extract(
        pl.DataFrame({"article_id": ["a"], "text": [text], "published_at": [datetime(2020, 3, 4)]})
    ).quotes
    muallem = quotes.filter(pl.col("speaker_actor_id") == "walid_al_muallem").row(0, named=True)
    assert muallem["speaker_code"] == "SYRGOV"
    assert muallem["quote_text"].startswith("استئناف العلاقات الدبلوماسية في كل من دمشق وبنغازي مؤقت")
    for start, end, quoted in quotes.select("quote_start", "quote_end", "quote_text").iter_rows():
        assert text[start:end] == quoted
