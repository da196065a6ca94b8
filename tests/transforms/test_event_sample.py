"""Regression fixture: the hand-judged samples' event mentions that were right stay right.

benchmarks/event_sample/sample.tsv (and the earlier samples kept beside it, sample_*.tsv)
hold 100 random ANT middleEast event mentions each, judged by hand; every one judged right in
type, source and target must still be extracted — same sentence, same CAMEO root, same source
and target codes — from its article, but for the few a change knowingly gave up (KNOWN_LOST,
each with its reason). (The same sentence, not the same trigger word: when the
lexicon stops coding a word that only repeated the event, «تم توقيفه … بتهمة التهجم», the event
stays, keyed on the verb.)
"""

import csv
import zipfile

import polars as pl
import pytest

from tests.conftest import ANT, REPO
from transforms.extraction import extract
from transforms.inputs import read_bytes
from transforms.published_dates import parse_published
from transforms.readers.archive import Limits

SAMPLES = sorted((REPO / "benchmarks" / "event_sample").glob("sample*.tsv"))


def _right_rows() -> list[dict]:
    sample = pl.concat([pl.read_csv(path, separator="\t", infer_schema=False) for path in SAMPLES], how="diagonal")
    right = (pl.col("type_ok") == "1") & (pl.col("source_ok") == "1") & (pl.col("target_ok") == "1")
    return sample.filter(right).unique(["article_id", "trigger", "source_code", "target_code"], maintain_order=True).with_columns(
        pl.col("sentence_index").cast(pl.Int32)).to_dicts()


def _articles(docnos: set[str]) -> pl.DataFrame:
    with open(ANT / "manifest.tsv", encoding="utf-8") as handle:
        where = {row["docno"]: (row["zip"], row["path_in_zip"]) for row in csv.DictReader(handle, delimiter="\t")}
    records = []
    for docno in sorted(docnos):
        zip_name, member = where[docno]
        with zipfile.ZipFile(ANT / zip_name) as archive:
            [found] = list(read_bytes(archive.read(member), member, Limits()))
        records.append({"article_id": docno, "text": found.item["text"], "published_raw": found.item["published_raw"]})
    return pl.DataFrame(records).with_columns(published_at=parse_published("published_raw"))


RIGHT = _right_rows()


@pytest.fixture(scope="module")
def extracted() -> pl.DataFrame:
    return extract(_articles({row["article_id"] for row in RIGHT})).event_mentions


def test_the_sample_has_judged_right_rows():
    assert len(RIGHT) >= 15


def _same_actor(column: str, judged: str | None) -> pl.Expr:
    """The judged code, empty if it was empty; a bare country judged right (the text gave no
    role, or the judge let it pass) may since have gained the role the text names: «مقاتلات
    إسرائيلية» judged ISR, coded ISRMIL. Another country, or another role, fails."""
    same = pl.col(column).eq_missing(judged)
    if judged is not None and len(judged) == 3:
        same = same | (pl.col(column).str.starts_with(judged) & (pl.col(column).str.len_chars() == 6)).fill_null(False)
    return same


# Judged-right mentions a later change made wrong or dropped, knowingly: the learned source choice
# (transforms/events/role_choice.py) fills sources the rules leave empty, and gets more of them
# right than wrong on held-out judged mentions (benchmarks/event_training/README.md), but not these;
# the leads of other stories that end some CNN articles (transforms/events/layout.py) are teasers,
# which the codebook does not code, though earlier reviewers judged these on their content; and
# one actor an earlier reviewer coded otherwise than the later ones.
# Strict: the day one is extracted again, the test says so and it leaves this list.
TEASER = "a teaser of another story after the article's end (CODEBOOK: not coded)"
STANDING = "a standing situation in the present tense (CODEBOOK: no new event; not coded since)"
KNOWN_LOST = {
    ("CN-middleEast-1513-20181013", "شجب"): TEASER,
    ("CN-middleEast-1361-20180912", "طالبت"): TEASER,
    ("CN-middleEast-1416-20181005", "دعا"): TEASER,
    ("CN-middleEast-1636-20181020", "رحب"): TEASER,
    # (found since a teaser may hold two sentences when it is cut off, open on a quotation joined
    # by «..», or start with a verb whose first letter is و: «وصلت», «وصف»)
    ("CN-middleEast-1348-20180911", "رفضت"): TEASER,
    ("CN-middleEast-1397-20181004", "زيارته"): TEASER,
    ("CN-middleEast-1564-20181016", "التحقيق في"): TEASER,
    # (found since a teaser may open with a number, «3 ملفات تصدرت مكالمة …», the lead before it)
    ("CN-middleEast-1234-20180816", "مساعدات إنسانية"): TEASER,
    # «قوات المقاومة اليمنية المشتركة» judged YEMREB here; the later samples and the role-judged
    # training rows code Yemen's pro-government resistance YEMMIL, as organisations.tsv now does
    ("SK-middleEast-2340-20180612", "بتعزيزات"): "pro-government resistance coded YEMMIL since",
    # «عمليات الترحيل المهاجرين من بنغلاديش …»: the migrants' countries taken as the deporters
    ("BB-middleEast-480-20180509", "الترحيل"): "learned source: a country after «من» of origin",
    # «كما قتل تسعة مسلحين أيضا في الاشتباكات»: the fighters killed taken as a side of the clashes
    ("FR-middleEast-602-20180607", "الاشتباكات"): "learned source: the killed taken as a party",
    # «حيث لا تزال عفرين تشهد …»: Afrin taken as the fighting's doer and judged acceptable as SYR;
    # a sub-national region the dictionary names is acted on, it does not act (roles.py)
    ("SK-middleEast-1909-20180524", "الاقتتال"): "a region is no source since",
    # standing situations were coded background and judged right so by some reviewers (most
    # judged them no event); they are no longer coded (standing_verbs.txt)
    ("BB-middleEast-957-20180906", "يسيطر"): STANDING,
    ("BB-middleEast-650-20180622", "يسيطر"): STANDING,
    ("SK-middleEast-362-20180317", "يسيطر"): STANDING,
    ("BB-middleEast-464-20180507", "تتهم"): STANDING,
    # tanks storming villages («استخدام الدبابات في اقتحام القرى الفلسطينية»), accepted as 17 by its
    # reviewer, is coded as the military assault it is (19) since (recoded_by_context.tsv)
    ("BB-middleEast-268-20180330", "اقتحام"): "storming villages coded as a military assault (19) since",
    # «محافظة» (province) was read as «محافظ» (governor) + a possessive ه until the teh marbuta was
    # no longer taken for a suffix (actors/mentions.py): the governor made «هجوم … في محافظة حمص»
    # SYRGOV (judged acceptable: the regime's side), the province now gives the country, SYR;
    # and it hid «صعدة» in «بمحافظة صعدة», which the direct-object rule now takes over the
    # Houthis of «مواقع وأهداف لميليشيات الحوثي» (YEM for YEMREB)
    ("FR-middleEast-726-20180704", "هجوم"): "the province's governor (a misreading) was the target",
    ("SK-middleEast-1795-20180518", "قصفت مقاتلات"): "a province named after a preposition taken as the object",
    # «شاركت بريطانيا في العملية العسكرية مع الولايات المتحدة وفرنسا»: France, joined by و to the
    # partner after «مع», made the operation the United States' and France's (USA judged right);
    # the members after a preposition now share it (roles.py, OPEN_HEADS) and the operation has
    # no doer, though Britain, its subject, is one
    ("FR-middleEast-278-20180414", "العملية العسكرية"): "a member after «مع» is a partner, no agent, since",
    # the accused and detainees are actors since (agents.tsv): the first of them named is the target,
    # with the country of the text, where the judged row had a later, more telling word
    ("FR-middleEast-569-20180603", "الاحتجاز"): "«تسعة متهمين» held are SAU; the women among them were SAUCVL",
    ("FR-middleEast-620-20180611", "توقيف"): "«أربعة متهمين» arrested are IRQ; the police among them were IRQCOP",
    # «الحرية للمعتقلين»: the detainees a protest is for are taken as its target (judged: none)
    ("BB-middleEast-738-20180715", "الاحتجاجات"): "the detainees a protest is for taken as its target",
    # «يرفض الطرف الروسي خروج أي شخص من درعا»: the persons a rejected act concerns are its target
    ("FR-middleEast-723-20180703", "يرفض"): "the persons whose departure is rejected taken as the target (SYR)",
    # «لطرد المجموعات المتطرفة المرتبطة بتنظيم "القاعدة"»: the groups driven out are an actor since
    # (agents.tsv, LBYREB), the target, where the judged row had the al-Qaeda they belong to
    ("SK-middleEast-2656-20180629", "لطرد"): "the extremist groups driven out are the target (LBYREB) since",
    # farmers and pilgrims are civilians since (agents.tsv), and a verbal noun's genitive agent is
    # sought up to six words on, into the noun after it: «زيارة المنطقة لكسب ود المزارعين» made
    # the farmers the visitors, «اتهامات … للسعودية بمنع الحجاج القطريين» the pilgrims the accusers
    ("SK-middleEast-2449-20180618", "زيارة"): "the farmers after «لكسب ود» taken as the visitors",
    ("CN-middleEast-1237-20180817", "اتهامات"): "the pilgrims after «بمنع» taken as the accusers",
    # districts are common place nouns since (participants.GENERIC_PLACES): clashes «في مديرية نهم»
    # take the district's country, YEM, as their target, as clashes «في مناطق …» did and were
    # judged right so (SK-middleEast-2715-20180701); this row was judged right with none
    ("SK-middleEast-90-20180227", "بمواجهات"): "the district the clashes were fought in taken as the target (YEM)",
    # the present «يتفق» is no trigger since (triggers_cooperation.tsv 2026-12-13.1): it mostly agrees
    # with an opinion or says «is consistent with»; Sinwar's «إنه يتفق مع الجانب المصري» was judged right
    ("CN-middleEast-967-20180518", "يتفق"): "the present «يتفق» is no trigger",
}


def _case(row: dict):
    lost = KNOWN_LOST.get((row["article_id"], row["trigger"]))
    marks = [pytest.mark.xfail(reason=lost, strict=True)] if lost else []
    return pytest.param(row, id=f"{row['article_id']}:{row['trigger']}", marks=marks)


def test_every_known_loss_is_a_judged_right_row():
    assert set(KNOWN_LOST) <= {(row["article_id"], row["trigger"]) for row in RIGHT}


@pytest.mark.parametrize("row", [_case(row) for row in RIGHT])
def test_a_mention_judged_right_is_still_extracted(extracted, row):
    same = extracted.filter(
        (pl.col("article_id") == row["article_id"])
        & (pl.col("sentence_index") == row["sentence_index"])
        & (pl.col("cameo_code").str.slice(0, 2) == row["cameo_code"][:2])
        & _same_actor("source_code", row["source_code"])  # empty stays empty
        & _same_actor("target_code", row["target_code"])
    )
    assert same.height, extracted.filter(pl.col("article_id") == row["article_id"]).select(
        "sentence_index", "trigger", "cameo_code", "source_code", "target_code"
    ).rows()
