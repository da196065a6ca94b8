"""Lines of an article's text that are not its body: headlines and related-story links.

News sites put the titles of other stories and their own subheads between paragraphs of the
body («محكمة تركية تتراجع عن إطلاق سراح …», «من هم المستهدفون بحملة التطهير؟», «قد يهمك أيضا:
…»). Such a line is short and ends without the full stop of a body sentence, or is a question of
its own: it names a story, it does not report an event, and its events are not coded (CODEBOOK:
related-story links and teasers). So is a line of any length that opens with the cue of a link
(RELATED_CUE: «اقرأ:», «قد يهمك/»). A body paragraph, even a truncated lead, is longer; a subhead
of a few words («دمشق تندد») heads the paragraph that reports its event, and is kept.

Some sites end an article with the leads of other stories, one paragraph each («اعتبر الرئيس
السوري … أن الاتفاق … "مؤقتا"», «دعا مقتدى الصدر …»): teasers, not coded either. A body paragraph
after the first goes on the story with «و» («وقال», «وكانت»), a closing formula («يذكر أن») or
more than one sentence; a run of at least MIN_TEASER_RUN one-sentence paragraphs at the end of an
article, none opening so, is taken for such a block. A lead cut off mid-sentence may hold two
(«… الثلاثاء الماضي. وبينما تقول السلطات … أن يكون قد غادر»), and may open on its quotation
(«"شراكات جديدة".. بهاتين الكلمتين …»). On the ANT middleEast articles 372 of 1,640 CNN articles
end so, 2 of 5,988 of the other sites.
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize

MIN_HEADLINE_TOKENS, MAX_HEADLINE_TOKENS = 5, 15
# a line that opens with the cue of a related story is a link, however it ends: «اقرأ: (مواجهة
# جديدة بين قطر والسعودية …)», «قد يهمك/ …», «إقرأ أيضا في بي بي سي: …», «شاهد.. …», «للمزيد: …», «ايضاً.. …»
# (not «للمزيد سألنا …», which goes on the story)
RELATED_CUE = r"^[^\p{L}]*(اقرا|قد يهمك|شاهد\s*[:.]|للمزيد\s*:|ايضا\s*\.\.)"  # (on the normalised line, after any bullet or mark)
# a body sentence ends with a full stop, an exclamation, a colon before a quotation, or a quotation's close
BODY_END = r"[.!:\"»”)…]$"
QUESTION_END = r"[؟?]$"
# a line beside a headline is one more title unless it ends with a full stop (_beside_headlines)
FULL_STOP_END = r"[.!…]$"
MIN_BESIDE_TOKENS, MAX_BESIDE_TOKENS = 3, 25
LIST_ITEM = r"^[0-9\x{0660}-\x{0669}]+\s*[-.)]"
TIMELINE_DATE = r"^[0-9\x{0660}-\x{0669}]{1,2}\s+\S+(\s+[0-9\x{0660}-\x{0669}]{4})?$"  # «8 أكتوبر», «2 أكتوبر 2018»
# a line that opens with the conjunction و goes on the story («واعتبرت بريطانيا …»): a body
# sentence that lost its full stop, not a title — unless و is the word's own letter (وزير, وفد …)
CONJUNCTION_START = r"^و[^\s]{2,}"
OWN_WAW = r"^(وزير|وزار|وزرا|وفد|واشنطن|ولي|ولاي|وكال|وثيق|وحد|وسائل|وقف|وصول|وساط|وسط|وفاة|وضع|وعود|وعد|وصل|وصف|وجّ|وجَّ|وقع|وافق|ورد|وزع)"
MIN_TEASER_RUN, MIN_TEASER_TOKENS = 5, 12
# words that open a body paragraph going on the story: a closing formula or a contrast
BODY_OPENING = r"^(يذكر|يُذكر|يشار|تجدر|جاء ذلك|يأتي|لكن|بينما|كما|إلا)"
# a sentence ending inside the paragraph: it holds more than one sentence (not «..», which
# joins a quoted phrase to its story: «"شراكات جديدة".. بهاتين الكلمتين تحدث …»)
INNER_SENTENCE_END = r"(^|[^.])[.!؟?]\s+\S"
# a teaser opens with an Arabic word or a number («3 ملفات تصدرت مكالمة …»), or with the quotation
# it leads with, joined by «..»
LEAD_START = r"^([\x{0621}-\x{064A}0-9]|[\"«“][^\"«»“”]{1,60}[\"»”]\s*\.\.)"
# an entry of a chronology that ends an article is its body, not a teaser: «2011: وقعت سوريا …»,
# «24 فبراير/شباط 2018: وافقت …»
CHRONOLOGY_ENTRY = r"^[^:]{0,30}[12][0-9]{3}\s*:"


def headline_sentences(articles: pl.DataFrame, sentence_frame: pl.DataFrame) -> pl.DataFrame:
    """article_id, sentence_index of the sentences that lie on a headline or related-story line."""
    lines = (
        articles.select("article_id", line=pl.col("text").str.split("\n"))
        .explode("line")
        .with_columns(length=pl.col("line").str.len_chars() + 1)
        # where each line starts in the article's text (the \n counted in `length`)
        .with_columns(line_start=(pl.col("length").cum_sum() - pl.col("length")).over("article_id").cast(pl.Int64))
        .with_columns(pl.col("line").str.strip_chars())
        .filter(pl.col("line") != "")
    )
    words = pl.col("line").str.count_matches(r"\S+")
    goes_on = pl.col("line").str.contains(CONJUNCTION_START) & ~pl.col("line").str.contains(OWN_WAW)
    headline = lines.filter(
        (words.is_between(MIN_HEADLINE_TOKENS, MAX_HEADLINE_TOKENS)
         & ~goes_on
         & (~pl.col("line").str.contains(BODY_END)
            # a question standing alone, not a quoted one («وتساءل: "…؟"»)
            | (pl.col("line").str.contains(QUESTION_END) & ~pl.col("line").str.contains("[\"«»“”:]"))))
        | normalize(pl.col("line")).str.contains(RELATED_CUE)
    ).select("article_id", "line_start", headline=pl.lit(True))
    headline = pl.concat([headline, _beside_headlines(lines, headline, words, goes_on), _teaser_block(lines, words, goes_on)]).unique()
    located = (
        sentence_frame.select("article_id", "sentence_index", "start").sort("article_id", "start")
        .join_asof(lines.select("article_id", "line_start").sort("article_id", "line_start"),
                   left_on="start", right_on="line_start", by="article_id", strategy="backward", check_sortedness=False)
    )
    return located.join(headline, on=["article_id", "line_start"]).select("article_id", "sentence_index")


def _beside_headlines(lines: pl.DataFrame, headline: pl.DataFrame, words: pl.Expr, goes_on: pl.Expr) -> pl.DataFrame:
    """article_id, line_start, headline of a line next to a headline line that ends without a
    full stop: a block of links between paragraphs holds titles longer than a headline (two
    run together: «… بتهريب أسلحة إلى اليمنفي حرب اليمن وتطورات عدن») and titles that end on a
    quotation («السعودية "تعهدت بدعم كل مطالب الفلسطينيين …"»)."""
    # (not in a dated timeline, whose entries are no links: «8 أكتوبر» on a line of its own, then
    # «الخارجية التركية تعلن استدعاء السفير …»)
    timelines = lines.filter(pl.col("line").str.contains(TIMELINE_DATE)).select("article_id").unique()
    numbered = lines.join(timelines, on="article_id", how="anti").with_columns(
        line_no=pl.int_range(pl.len()).over("article_id")).join(
        headline, on=["article_id", "line_start"], how="left").with_columns(pl.col("headline").fill_null(False))
    beside = (pl.col("headline").shift(1).over("article_id").fill_null(False)
              | pl.col("headline").shift(-1).over("article_id").fill_null(False))
    # (a body sentence may end on a quotation too: only a headline's length does so; nor an item
    # of a numbered list, «1- تسليم أسلحة جيش الإسلام …»)
    unended = ~pl.col("line").str.contains(BODY_END)
    return numbered.filter(
        ~pl.col("headline") & beside & ~goes_on & ~pl.col("line").str.contains(FULL_STOP_END) & (pl.col("line_no") > 0)
        & ~pl.col("line").str.contains(LIST_ITEM)
        & words.is_between(MIN_BESIDE_TOKENS, pl.when(unended).then(MAX_BESIDE_TOKENS).otherwise(MAX_HEADLINE_TOKENS))
    ).select("article_id", "line_start", headline=pl.lit(True))


def _teaser_block(lines: pl.DataFrame, words: pl.Expr, goes_on: pl.Expr) -> pl.DataFrame:
    """article_id, line_start, headline of the lines of a block of teasers that ends an article."""
    lead_like = (
        (words >= MIN_TEASER_TOKENS) & pl.col("line").str.contains(LEAD_START) & ~goes_on
        & ~pl.col("line").str.contains(BODY_OPENING) & ~pl.col("line").str.contains(CHRONOLOGY_ENTRY)
        # two sentences make a body paragraph, unless the lead is cut off mid-sentence
        & (~pl.col("line").str.contains(INNER_SENTENCE_END) | ~pl.col("line").str.contains(BODY_END))
    )
    numbered = lines.with_columns(line_no=pl.int_range(pl.len()).over("article_id"), lines=pl.len().over("article_id"))
    # (the first paragraph is the article's own lead)
    numbered = numbered.with_columns(lead_like=lead_like & (pl.col("line_no") > 0))
    last_body = pl.when(~pl.col("lead_like")).then(pl.col("line_no")).max().over("article_id").fill_null(-1)
    return (
        numbered.with_columns(last_body=last_body)
        .filter((pl.col("line_no") > pl.col("last_body")) & (pl.col("lines") - 1 - pl.col("last_body") >= MIN_TEASER_RUN))
        .select("article_id", "line_start", headline=pl.lit(True))
    )
