"""Dates stated in Arabic news sentences, resolved against the publication date.

Handled (on the normalised sentence, Eastern Arabic digits folded to Western):
- day and month: «1 مارس», «الأول من آذار/ مارس الجاري», «الرابع من نيسان/ أبريل الماضي»,
  «15 أيار 2019» — Levantine, Western and Maghrebi month names from CLDR (Babel), alone or
  paired («آذار/ مارس», «مارس (آذار)»), ordinal day words up to «الحادي والثلاثين»;
- month alone with a year or الجاري / الماضي (الفائت, المنصرم) / المقبل, or after a position or a
  preposition of time: «شباط الماضي», «أبريل 2019», «ديسمبر من عام 2012», «نوفمبر من العام الماضي»,
  «أوائل يناير», «في يناير» (month);
- أمس, أول أمس, اليوم, غدا, «الليلة الماضية» (day); with a weekday, «اليوم السبت», the weekday
  nearest the day they say (day); weekdays «الأحد», «يوم الخميس الماضي», checked against the
  publication day: the publication day itself or the nearest such day before it (a week back
  with الماضي on the same weekday), the next one with المقبل (day); «اليوم الثالث» is no date;
- set phrases with a weekday are no date: «خطبة الجمعة», «صلاة الجمعة»;
- «الأسبوع الماضي», «منتصف الأسبوع الماضي» (week), «الشهر الماضي» (month), «العام الماضي» (year);
  a position without a modifier is in the current period: «مطلع الأسبوع» (week); so is «هذا الأسبوع», «هذا العام»;
- «قبل نحو عامين», «قبل شهر», «قبل ثلاثة أيام», «قبل 5 سنوات»: back from the report, at the unit's
  precision; not «قبل شهر رمضان», «قبل يوم الانتخابات», «قبل عامين من …» (counted from something else);
- years: «عام 2015», «في 2019», «خلال العام 2017» (year); «منذ 2015» is marked `since` (background);
- numeric dates «01/03/2020».
A month or day without a year is the latest such date not after publication (الماضي says
the same), unless المقبل / القادم puts it after.
dateparser and Babel cannot parse these (../shared/docs/STACK.md); Babel supplies the names.
"""

from __future__ import annotations

from functools import cache

import polars as pl
from babel.dates import get_month_names

from transforms.arabic import normalize, normalize_str

MONTH_LOCALES = ("ar", "ar_SY", "ar_DZ", "ar_MA")
# spellings news uses beyond CLDR's (after normalisation)
EXTRA_MONTHS = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "اغشت": 8, "ديسمبر": 12, "كانون ثاني": 1, "تشرين اول": 10,
                "تشرين ثاني": 11, "كانون اول": 12}
ORDINAL_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
POSITIONS = "منتصف|مطلع|اوايل|اواخر|نهايه|بدايه"  # of a period: «مطلع الأسبوع», «أوائل يناير» (normalised)
# before a month, which then needs no year: «في يناير», «منذ مارس» (normalised; «منذ» marks the
# expression `since`, as in «منذ 2015»)
MONTH_PREPOSITIONS = "في|خلال|منذ|حتي"
PAST = "الماضي|المنصرم|الفايت"  # «الشهر الماضي», «الأسبوع المنصرم», «الشهر الفائت» (normalised: ئ → ي)
RELATIVE_DAY = r"(?:امس\s+الاول|اول\s+امس|اول\s+من\s+امس|ليله\s+امس|الليله\s+الماضيه|(?:ال)?امس|اليوم|غدا|البارحه)"  # «بالأمس», «يوم الأمس» too
WEEKDAYS = {"الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6, "الاحد": 7}
# «قبل …»: units back from the report (normalised) → (amount, unit); a count before the plural
AGO_UNITS = {"يوم": (1, "day"), "يومين": (2, "day"), "ايام": (None, "day"), "اسبوع": (1, "week"), "اسبوعين": (2, "week"),
             "اسابيع": (None, "week"), "شهر": (1, "month"), "شهرين": (2, "month"), "اشهر": (None, "month"),
             "شهور": (None, "month"), "عام": (1, "year"), "عامين": (2, "year"), "سنه": (1, "year"), "سنتين": (2, "year"),
             "اعوام": (None, "year"), "سنوات": (None, "year")}
AGO_COUNTS = {"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7,
              "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10}
AGO_COUNT = r"(?:[0-9]{1,2}|" + "|".join(sorted(AGO_COUNTS, key=len, reverse=True)) + ")"
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

DATE_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "expression": pl.String,
    "position": pl.Int64,  # character position of the expression in the normalised sentence
    "event_date": pl.Date,
    "date_precision": pl.String,
    "since": pl.Boolean,
    "closes_sentence": pl.Boolean,  # the expression ends its sentence after a comma: «…، الأربعاء.»
}


@cache
def months() -> dict[str, int]:
    names = {
        normalize_str(name): number
        for locale in MONTH_LOCALES
        for number, name in get_month_names("wide", locale=locale).items()
    }
    return names | EXTRA_MONTHS


@cache
def ordinal_days() -> dict[str, int]:
    """الاول … العاشر, الحادي عشر … التاسع عشر, العشرين, الحادي والعشرين … الحادي والثلاثين."""
    days = {word: i + 1 for i, word in enumerate(ORDINAL_UNITS)} | {"العاشر": 10, "الحادي": 1}
    teens = ["الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر",
             "الثامن عشر", "التاسع عشر"]
    days |= {word: 11 + i for i, word in enumerate(teens)}
    days |= {"العشرين": 20, "الثلاثين": 30}
    for tens, base in (("العشرين", 20), ("الثلاثين", 30)):
        for i, unit in enumerate(["الحادي"] + ORDINAL_UNITS[1:]):
            if base + i + 1 <= 31:
                days[f"{unit} و{tens}"] = base + i + 1
    days.pop("الحادي")
    return days


def yearless_month() -> str:
    """A regex for a date expression (normalised) that names a month and no year, nor a word that
    places it before the report: «في أكتوبر», «15 مارس» — resolved to the latest such date not
    after the report, which an act announced for it is not (coding._planned_dates_ahead)."""
    return rf"^(?:.*\s)?[وفبل]?(?:{_alternation(months())})(?:\s.*)?$"


def _alternation(words) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def patterns() -> dict[str, str]:
    month = f"(?:{_alternation(months())})"
    # («آذار/ مارس», «مارس (آذار)», «فبراير شباط»)
    pair = rf"{month}(?:\s*[/(]\s*{month}(?:\s*\))?|\s+{month})?"
    ordinal = f"(?:{_alternation(ordinal_days())})"
    modifier = f"(?:الجاري|الحالي|{PAST}|المقبل|القادم)"
    year = r"(?:[12][0-9]{3})"
    # «من نفس العام», «من العام نفسه»: the year named before it in the article
    same = r"(?:من\s+)?(?:نفس\s+(?:العام|السنه)|(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها))"
    # «من العام الماضي»: of the year before the report's
    last_year = rf"(?:من\s+)?(?:العام|السنه)\s+(?:{PAST}|الماضيه)"
    this_year = r"(?:من\s+)?(?:هذا\s+العام|هذه\s+السنه)"
    month_tail = rf"(?:{last_year}|(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?:{year}|{modifier})|{same}|{this_year})"
    return {
        # «اليوم الثالث للاحتجاجات», «في اليوم التالي»: a day counted, not today (dropped)
        "counted_day": rf"اليوم\s+(?:{ordinal}|التالي|نفسه|ذاته|الاخير)",
        # «حج لهذا العام», «لهذا الموسم»: the season something belongs to, not when an act was (dropped)
        "season": r"لهذا\s+(?:العام|الموسم)",
        # a weekday in a set phrase names a prayer or its sermon, not a date: «خطبة الجمعة»,
        # «صلاة الجمعة», «خطيب الجمعة» (dropped)
        "set_phrase": rf"(?:صلاه|صلوات|خطبه|خطبتي|خطيب|خطباء|امام|مسجد|جامع)\s+(?:يوم\s+)?(?:{_alternation(WEEKDAYS)})",
        "day_month": rf"(?:[0-9]{{1,2}}|{ordinal})\s+(?:من\s+)?(?:شهر\s+)?{pair}(?:\s+{last_year}|\s+(?:(?:عام|سنه)\s+)?{year}|\s+{modifier}|\s+{same}|\s+{this_year})?",
        # a month needs a year or a modifier after it, or a position or a preposition of time before
        # it: «أوائل يناير», «أطلقت تركيا في يناير عملية عسكرية» (the latest such month, as the day of
        # «9 يناير» is; alone, «مارس» is also the verb «practised»)
        # (the year may follow a comma or be written onto the month: «أبريل، 2016», «آذار/مارس2015»)
        "month": rf"(?:(?:شهر\s+)?{pair}[\s،,]*{month_tail}|(?:{POSITIONS}|{MONTH_PREPOSITIONS})\s+(?:شهر\s+)?{pair}(?:[\s،,]*{month_tail})?)",
        "numeric": r"[0-9]{1,2}[/-][0-9]{1,2}[/-][12][0-9]{3}",
        # «اليوم السبت», «أمس الجمعة», «غدا الأحد»: the weekday names the day, the relative word
        # only its week (the report's date can be a day off the writer's: see _resolve)
        # (a quotation may close between them: «استهدفت مدينة دوما اليوم" السبت»)
        "relative_weekday": rf"(?:{RELATIVE_DAY})[\"»”]?\s+(?:يوم\s+)?(?:{_alternation(WEEKDAYS)})",
        # («الليلة الماضية», «ليلة أمس»: the night before the report, dated the day before)
        "relative_day": RELATIVE_DAY,
        "weekday": rf"(?:يوم\s+)?(?:{_alternation(WEEKDAYS)})(?:\s+(?:{PAST}|المقبل|القادم))?",
        # («مطلع الأسبوع» alone, «هذا الأسبوع», «هذا العام»: this one)
        "relative_period": rf"(?:(?:{POSITIONS})\s+(?:الاسبوع|الشهر|العام|السنه)(?:\s+{modifier})?"
                           rf"|(?:الاسبوع|الشهر|العام|السنه)\s+{modifier}|هذا\s+(?:الاسبوع|الشهر|العام)|هذه\s+السنه)",
        # «قبل نحو عامين», «قبل شهر», «قبل ثلاثة أيام»: back from the report; not «قبل شهر رمضان»,
        # «قبل يوم الانتخابات», «قبل عامين من الانسحاب» (another reference: the tail makes it no date)
        "ago": rf"قبل\s+(?:نحو\s+|حوالي\s+|قرابه\s+|اكثر\s+من\s+)?(?:{AGO_COUNT}\s+)?(?:{_alternation(AGO_UNITS)})"
               rf"(?:\s+(?:من|علي|رمضان|{month}|ال\p{{L}}+))?",
        # «عام 2015», «في 2019», «خلال العام 2017», «منذ العام 2011»
        "year": rf"(?:(?:منذ|في|خلال)\s+(?:(?:ال)?(?:عام|سنه)\s+)?|(?:ال)?(?:عام|سنه)\s+){year}",
    }


def find_dates(sentence_frame: pl.DataFrame, published: pl.DataFrame) -> pl.DataFrame:
    """Every date expression in every sentence, resolved (DATE_SCHEMA).

    `sentence_frame`: article_id, sentence_index, sentence_text; `published`: article_id, published_at.
    """
    kinds = patterns()
    # Whole words only («امس» not in «الخامس» or «امسية»), a clitic و ف ب ل allowed before.
    # A match takes the non-letter before and after it; so that two expressions one space
    # apart are both found, the regex runs on a copy with spaces doubled. (\b would do, but it
    # keeps the regex engine off its fast path on Arabic text: four times slower.)
    boundary = r"(?:^|[^\p{L}\p{N}])"
    combined = boundary + r"[وفبل]?(?:" + "|".join(f"(?:{p})" for p in kinds.values()) + r")(?:[^\p{L}\p{N}]|$)"
    text = normalize(pl.col("sentence_text")).str.replace_many(list(DIGITS), list(DIGITS.values()))
    found = (
        sentence_frame.select("article_id", "sentence_index", text.alias("norm"))
        .with_columns(expression=pl.col("norm").str.replace_all(" ", "  ", literal=True).str.extract_all(combined))
        .explode("expression")
        .filter(pl.col("expression").is_not_null())
        .with_columns(
            pl.col("expression")
            .str.replace_all(r"\s+", " ")
            .str.replace(r"[^\p{L}\p{N})]+$", "")
            .str.replace(r"^[^\p{L}\p{N}]+", "")
        )
        # characters before the expression's first occurrence (str.find counts bytes)
        .with_columns(position=pl.col("norm").str.split(pl.col("expression")).list.first().str.len_chars().cast(pl.Int64))
        # («…، مساء الأربعاء.»: a time of day may stand between the comma and the day)
        .with_columns(closes_sentence=pl.col("norm").str.slice(0, pl.col("position"))
                      .str.contains(r"[،,]\s*(?:(?:مساء|صباح|ظهر|فجر|ليله)\s+)?$")
                      & pl.col("norm").str.slice(pl.col("position") + pl.col("expression").str.len_chars())
                      .str.contains(r"^[^\p{L}\p{N}]*$"))
        .join(published.select("article_id", pub=pl.col("published_at").dt.date()), on="article_id")
    )
    kind = pl.lit(None, pl.String)
    for name in reversed(list(kinds)):  # the first pattern that matches the whole expression names it
        kind = pl.when(pl.col("expression").str.contains(f"^[وفبل]?(?:{kinds[name]})$")).then(pl.lit(name)).otherwise(kind)
    return _resolve(found.with_columns(kind=kind)).select(list(DATE_SCHEMA)).cast(DATE_SCHEMA)


def _safe_date(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    """A date, or null when the text names an impossible one («31 تشرين الثاني»)."""
    return pl.format("{}-{}-{}", year, month, day).str.to_date("%Y-%m-%d", strict=False)


def _resolve(frame: pl.DataFrame) -> pl.DataFrame:
    expr = pl.col("expression")
    pub = pl.col("pub")
    month_names = months()
    month = pl.lit(None, pl.Int32)
    for name in sorted(month_names, key=len):  # longest names last so they win («كانون الثاني» over «كانون»)
        month = pl.when(expr.str.contains(name, literal=True)).then(pl.lit(month_names[name], pl.Int32)).otherwise(month)
    ordinal = pl.lit(None, pl.Int32)
    bare_expr = expr.str.replace(r"^[وفبل](?:ال|[0-9])", "ال")  # «وفي» is not an ordinal; «والاول» → «الاول»
    for word, number in sorted(ordinal_days().items(), key=lambda item: len(item[0])):
        ordinal = pl.when(bare_expr.str.starts_with(word)).then(pl.lit(number, pl.Int32)).otherwise(ordinal)
    numeric_day = expr.str.extract(r"^[وفبل]?([0-9]{1,2})\s", 1).cast(pl.Int32)
    explicit_year = expr.str.extract(r"([12][0-9]{3})", 1).cast(pl.Int32)
    # «في 9 أبريل من نفس العام» takes the last year stated before it in the article (in text order)
    same_year = expr.str.contains(r"نفس\s+(?:العام|السنه)|(?:العام|السنه)\s+(?:نفس|ذات)")
    frame = frame.sort("article_id", "sentence_index", "position", "expression").with_columns(
        earlier_year=explicit_year.forward_fill().shift(1).over("article_id"))
    explicit_year = (pl.when(same_year).then(pl.col("earlier_year"))
                     .when(expr.str.contains(rf"\s(?:العام|السنه)\s+(?:{PAST}|الماضيه)$")).then(pub.dt.year() - 1)
                     .otherwise(explicit_year))
    after = expr.str.contains("المقبل|القادم")
    current = expr.str.contains("الجاري|الحالي|هذا|هذه")
    frame = frame.with_columns(
        month=month,
        day=pl.coalesce(numeric_day, ordinal),
        explicit_year=explicit_year,
        after=after,
        current=current,
    )

    def year_for(month_col: pl.Expr, day_col: pl.Expr) -> pl.Expr:
        """Year of a month/day without one: the latest not after publication, or the next with المقبل."""
        not_after = (month_col < pub.dt.month()) | ((month_col == pub.dt.month()) & (day_col <= pub.dt.day()))
        return (
            pl.when(pl.col("explicit_year").is_not_null()).then(pl.col("explicit_year"))
            .when(pl.col("current")).then(pub.dt.year())
            .when(pl.col("after")).then(pl.when(not_after).then(pub.dt.year() + 1).otherwise(pub.dt.year()))
            .otherwise(pl.when(not_after).then(pub.dt.year()).otherwise(pub.dt.year() - 1))
        )

    day_month = _safe_date(year_for(pl.col("month"), pl.col("day")), pl.col("month"), pl.col("day"))
    month_only = _safe_date(year_for(pl.col("month"), pl.lit(1)), pl.col("month"), pl.lit(1))
    numeric = _safe_date(
        expr.str.extract(r"([12][0-9]{3})$", 1),
        expr.str.extract(r"[0-9]{1,2}[/-]([0-9]{1,2})[/-]", 1),
        expr.str.extract(r"([0-9]{1,2})[/-][0-9]{1,2}[/-]", 1),
    )
    relative_days = (
        pl.when(expr.str.contains("اول|البارحه الاول|امس الاول")).then(-2)
        .when(expr.str.contains("امس|البارحه|الليله الماضيه")).then(-1)
        .when(expr.str.contains("^[وفبل]?غدا")).then(1)
        .otherwise(0)
    )
    weekday = pl.lit(None, pl.Int32)
    for name, number in WEEKDAYS.items():
        weekday = pl.when(expr.str.contains(name, literal=True)).then(pl.lit(number, pl.Int32)).otherwise(weekday)
    back = (pub.dt.weekday().cast(pl.Int32) - weekday) % 7
    forward = (weekday - pub.dt.weekday().cast(pl.Int32)) % 7
    # «السبت الماضي» said on a Saturday is a week back; «السبت» alone is that day
    past = expr.str.contains(PAST)
    weekday_date = pl.when(pl.col("after")).then(
        pub + pl.duration(days=pl.when(forward == 0).then(7).otherwise(forward))
    ).otherwise(pub - pl.duration(days=pl.when((back == 0) & past).then(7).otherwise(back)))
    # «اليوم السبت» in a report dated Sunday is Saturday: the day with that weekday nearest
    # to the one the relative word says (in the middleEast articles, 37 of 383 such phrases
    # name a weekday other than the relative word's, mostly a day before it)
    # — but never after the report for «أمس», nor before it for «غدا» («أمس السبت» in a report of
    # Thursday is last Saturday)
    said_day = pub + pl.duration(days=relative_days)
    ahead = (weekday - said_day.dt.weekday().cast(pl.Int32)) % 7
    nearest_day = said_day + pl.duration(days=pl.when(ahead <= 3).then(ahead).otherwise(ahead - 7))
    relative_weekday_date = (
        pl.when((relative_days < 0) & (nearest_day > pub)).then(nearest_day - pl.duration(days=7))
        .when((relative_days > 0) & (nearest_day < pub)).then(nearest_day + pl.duration(days=7))
        .otherwise(nearest_day)
    )
    # (a position in the period without a modifier, «مطلع الأسبوع», is this one)
    step = pl.when(pl.col("after")).then(1).when(expr.str.contains(PAST)).then(-1).otherwise(0)
    period_date = (
        pl.when(expr.str.contains("الاسبوع")).then(pub + pl.duration(weeks=step))
        .when(expr.str.contains("الشهر")).then(pub.dt.offset_by(pl.format("{}mo", step)).dt.month_start())
        .otherwise(pl.date(pub.dt.year() + step, 1, 1))
    )
    period_precision = (
        pl.when(expr.str.contains("الاسبوع")).then(pl.lit("week"))
        .when(expr.str.contains("الشهر")).then(pl.lit("month"))
        .otherwise(pl.lit("year"))
    )
    # «قبل نحو عامين»: the unit (its last word that is one) and the count before a plural
    unit_word = expr.str.extract(rf"({_alternation(AGO_UNITS)})$", 1)
    unit_amount = unit_word.replace_strict({w: a for w, (a, _) in AGO_UNITS.items()}, default=None, return_dtype=pl.Int32)
    unit = unit_word.replace_strict({w: u for w, (_, u) in AGO_UNITS.items()}, default=None, return_dtype=pl.String)
    count_word = expr.str.extract(rf"\s({AGO_COUNT})\s", 1)
    count = pl.coalesce(count_word.cast(pl.Int32, strict=False),
                        count_word.replace_strict(AGO_COUNTS, default=None, return_dtype=pl.Int32))
    amount = pl.coalesce(unit_amount, count)
    ago_date = (
        pl.when(~expr.str.contains(rf"(?:{_alternation(AGO_UNITS)})$")).then(None)  # a tail: another reference
        .when(unit == "day").then(pub - pl.duration(days=amount))
        .when(unit == "week").then(pub - pl.duration(weeks=amount))
        .when(unit == "month").then(pub.dt.offset_by(pl.format("-{}mo", amount)).dt.month_start())
        .when(unit == "year").then(pl.date(pub.dt.year() - amount, 1, 1))
    )
    kind = pl.col("kind")
    return frame.with_columns(
        event_date=pl.when(kind == "day_month").then(day_month)
        .when(kind == "month").then(month_only)
        .when(kind == "numeric").then(numeric)
        .when(kind == "relative_day").then(pub + pl.duration(days=relative_days))
        .when(kind == "weekday").then(weekday_date)
        .when(kind == "relative_weekday").then(relative_weekday_date)
        .when(kind == "relative_period").then(period_date)
        .when(kind == "year").then(pl.date(explicit_year, 1, 1))
        .when(kind == "ago").then(ago_date),
        date_precision=pl.when(kind.is_in(["day_month", "numeric", "relative_day", "weekday", "relative_weekday"])).then(pl.lit("day"))
        .when(kind == "ago").then(unit)
        .when(kind == "month").then(pl.lit("month"))
        .when(kind == "relative_period").then(period_precision)
        .when(kind == "year").then(pl.lit("year")),
        since=expr.str.contains("^[وفبل]?منذ"),
    ).drop("earlier_year").filter(pl.col("event_date").is_not_null())
