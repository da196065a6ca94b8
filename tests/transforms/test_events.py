"""Event coding on the seed article against its hand-checked gold, and the rules behind it."""

from datetime import date, datetime

import polars as pl
import pytest
import yaml

from benchmarks.gold_events import gold_roots, matching_events
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


@pytest.mark.parametrize("gold", GOLD["events"], ids=[e["what"] for e in GOLD["events"]])
def test_every_gold_event_is_found(seed_events, gold):
    candidates = seed_events.filter(pl.col("cameo_code").str.slice(0, 2).is_in(gold_roots(gold)))
    found = matching_events(candidates, gold)
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


SATURDAY = datetime(2018, 4, 21)


def _coded(text: str, day: datetime = SATURDAY) -> set[tuple]:
    """(trigger, CAMEO code, source, target) of every event in `text`."""
    return set(_events(text, day).select("trigger", "cameo_code", "source_code", "target_code").iter_rows())


def _by_trigger(text: str, day: datetime = SATURDAY) -> dict[str, dict]:
    return {row["trigger"]: row for row in _events(text, day).iter_rows(named=True)}


def test_a_dateline_is_not_an_actor():
    # «دبي، الإمارات …» says where the report was filed; Bahrain welcomed what the USA did
    assert _coded(
        "دبي، الإمارات العربية المتحدة (CNN)-- رحبت مملكة البحرين، الثلاثاء، بقيام الولايات المتحدة الأمريكية "
        "بتصنيف أحد قادة سرايا الأشتر كإرهابي."
    ) == {("رحبت", "051", "BHR", "USA")}


def test_the_doer_of_a_passive_is_the_source_and_its_subject_the_target():
    assert _coded("اعتقل ناشطون من قبل قوات الأمن المصرية.") == {("اعتقل", "173", "EGY", "EGYOPP")}
    assert _coded("وتتعرض مدينة دوما لحصار من قبل النظام السوري.") == {("لحصار", "191", "SYRGOV", "SYR")}
    # «تعرض X لـ…»: X undergoes it
    assert _coded("تعرضت ناقلة نفط سعودية لهجوم حوثي في المياه الدولية.") == {("لهجوم", "190", None, "SAU")}
    # «من قبل» after the object of an active verb belongs to that object, not to the verb
    assert _coded("استنكرت الحكومة اليمنية التعنت المتعمد من قبل الميليشيات الحوثية.") == {("استنكرت", "111", "YEMGOV", None)}


def test_the_genitive_of_an_arrest_is_the_one_arrested():
    assert _coded("ويأتي توقيف عبد المنعم أبو الفتوح قبل الانتخابات الرئاسية في مصر.") == {("توقيف", "173", None, "EGYOPP")}


def test_planned_expected_and_called_for_events_are_not_asserted():
    assert _by_trigger("وحذرت الأمم المتحدة من الهجوم العسكري المرتقب على إدلب.")["الهجوم"]["modality"] == "future"
    appeal = _by_trigger("دعا النائب اللبناني باسم السبع الناخبين إلى مقاطعة الانتخابات.")
    assert appeal["دعا"]["modality"] == "asserted"
    assert appeal["مقاطعة الانتخابات"]["modality"] == "future"  # called for, not held
    visit = _by_trigger("يزور الرئيس الفرنسي إيمانويل ماكرون لبنان الأحد المقبل.")["يزور"]
    assert (visit["event_date"], visit["modality"]) == (date(2018, 4, 22), "future")  # dated after the report
    assert _by_trigger("الحضور هنا لا يقتنعون بأي انتقادات توجه للرئيس المصري.")["انتقادات"]["modality"] != "asserted"


def test_a_date_across_another_trigger_or_a_reported_clause_is_not_used():
    accused = _by_trigger("واتهمت سوريا إسرائيل بشن هجوم الاثنين على مطار التيفور العسكري.")
    assert accused["واتهمت"]["date_precision"] == "unknown"  # Monday is the attack's date
    assert accused["هجوم"]["event_date"] == date(2018, 4, 16)
    met = _by_trigger("وأفاد مصدر دبلوماسي فرنسي الأربعاء أن السفير الفرنسي في اليمن اجتمع في صنعاء مع قادة حوثيين.")
    assert met["اجتمع"]["date_precision"] == "unknown"  # Wednesday is the report's date
    bombed = _by_trigger("أعلن الجيش الإسرائيلي، الجمعة، قصف موقع عسكري سوري بعد سقوط قذيفة هاون.")["قصف"]
    # a day between commas does not cut the subject off; «سوري» qualifies the site, not the bombing
    assert (bombed["source_code"], bombed["target_code"], bombed["event_date"]) == ("ISRMIL", "SYR", date(2018, 4, 20))


def test_a_comma_or_a_relative_pronoun_opens_a_new_clause():
    assert _coded("وأظهرت القمة تباينا في مواقف تركيا وإيران إزاء مصير إدلب، إذ دعت أنقرة إلى هدنة.") == {
        ("دعت", "020", "TUR", None)
    }
    visit = _by_trigger(
        "وكان الأمير محمد بن سلمان قد استقبل وزير الخارجية الأمريكي مايك بومبيو الذي أجرى زيارة للسعودية."
    )["زيارة"]
    # the visitor is the subject of the light verb; «للسعودية» is where to, not who
    assert (visit["source_code"][:3], visit["target_code"]) == ("USA", "SAU")


def test_the_subject_of_a_light_verb_is_the_agent_of_its_noun():
    talks = _by_trigger("أجرى وزير الخارجية الإماراتي عبد الله بن زايد محادثات في عمان مع نظيره الأردني أيمن الصفدي.")
    assert talks["محادثات"]["source_code"] == "AREGOV" and talks["محادثات"]["target_code"].startswith("JOR")


def test_against_reaches_a_target_further_on():
    offensive = _by_trigger(
        "وبدأت القوات الموالية للحكومة الأربعاء هجوما واسعا بهدف اقتحام مدينة الحديدة، في أكبر عملية تشنها هذه "
        "القوات ضد الحوثيين."
    )["هجوما"]
    assert (offensive["target_code"], offensive["event_date"]) == ("YEMREB", date(2018, 4, 18))


def test_a_person_attacks_in_words():
    assert _coded(
        "وهاجم الرئيس التركي رجب طيب أردوغان رئيس الوزراء الإسرائيلي بنيامين نتنياهو واصفا إياه بأنه محتل."
    ) == {("وهاجم", "111", "TURGOV", "ISRGOV")}


def test_who_controls_a_place_is_a_standing_situation():
    control = _by_trigger("ويتركز الجزء الأكبر من تلك القوات في المناطق التي يسيطر عليها الأكراد شمالي سوريا.")
    assert control["يسيطر"]["modality"] == "background"


def test_counted_days_last_weekday_and_month_of_year():
    sentences = pl.DataFrame({
        "article_id": ["a"] * 3,
        "sentence_index": [0, 1, 2],
        "sentence_text": ["وفي اليوم الثالث للاحتجاجات", "فجر السبت الماضي ضربة", "في شهر ديسمبر من عام 2012"],
    })
    published = pl.DataFrame({"article_id": ["a"], "published_at": [SATURDAY]})
    found = {(r["expression"], r["event_date"], r["date_precision"]) for r in find_dates(sentences, published).iter_rows(named=True)}
    # «اليوم الثالث» is no date; «السبت الماضي» said on a Saturday is a week back
    assert found == {("السبت الماضي", date(2018, 4, 14), "day"), ("شهر ديسمبر من عام 2012", date(2012, 12, 1), "month")}


def test_a_trigger_is_cut_from_the_text_as_written():
    text = "وقررت الحكومة السورية شن #هجمات على المسلحين في إدلب."
    [event] = _events(text).filter(pl.col("cameo_code").str.starts_with("19")).to_dicts()
    assert event["trigger"] == "شن #هجمات"
    assert text[event["trigger_start"]:event["trigger_end"]] == event["trigger"]
