"""Sentences and tokens keep exact offsets into the original text; normalisation is separate."""

from datetime import datetime

import polars as pl
import pytest

from tests.conftest import SEED
from transforms.arabic import normalize, normalize_str
from transforms.readers import plain_text
from transforms.segmentation import at_token, sentences, tokens

SEED_BODY = next(plain_text.read(SEED.read_text(encoding="utf-8")))["text"]


@pytest.fixture(scope="module")
def seed_frames():
    articles = pl.DataFrame({"article_id": ["seed"], "text": [SEED_BODY], "published_at": [datetime(2020, 3, 4)]})
    sentence_frame = sentences(articles)
    return sentence_frame, tokens(sentence_frame)


def test_every_offset_cuts_its_own_text_out_of_the_original(seed_frames):
    sentence_frame, token_frame = seed_frames
    for start, end, text in sentence_frame.select("start", "end", "sentence_text").iter_rows():
        assert SEED_BODY[start:end] == text
    for start, end, surface in token_frame.select("start", "end", "surface").iter_rows():
        assert SEED_BODY[start:end] == surface
    assert token_frame["token_index"].to_list() == list(range(token_frame.height))


def test_sentences_end_at_full_stops_and_line_breaks_not_at_commas(seed_frames):
    sentence_frame, _ = seed_frames
    texts = sentence_frame["sentence_text"].to_list()
    assert len(texts) == 11
    assert texts[0].startswith("كشفت صحيفة الشرق الأوسط") and texts[0].endswith("تنسيق الجهود ضد تركيا.")
    assert "حسب سانا." in texts  # «… الإقليمية". حسب سانا.» splits after the full stop
    assert all("،" in t for t in texts[:2])


def test_clitics_stay_on_their_word_and_punctuation_falls_between(seed_frames):
    _, token_frame = seed_frames
    rows = {r["surface"]: r for r in token_frame.iter_rows(named=True)}
    assert "وحفتر" in rows and "للمساهمة" in rows
    bracketed = token_frame.filter(pl.col("token_index") == rows["للزيارتين"]["token_index"] + 1).row(0, named=True)
    assert (bracketed["surface"], bracketed["gap_before"]) == ("حفتر", "(")  # «للزيارتين (حفتر وكامل)»
    assert rows["وكامل"]["gap_before"] == ""
    after_haftar = token_frame.filter(pl.col("surface") == "إلى").row(0, named=True)
    assert after_haftar["gap_before"] == "،"


def test_format_characters_between_words_are_no_gap():
    """A right-to-left mark or a zero-width space between two words («ميليشيا \u200fالحوثي», 215
    such marks in the ANT middleEast articles) leaves them as adjacent as a space does."""
    text = "مواقع ميليشيا \u200fالحوثي\u200b الإيرانية، في تعز"
    articles = pl.DataFrame({"article_id": ["a"], "text": [text], "published_at": [datetime(2018, 8, 13)]})
    token_frame = tokens(sentences(articles))
    assert token_frame["surface"].to_list() == ["مواقع", "ميليشيا", "الحوثي", "الإيرانية", "في", "تعز"]
    assert token_frame["gap_before"].to_list() == ["", "", "", "", "،", ""]
    for start, end, surface in token_frame.select("start", "end", "surface").iter_rows():
        assert text[start:end] == surface


def test_normalisation_folds_spelling_variants_without_touching_the_surface():
    assert normalize_str("فائز") == normalize_str("فايز")
    assert normalize_str("أنقرة") == "انقره"
    assert normalize_str("مُصطفى") == normalize_str("مصطفـــى") == "مصطفي"
    frame = pl.DataFrame({"s": ["الأُمم المتّحدة"]}).with_columns(n=normalize(pl.col("s")))
    assert frame.row(0) == ("الأُمم المتّحدة", "الامم المتحده")


def test_at_token_gives_what_a_join_on_article_and_token_index_gives():
    """at_token looks tokens up by row number; the same rows, in the frame's order, as the join."""
    articles = pl.DataFrame({
        "article_id": ["b", "a", "c"],
        "text": ["قصفت الطائرات مواقع في إدلب.", "زار الرئيس دمشق أمس. ثم عاد.", "مرحبا"],
        "published_at": [datetime(2020, 1, 1)] * 3,
    })
    token_frame = tokens(sentences(articles))
    # positions inside, at the ends of and outside each article, in no particular order
    frame = pl.DataFrame({"article_id": ["a", "b", "c", "a", "b", "x", "c"], "position": [3, 0, 0, 99, -1, 0, 1]})
    looked_up = at_token(frame, token_frame, "position", norm="norm", start="start")
    joined = frame.join(token_frame.select("article_id", position="token_index", norm="norm", start="start"),
                        on=["article_id", "position"], how="left", maintain_order="left")
    assert looked_up.equals(joined)
    assert at_token(frame, token_frame, "position", how="inner", norm="norm").height == joined["norm"].is_not_null().sum()
