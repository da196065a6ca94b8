"""Who did what to whom, when: events coded from triggers, actor mentions and dates.

For every trigger (triggers.py) the sentence's participants — named actors, state
institutions, demonyms, places and generic agents (actors/mentions.py) — are joined to it and
given roles by position, as Arabic news builds its sentences:
- no event from a trigger in the genitive of a body's or a list's noun («منظمة حظر الأسلحة
  الكيميائية», «دول الحصار», «فريق بحث»): it is part of a name;
- the places of a dateline («دبي، الإمارات العربية المتحدة (CNN)--») take no role; a generic
  agent without a role followed by a named actor is that actor's men («عناصر تنظيم الدولة»);
  a quantity between a preposition and its participant is transparent («القبض على عدد من …»);
- source: for a verb, the first participant after it (VSO: «وقع النظام السوري …»), else the
  nearest before it (SVO: «تركيا … أرسلت») — but a subject before a comma, a relative pronoun
  or a verb with و comes after VSO, and a feminine verb's subject is not a man («وطردت
  السفير»); for a verbal noun, the participant right after it (the genitive: «زيارة حفتر
  إلى دمشق»; a place with ل is where to, a demonym further on qualifies another noun, the
  owner of a noun a preposition introduces is not the agent: «غارات على مواقع للمعارضة»);
- never across a bare «أن / إن» that opens a reported clause («قال المرصد إن القوات قصفت»),
  nor past the next trigger; a town or region does not act; a verb right after a noun trigger
  has that noun as its subject («غارات روسية استهدفت بلدة حرستا»), and the noun takes the
  verb's object as its target;
- the object of an appeal, praise, demand, criticism or rejection («أدانت تركيا استهداف
  المدنيين», «رحبت الإمارات بالغارات الأمريكية») is not done by the speaker;
- passives: the doer after «من قبل», «على يد» is the source («اعتقل ناشطون من قبل الأمن», «من
  قبل مقاتلات روسية»); an impersonal passive («اغتيل», «تم اعتقال») has no other source; a
  noun whose genitive is its patient («اعتقال الناشط») takes its agent only from before it,
  unless an agent and an object both follow it («باستهداف قوات النظام الغوطة»); whoever
  «تعرض» a trigger («تعرضت دمشق لقصف») is its target;
- an object noun whose light verb came earlier («وقع النظام السوري … مذكرة تفاهم», «أجرى
  الوزير محادثات», «نفذت الطائرات غارات», «بشن هجوم») is read from that verb;
- target: after the trigger, the first participant introduced by the trigger's preposition
  (إلى, مع, ضد, على, ب, ل …) or, for a direct object, the first one after the source, else the
  genitive of a noun the preposition introduces («رحبت … بقيام الولايات المتحدة»), else the
  next one introduced by a preposition of direction; «بين X و Y» gives both; never the
  source under another name, nor who denies it («… لكن الجيش الروسي نفى»);
- participants joined by و (coordination) share a role: one event per source × target; a
  symmetric event (a meeting, an agreement) between coordinated subjects pairs them;
- a generic agent (الحكومة, الجيش) or an unknown actor takes the country of the nearest demonym
  or state after it in the sentence, else the article's most named country (CODEBOOK); a group
  headed by someone («وفدا ليبيا برئاسة …») takes its head's code;
- a clause without a subject or target takes the previous event's (Arabic drops them);
- a place stands for its country as a target;
- «هاجم» with a person as attacker or attacked is criticism (111), not force;
- the date is the sentence's date expression nearest the trigger (dates.py) that no trigger of
  another root and no «أن / إن» separates from it («قبل أن», «من المقرر أن» do not separate),
  else the report's date with precision `unknown`;
- modality: denied (نفى … before the trigger, or after it behind «لكن / بينما / غير أن»),
  negated (لم, لن, وقف …), background («منذ 2015», سابقا, «وقتها», present-tense control «يسيطر
  عليها», «الحصار المفروض»), conditional (what is charged, alleged or accused: «بتهمة», «مزاعم»,
  «اتهم X بـ…»), future (سـ, يعتزم, من المقرر before it; المرتقب, المزمع after it; what an
  appeal or demand calls for; a date after the report), else asserted.
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize_str
from transforms.events.dates import WEEKDAYS, find_dates
from transforms.events.triggers import find_triggers, modality_words


def with_proclitics(words: list[str], proclitics: tuple[str, ...]) -> list[str]:
    """The words as they are and with each proclitic (or run of proclitics) before them:
    matching a token against this list costs less than stripping every token first."""
    return sorted({w for word in words for w in (word, *(p + word for p in proclitics))})


# prepositions as separate words (normalised) and as proclitics
SEPARATE_PREPOSITIONS = [normalize_str(w) for w in ("إلى", "على", "مع", "ضد", "في", "عن", "من", "بين", "لدى", "نحو", "تجاه", "حول")]
# words a preposition may reach across to its participant: «إلى العاصمة السورية», «إلى جانب قوات حفتر»
PLACE_WORDS = [normalize_str(w) for w in (
    "العاصمة", "مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ولاية", "إقليم", "مخيم", "جانب",
    # «في ريف دمشق», «على مواقع حزب العمال», «في شمال سوريا»
    "ريف", "مواقع", "موقع", "مقر", "مقرات", "معاقل", "معقل", "مناطق", "أطراف", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "وسط",
)]
# singular masculine heads of actor phrases (normalised, without ال): «وطردت السفير» — the
# ambassador is the object of the feminine verb, not its subject
MASCULINE_HEADS = [normalize_str(w) for w in (
    "رئيس", "وزير", "سفير", "جيش", "نظام", "ملك", "أمير", "مبعوث", "مندوب", "متحدث", "قائد", "مدير", "زعيم",
    "مجلس", "برلمان", "حزب", "نائب", "ولي", "عاهل", "مسؤول", "ناطق", "قاضي", "مدعي", "أمين", "تحالف",
)]
DAY_WORDS = [*WEEKDAYS, "امس", "اليوم", "غدا"]
# quantities between a preposition and its participant («القبض على عدد من عناصر …», «عشرات
# المدنيين», «إحدى الدول»): the participant keeps the preposition (normalised)
QUANTITIES = [normalize_str(w) for w in (
    "عدد", "عددا", "العديد", "عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "بعض", "مجموعة", "مجموعات",
    "أحد", "إحدى", "جميع", "معظم", "أغلب", "غالبية", "كافة", "عشرة", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة",
    "ثمانية", "تسعة", "عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "اثنين", "اثنان",
)]
NUMBER = r"^[وبل]?[0-9\u0660-\u0669]+$"
RELATIVES = [normalize_str(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")]
AGENT = "agent"  # the `preposition` of a passive's doer: «من قبل X», «على يد X»
MAX_DATELINE = 8  # tokens from a sentence's first place to the dash that ends its dateline
MAX_SOURCE_BEFORE = 12  # tokens between a subject and its verb (SVO)
MAX_TARGET_AFTER = 15
# ties between candidates for a role go to the longer span, then the more specific code
ROLE_ORDER = ["event_row", "rank", "last_token_right", "code", "group"]
ROLE_DESCENDING = [False, False, True, True, False]
MAX_FALLBACK_TARGET_AFTER = 8
FALLBACK_RANK = 100  # targets reached by another preposition than the trigger's rank from here
MAX_AGENT_AFTER = 6  # tokens from a trigger to «من قبل» / «على يد» and its doer
MAX_GENITIVE_AFTER = 6  # tokens from a verbal noun to its agent: «زيارة أخرى لرئيس المخابرات»
MAX_UNDERGONE_GAP = 6  # tokens from «تعرضت» to the trigger it introduces
UNDERGO = "^[وف]?(تعرض|تعرضت|تعرضا|تعرضتا|تعرضوا|يتعرض|تتعرض|يتعرضان|تتعرضان|يتعرضون)$"
AGAINST, IN = normalize_str("ضد"), normalize_str("في")
# prepositions whose noun's genitive is that noun's owner, not a verbal noun's agent
OWNER_VIAS = [normalize_str(w) for w in ("على", "إلى", "ضد", "في", "مع", "عن", "من", "نحو", "تجاه")]
FALLBACK_PREPOSITIONS = [normalize_str(w) for w in ("على", "ضد", "إلى", "مع", "في")] + ["ب", "ل"]
MAX_DATE_DISTANCE = 90  # characters between a trigger and the date expression that dates it
# «أن / إن …» opens a reported clause: a date on one side does not date a trigger on the other
COMPLEMENTIZERS = [normalize_str(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم")]
# …and a bare one («قال المرصد إن الطائرات قصفت») gives the clause a subject of its own
CLAUSE_OPENERS = [normalize_str(w) for w in ("أن", "إن", "بأن", "لأن")]
# except after a word of time or plan, where the date and the doer belong to the verb after it:
# «قبل أن يلتقي», «بعد أن قصفت», «من المقرر أن يبدأ … الأحد»
TIME_OR_PLAN = [normalize_str(w) for w in (
    "قبل", "بعد", "المقرر", "مقرر", "المفترض", "المتوقع", "المنتظر", "يتوقع", "يفترض", "يجب", "ينبغي", "يمكن", "منذ",
)]
# nouns in construct (no ال) whose genitive names a body or a group, not an event: «منظمة حظر
# الأسلحة الكيميائية», «دول الحصار», «فريق بحث», «مركز استهداف تمويل الإرهاب»
NAME_HEADS = [normalize_str(w) for w in (
    "منظمة", "منظمات", "مركز", "مراكز", "هيئة", "هيئات", "لجنة", "لجان", "فريق", "فرق", "دول", "دولتي", "وحدة", "وحدات",
    "جهاز", "أجهزة", "مكتب", "مؤسسة", "جمعية", "اتحاد", "قوات", "قوة", "كتيبة", "كتائب", "ألوية", "لواء", "غرفة",
    "إدارة", "مديرية", "برنامج", "صندوق", "معركة",
)]
MAX_COORDINATION_GAP = 5  # tokens from one coordinated participant to the next «و…»
MAX_LIGHT_VERB_GAP = 25  # tokens from a light verb (وقع, شن …) to its object noun
MAX_BETWEEN_GAP = 6  # tokens from «بين X و Y» to the symmetric trigger it belongs to
MAX_CALL_GAP = 10  # tokens from an appeal or demand (دعا, طالب) to the act it calls for
MAX_NEXT_VERB_GAP = 5  # tokens from a noun trigger to the verb that goes on its clause («غارات روسية استهدفت»)
ACCUSATION = "112"  # CAMEO: accuse («اتهم»): the act it names is alleged
# appeal, demand, intent, threat: the act they name with ب / إلى is not done yet («هددت إسرائيل
# حزب الله بشن هجوم»)
CALL_ROOTS = ["02", "03", "10", "13"]
# words that open a contrary clause: «… لكن الجيش نفى», «بينما نفت», «غير أن الوزارة نفت»
CONTRASTS = [normalize_str(w) for w in ("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "بينما", "فيما", "غير", "إلا", "بيد")]
MAX_DENIAL_GAP = 4  # tokens from the contrast word to the denial verb
# CAMEO roots of statements about someone else's act (appeal, praise, demand, criticism,
# rejection): their object noun is not done by the speaker — unlike an announcement, an intent or
# a threat, whose act is the speaker's own («توعد أردوغان … بشن عملية عسكرية»)
STATEMENT_ROOTS = ["02", "05", "10", "11", "12"]
OWN_ACT_ROOTS = ["03", "13"]  # intent, threat: «توعد أردوغان المسلحين بشن عملية» — Erdogan's operation
# speech acts, whose own act a later denial does not deny («اتهمت تركيا … لكن الحزب نفى»)
SPEECH_ROOTS = ["01", "02", "03", "05", "10", "11", "12", "13"]
MAX_STATEMENT_OBJECT_GAP = 4  # tokens from the statement's verb to its object noun
# verbs whose event is named by their object noun (normalised, without و/ف)
LIGHT_VERBS = [
    normalize_str(w)
    for lemma in (
        "وقع وقعت وقعا وقعتا وقعوا يوقع توقع يوقعان توقعان يوقعون",
        "أبرم أبرمت أبرما أبرموا يبرم تبرم",
        "شن شنت شنا شنوا يشن تشن يشنون",
        "أجرى أجرت أجريا أجروا يجري تجري",
        "عقد عقدت عقدا عقدوا يعقد تعقد يعقدان",
        "فرض فرضت فرضا فرضوا يفرض تفرض",
        "قدم قدمت قدما قدموا يقدم تقدم",
        "أرسل أرسلت أرسلا أرسلوا يرسل ترسل",
        "نفذ نفذت نفذا نفذوا ينفذ تنفذ ينفذون",  # «نفذت الطائرات الروسية غارات»
    )
    for w in lemma.split()
]
VERBAL_ATTACK_LEMMA, CRITICISM = "هاجم", "111"
# present-tense control («المناطق التي يسيطر عليها الأكراد») describes who holds a place: a
# standing situation, coded as background
STANDING_CODE = "192"
MODALITY_ORDER = ["denied", "negated", "background", "conditional", "future", "asserted"]

EVENT_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "trigger_start": pl.Int64,
    "trigger_end": pl.Int64,
    "trigger": pl.String,
    "cameo_code": pl.String,
    "is_symmetric": pl.Boolean,
    "source_actor_id": pl.String,
    "source_code": pl.String,
    "target_actor_id": pl.String,
    "target_code": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_expression": pl.String,
    "modality": pl.String,
}


def participants(tokens: pl.DataFrame, entities: pl.DataFrame, references: pl.DataFrame) -> pl.DataFrame:
    """Every actor-like span of a sentence with its token range, code, clitic and the
    preposition that introduces it (`preposition`; AGENT for «من قبل», «على يد»), or that
    introduces the noun it depends on (`via`: «بقيام الولايات المتحدة», «على مواقع الحوثيين»)."""
    named = entities.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.coalesce("cameo_code", pl.when(pl.col("mention_kind") == "place").then(pl.col("country_code"))),
        country="country_code", role=pl.lit(None, pl.String), kind="mention_kind",
        is_place=pl.col("entity_type") == "LOC", is_person=pl.col("entity_type") == "PER",
    )
    refs = references.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.when(pl.col("reference_kind") == "agent").then(None).otherwise(
            pl.coalesce("cameo_code", "country_code")
        ),
        country="country_code", role="role_code", kind="reference_kind", is_place=pl.lit(False), is_person=pl.lit(False),
    )
    spans = pl.concat([named, refs])
    first = tokens.select("article_id", pl.col("start"), pl.col("token_index").alias("first_token"))
    last = tokens.select("article_id", pl.col("end"), pl.col("token_index").alias("last_token"))
    marked = spans.join(first, on=["article_id", "start"]).join(last, on=["article_id", "end"])
    frame = _outside_datelines(_with_prepositions(_with_gender(marked, tokens), tokens), tokens)
    frame = _fill_agent_countries(frame).filter(pl.col("code").is_not_null()).sort(
        ["article_id", "first_token", "last_token", "code"], descending=[False, False, True, False]
    )
    return _headed_by(_members_of(frame), tokens.select("article_id", "sentence_index", "token_index", "norm"))


def _members_of(parts: pl.DataFrame) -> pl.DataFrame:
    """A generic agent without a role of its own («عناصر», «قوات الأمن», «مسلحو») followed at
    once by a named actor is that actor's men: «عناصر تنظيم الدولة» → IMGREB, «عناصر حزب الله».
    The span runs over both and keeps the agent's place in the sentence (its preposition)."""
    nxt = lambda column: pl.col(column).shift(-1).over("article_id")  # noqa: E731
    owned = (
        (pl.col("kind") == "agent") & pl.col("role").is_null()
        & (nxt("sentence_index") == pl.col("sentence_index")) & (nxt("first_token") == pl.col("last_token") + 1)
        & (nxt("kind") != "agent") & ~nxt("is_place")
    ).fill_null(False)
    frame = parts.with_columns(owned=owned).with_columns(consumed=pl.col("owned").shift(1).over("article_id").fill_null(False))
    taken = ["last_token", "actor_id", "code", "country", "role", "is_person"]
    return (
        frame.with_columns([pl.when("owned").then(nxt(c)).otherwise(pl.col(c)).alias(c) for c in taken])
        .filter(~pl.col("consumed"))
        .drop("owned", "consumed")
    )


def _with_gender(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`masculine`: a singular masculine head — a man named (not «الوزيرة …»), or «الرئيس»,
    «الجيش», «السفير» … (MASCULINE_HEADS) — which cannot be the subject of a feminine verb."""
    head = tokens.select("article_id", first_token="token_index", head=pl.col("norm").str.replace("^[وفبلك]?(ال|ل)?", ""))
    return spans.join(head, on=["article_id", "first_token"], how="left").with_columns(
        masculine=(pl.col("is_person") & ~pl.col("head").str.ends_with("ه")) | pl.col("head").is_in(MASCULINE_HEADS)
    ).drop("head")


def _with_prepositions(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`preposition`: a clitic (بدمشق), the word before (مع تركيا), two words back across a
    place word («إلى العاصمة السورية دمشق», not «في مواجهة قوات حفتر»), or AGENT after «من
    قبل», «على يد/أيدي», «بيد» (the doer of a passive; also a demonym after one noun: «من قبل
    مقاتلات روسية»). `via`: the preposition of the noun the span is the genitive of: a clitic on
    the word before («رحبت … بقيام الولايات المتحدة») or a separate word two back («هجوم على
    مواقع الحوثيين»). A quantity before the span is transparent: «القبض على عدد من عناصر …»,
    «على عشرات المدنيين», «بعشرات من», «على 14 …» — the preposition is the quantity's."""
    # the four words before each token of the sentence (w1 just before … w4), by shifting the
    # token frame (ordered by article and token) and one join
    same = lambda back: (  # noqa: E731
        (pl.col("token_index").shift(back) == pl.col("token_index") - back)
        & (pl.col("sentence_index").shift(back) == pl.col("sentence_index"))
    )
    before = tokens.select(
        "article_id", first_token="token_index",
        **{f"w{back}": pl.when(same(back)).then(pl.col("norm").shift(back)) for back in (1, 2, 3, 4)},
    )
    spans = spans.join(before, on=["article_id", "first_token"], how="left")
    spans = spans.with_columns(pl.col(f"w{i}").fill_null("") for i in (1, 2, 3, 4))
    w1, w2, w3, w4 = (pl.col(f"w{i}") for i in (1, 2, 3, 4))
    # a quantity word (with a clitic preposition of its own: «بعشرات», «لعدد») or a number
    is_quantity = lambda w: (  # noqa: E731
        w.str.replace("^[وبل]", "").is_in(QUANTITIES) | w.is_in(QUANTITIES) | w.str.contains(NUMBER))
    # («عدد كبير من عناصر …»: a quantity with its adjective, then من)
    spans = spans.with_columns(skip=pl.when(is_quantity(w1)).then(1).when((w1 == "من") & is_quantity(w2)).then(2)
                               .when((w1 == "من") & is_quantity(w3)).then(3).otherwise(0))
    skip = pl.col("skip")
    spans = spans.with_columns(
        quantity=pl.when(skip == 1).then(w1).when(skip == 2).then(w2).when(skip == 3).then(w3),
        p1=pl.when(skip == 1).then(w2).when(skip == 2).then(w3).when(skip == 3).then(w4).otherwise(w1),
        p2=pl.when(skip == 1).then(w3).when(skip == 2).then(w4).when(skip == 3).then(pl.lit("")).otherwise(w2),
    )
    quantity, p1, p2 = pl.col("quantity"), pl.col("p1"), pl.col("p2")
    quantity_clitic = pl.when(~quantity.is_in(QUANTITIES)).then(quantity.str.extract("^[و]?([بل])", 1))
    agent = (
        ((w2 == "من") & (w1 == "قبل")) | ((w2 == "علي") & w1.is_in(["يد", "ايدي"])) | w1.is_in(["بيد", "بايدي"])
        # «من قبل مقاتلات روسية», «على يد مسلحين أكراد»: the demonym of the noun after «من قبل»
        | ((pl.col("kind") == "nisba") & (((w3 == "من") & (w2 == "قبل")) | ((w3 == "علي") & w2.is_in(["يد", "ايدي"]))))
    )
    word = (
        pl.when(p1.is_in(SEPARATE_PREPOSITIONS)).then(p1)
        .when(p2.is_in(SEPARATE_PREPOSITIONS) & p1.is_in(PLACE_WORDS)).then(p2)
    )
    noun_clitic = pl.when(~w1.is_in(SEPARATE_PREPOSITIONS) & (w1.str.len_chars() >= 4) & (skip == 0)).then(
        w1.str.extract("^([بل])", 1))
    return spans.with_columns(
        preposition=pl.when(agent).then(pl.lit(AGENT))
        .otherwise(pl.coalesce(pl.col("clitic").str.extract("([بلك])", 1), quantity_clitic, word)),
        via=pl.coalesce(noun_clitic, pl.when(p2.is_in(SEPARATE_PREPOSITIONS) & (skip == 0)).then(p2)),
    ).rename({"w1": "previous_word"}).drop("w2", "w3", "w4", "skip", "quantity", "p1", "p2")


def _outside_datelines(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop the places of a dateline: «دبي، الإمارات العربية المتحدة (CNN)-- رحبت البحرين …» —
    a sentence that opens with a place and has a dash within its first words."""
    keys = ["article_id", "sentence_index"]
    opening = tokens.group_by(keys).agg(sentence_first=pl.col("token_index").min())
    dash = (
        tokens.join(opening, on=keys)
        .filter(
            (pl.col("token_index") - pl.col("sentence_first")).is_between(1, MAX_DATELINE)
            & pl.col("gap_before").str.contains("[-–—]")
        )
        .group_by(keys).agg(dash=pl.col("token_index").min())
    )
    dated = (
        spans.filter("is_place").join(opening, on=keys)
        .filter(pl.col("first_token") == pl.col("sentence_first"))
        .select(keys).unique()
        .join(dash, on=keys)
    )
    inside = spans.join(dated, on=keys, how="left").filter(pl.col("last_token") < pl.col("dash"))
    return spans.join(inside.select("article_id", "first_token", "last_token"), on=["article_id", "first_token", "last_token"], how="anti")


def _headed_by(parts: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """«وفدا ليبيا برئاسة عبد الرحمن الأحيرش»: a group headed by an actor takes that actor's code."""
    heads = words.filter(pl.col("norm").str.contains("^(برياسه|بقياده|يتراسه|يقوده|تقوده|تتراسه)$"))
    leader = (
        parts.select("article_id", "sentence_index", "first_token", "last_token", "actor_id", "code")
        .join(heads.select("article_id", "sentence_index", head="token_index"), on=["article_id", "sentence_index"])
        .filter((pl.col("first_token") > pl.col("head")) & (pl.col("first_token") - pl.col("head") <= 2))
        .sort("article_id", "head", "first_token")
        .unique(["article_id", "head"], keep="first", maintain_order=True)
        .select("article_id", "sentence_index", "head", lead_actor="actor_id", lead_code="code")
    )
    led = (
        parts.with_row_index("part_index")
        .join(leader, on=["article_id", "sentence_index"])
        .filter((pl.col("head") > pl.col("last_token")) & (pl.col("head") - pl.col("last_token") <= 2))
        .select("part_index", "lead_actor", "lead_code")
    )
    return (
        parts.with_row_index("part_index")
        .join(led, on="part_index", how="left")
        # only a bare country gains from its leader's code («وفدا ليبيا» → LBYGOV)
        .with_columns(lead=pl.col("lead_code").is_not_null() & (pl.col("code").str.len_chars() == 3))
        .with_columns(
            actor_id=pl.when("lead").then(pl.col("lead_actor")).otherwise(pl.col("actor_id")),
            code=pl.when("lead").then(pl.col("lead_code")).otherwise(pl.col("code")),
        )
        .drop("lead")
        .drop("part_index", "lead_actor", "lead_code")
    )


def _fill_agent_countries(frame: pl.DataFrame) -> pl.DataFrame:
    """An actor without a country of its own — a generic agent (الحكومة, الناشطين), or a person,
    group or place the dictionary does not know — takes the country of the nearest state or
    demonym after it in the sentence (within a few words: «الحكومة الموازية في الشرق الليبي»),
    else the article's most named country (CODEBOOK: generic agents, places as targets)."""
    countries = frame.filter(pl.col("country").is_not_null() & pl.col("role").is_null())
    article_country = (
        countries.group_by("article_id", "country").len()
        .sort(["article_id", "len", "country"], descending=[False, True, False])
        .unique("article_id", keep="first", maintain_order=True)
        .select("article_id", article_country="country")
    )
    needs_country = (pl.col("kind") == "agent") | pl.col("code").is_null()
    agents = frame.filter(needs_country).with_row_index("agent_row")
    nearest = (
        agents.select("agent_row", "article_id", "sentence_index", "last_token")
        .join(countries.select("article_id", "sentence_index", pl.col("first_token").alias("c_first"), "country"),
              on=["article_id", "sentence_index"])
        .filter((pl.col("c_first") > pl.col("last_token")) & (pl.col("c_first") - pl.col("last_token") <= 6))
        .sort("agent_row", "c_first")
        .unique("agent_row", keep="first", maintain_order=True)
        .select("agent_row", near_country="country")
    )
    agents = (
        agents.join(nearest, on="agent_row", how="left")
        .join(article_country, on="article_id", how="left")
        .with_columns(country=pl.coalesce("country", "near_country", "article_country"))
        .with_columns(code=pl.col("country") + pl.col("role").fill_null(""))
        .drop("agent_row", "near_country", "article_country")
    )
    return pl.concat([frame.filter(~needs_country), agents])


def coordination_groups(parts: pl.DataFrame) -> pl.DataFrame:
    """`group`: participants chained by و within a few words («النظام السوري، والحكومة …»)."""
    prev_last = pl.col("last_token").shift(1).over("article_id", "sentence_index")
    joined = (
        pl.col("clitic").fill_null("").str.starts_with("و")
        & ((pl.col("first_token") - prev_last) <= MAX_COORDINATION_GAP)
    ).fill_null(False)
    return parts.with_columns(group=(~joined).cum_sum().over("article_id"))


def find_events(articles: pl.DataFrame, sentence_frame: pl.DataFrame, tokens: pl.DataFrame, stems: pl.DataFrame,
                sentence_participants: pl.DataFrame) -> pl.DataFrame:
    """One row per (trigger, source, target) (EVENT_SCHEMA); `sentence_participants` from participants()."""
    triggers = find_triggers(tokens, stems).with_row_index("event_row")
    if triggers.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    triggers = _outside_names(triggers, tokens)
    if triggers.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    triggers = _statement_objects(_anchor_light_verbs(triggers, tokens))
    marks = _punctuation_marks(tokens)
    triggers = _verbs_describing_nouns(_clause_openings(_undergone(triggers, tokens), tokens, marks))
    parts = (
        coordination_groups(sentence_participants).with_row_index("part_row")
        # (at the span's last token: an actor's name holds no preposition or «أن» of its own)
        .join(marks.select("article_id", last_token="token_index", part_marks="marks", part_clauses="clauses",
                           part_preps="preps"),
              on=["article_id", "last_token"], how="left")
    )
    pairs = triggers.join(parts, on=["article_id", "sentence_index"]).with_columns(
        after=pl.col("first_token_right") - pl.col("anchor_last"),
        before=pl.col("anchor_first") - pl.col("last_token_right"),
    ).with_columns(
        # a reported clause («قال المرصد إن القوات قصفت …») stands between the trigger and the participant
        across_clause=(pl.col("anchor_clauses") != pl.col("part_clauses")).fill_null(False),
        # a separate preposition between the trigger and a participant after it («غارات على مواقع للمعارضة»)
        preps_between=(pl.col("part_preps") - pl.col("anchor_preps")).fill_null(0),
    )
    # whoever denies it later in the sentence («… لكن الجيش الروسي نفى») is not its target
    denials = _denials(tokens)
    deniers = (
        parts.select("article_id", "sentence_index", "part_row", "first_token").join(denials, on=["article_id", "sentence_index"])
        .filter((pl.col("first_token") > pl.col("contrast")) & (pl.col("first_token") < pl.col("deny")))
        .select("part_row", denier=pl.lit(True)).unique()
    )
    pairs = pairs.join(deniers, on="part_row", how="left").with_columns(pl.col("denier").fill_null(False))
    source = _best(_not_the_speaker(_source_candidates(pairs.filter(~pl.col("own_act"))), triggers)).select(
        "event_row", source_group="group", source_part="part_row", chosen_source_code="code"
    )
    target = _best(_target_candidates(pairs.join(source, on="event_row", how="left"))).select(
        "event_row", target_group="group", target_rank="rank", target_preposition="preposition"
    )
    source = source.drop("chosen_source_code")
    # a symmetric event with «بين X و Y» anywhere in its sentence: X and Y («التوتر بين أنقرة ودمشق … مواجهات»)
    between = (
        pairs.filter(
            pl.col("symmetric") & (pl.col("preposition") == normalize_str("بين"))
            & ((pl.col("after").abs() <= MAX_BETWEEN_GAP) | (pl.col("before").abs() <= MAX_BETWEEN_GAP))
        )
        .sort("event_row", "first_token_right")
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", between_group="group", between_part="part_row")
    )
    source = (
        triggers.select("event_row").join(source, on="event_row", how="left").join(between, on="event_row", how="left")
        .with_columns(
            source_group=pl.coalesce("between_group", "source_group"),
            source_part=pl.coalesce("between_part", "source_part"),
        )
        .filter(pl.col("source_group").is_not_null())
        .drop("between_group", "between_part")
    )
    target = target.join(between, on="event_row", how="anti")
    members = parts.select("group", "part_row", "actor_id", "code", "is_person")
    events = (
        triggers.join(source, on="event_row", how="left")
        .join(target, on="event_row", how="left")
        .join(parts.select("article_id", *[pl.col(c).alias(f"source_{c}") for c in members.columns]),
              on=["article_id", "source_group"], how="left")
        .join(parts.select("article_id", *[pl.col(c).alias(f"target_{c}") for c in members.columns]),
              on=["article_id", "target_group"], how="left")
    )
    # a symmetric event with coordinated subjects and no target pairs the subjects
    symmetric = events.filter(pl.col("symmetric") & pl.col("target_group").is_null() & pl.col("source_part").is_not_null())
    lead = symmetric.filter(pl.col("source_part_row") == pl.col("source_part")).select(
        "event_row", lead_actor="source_actor_id", lead_code="source_code")
    paired = (
        symmetric.filter(pl.col("source_part_row") != pl.col("source_part")).join(lead, on="event_row")
        .with_columns(target_actor_id="source_actor_id", target_code="source_code",
                      source_actor_id="lead_actor", source_code="lead_code")
        .drop("lead_actor", "lead_code")
    )
    events = pl.concat([
        events.join(paired.select("event_row").unique(), on="event_row", how="anti"),
        paired,
    ], how="diagonal_relaxed")
    # an event needs an actor; one whose source and target are the same is dropped only after
    # its roles have served as context for the next clause (_inherit_missing_roles)
    # (a threatened or intended act inherits its source from the threat: _statement_objects)
    events = events.filter(pl.col("source_code").is_not_null() | pl.col("target_code").is_not_null() | pl.col("own_act"))
    events = _inherit_missing_roles(_verbal_attacks(events)).filter(
        pl.col("source_code").is_not_null() | pl.col("target_code").is_not_null())
    events = _with_dates(events, sentence_frame, tokens, articles, triggers)
    events = _with_modality(events, tokens, triggers, denials)
    return _finish(events, tokens, articles)


def _statement_objects(triggers: pl.DataFrame) -> pl.DataFrame:
    """`statement_object`: a noun that is the object of the verb of appeal, praise, demand,
    criticism or rejection just before it (STATEMENT_ROOTS) — «أدانت تركيا استهداف المدنيين»,
    «رحبت الإمارات بالاتفاق», «دعت الأمم المتحدة إلى وقف القصف»: whoever condemns, welcomes
    or calls for it is not its doer. `previous_row`: the previous trigger of the sentence."""
    # plain shifts over the ordered triggers, kept within the sentence
    same = lambda n: (pl.col("sentence_index").shift(n) == pl.col("sentence_index")) & (  # noqa: E731
        pl.col("article_id").shift(n) == pl.col("article_id"))
    previous = lambda column: pl.when(same(1)).then(pl.col(column).shift(1))  # noqa: E731
    return triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        previous_row=previous("event_row"),
        next_trigger=pl.when(same(-1)).then(pl.col("first_token").shift(-1)),
        statement_object=(
            # a bare past form right after the statement and its subject is a noun: «أدانت فرنسا قصف …»
            (pl.col("form_kind").is_in(["verbal_noun", "phrase"])
             | ((pl.col("form_kind") == "verb_past") & (pl.col("clitic").fill_null("") == "")))
            & previous("form_kind").str.starts_with("verb")
            & previous("cameo_code").str.slice(0, 2).is_in(STATEMENT_ROOTS)
            & ((pl.col("first_token") - previous("last_token")) <= MAX_STATEMENT_OBJECT_GAP)
        ).fill_null(False),
        # what a threat or an intent announces with ب is the speaker's own act: no source of its
        # own, it inherits the threat's (_inherit_missing_roles)
        own_act=(
            previous("cameo_code").str.slice(0, 2).is_in(OWN_ACT_ROOTS) & pl.col("form_kind").is_in(["verbal_noun", "phrase"])
            & ((pl.col("first_token") - previous("last_token")) <= MAX_CALL_GAP)
        ).fill_null(False),
    )


def _quad(code: pl.Expr) -> pl.Expr:
    """CAMEO quad class: 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal
    conflict (10–14), 4 material conflict (15–20)."""
    root = code.str.slice(0, 2).cast(pl.Int32)
    return pl.when(root <= 5).then(1).when(root <= 9).then(2).when(root <= 14).then(3).otherwise(4)


def _verbs_describing_nouns(triggers: pl.DataFrame) -> pl.DataFrame:
    """`describes_noun`: a verb without و/ف right after a noun trigger of the same quad class,
    with no punctuation between — «هجوما صاروخيا استهدف مواقع قوات النظام», «غارات روسية
    استهدفت بلدة حرستا»: the noun is its subject, so what follows the verb is its object, and
    its doer is the noun's (inherited, _inherit_missing_roles)."""
    same = (pl.col("sentence_index").shift(1) == pl.col("sentence_index")) & (
        pl.col("article_id").shift(1) == pl.col("article_id"))
    previous = lambda column: pl.when(same).then(pl.col(column).shift(1))  # noqa: E731
    return triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        describes_noun=(
            pl.col("form_kind").str.starts_with("verb") & (pl.col("clitic").fill_null("") == "")
            & previous("form_kind").is_in(["verbal_noun", "phrase"])
            & (_quad(pl.col("cameo_code")) == _quad(previous("cameo_code")))
            # (a noun read from its light verb, «شن، مساء الأربعاء، هجوما», is measured from the verb)
            & ((previous("anchor_marks") == pl.col("anchor_marks")) | (previous("anchor_first") != previous("first_token")))
            & (pl.col("first_token") - previous("last_token")).is_between(1, MAX_NEXT_VERB_GAP)
        ).fill_null(False)
    )


def _not_the_speaker(candidates: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """Drop the source candidates of a statement's object (_statement_objects) that are the
    statement's own source: «أدانت تركيا استهداف المدنيين» — Turkey did not target them;
    «رحبت الإمارات بالغارات الأمريكية» — the Americans struck. The accused or the one called
    on stays: «اتهمت سوريا إسرائيل بشن هجوم» (Israel attacked)."""
    spoken = triggers.filter("statement_object").select("event_row", "previous_row")
    speaker = _best(candidates.join(spoken.select(event_row="previous_row"), on="event_row")).select(
        previous_row="event_row", speaker_group="group")
    same = (
        candidates.select("event_row", "group").join(spoken, on="event_row").join(speaker, on="previous_row")
        .filter(pl.col("group") == pl.col("speaker_group"))
        .select("event_row", "group")
        .unique()
    )
    return candidates.join(same, on=["event_row", "group"], how="anti")


def _verbal_attacks(events: pl.DataFrame) -> pl.DataFrame:
    """«هاجم أردوغان نتنياهو»: a person named as the attacker or the attacked makes هاجم an
    attack in words — criticism (111), not military force (190)."""
    in_words = (pl.col("lemma") == VERBAL_ATTACK_LEMMA) & (
        pl.col("source_is_person").fill_null(False) | pl.col("target_is_person").fill_null(False)
    )
    return events.with_columns(cameo_code=pl.when(in_words).then(pl.lit(CRITICISM)).otherwise(pl.col("cameo_code")))


def _best(candidates: pl.DataFrame) -> pl.DataFrame:
    """The best-ranked candidate of each event (ties: ROLE_ORDER)."""
    return candidates.sort(ROLE_ORDER, descending=ROLE_DESCENDING).unique("event_row", keep="first", maintain_order=True)


def _source_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """Who does it, ranked (lower is better). A passive's doer («من قبل», «على يد») comes first;
    an impersonal passive («اغتيل», «تم اعتقال») has no other source; a noun whose genitive is
    its patient («اعتقال الناشط») takes its agent only from before it; the agent of one that
    is undergone («تعرضت دمشق لقصف إسرائيلي») follows it."""
    unmarked = pl.col("preposition").is_null()
    genitive = pl.col("source_role") == "genitive"
    patient_noun = (pl.col("source_role") == "none") & pl.col("form_kind").is_in(["verbal_noun", "phrase"])
    subject = (pl.col("source_role") == "subject") | patient_noun
    no_subject_before = pl.col("undergone_verb").is_not_null()
    # a demonym alone qualifies the noun before it: the trigger («غارات جوية روسية»), or, further
    # on, another noun («قصف موقع عسكري سوري»: the site is Syrian, the bombing is not)
    loose_adjective = (pl.col("kind") == "nisba") & (pl.col("after") > 2)
    # after a verb that reads as active, «من قبل» makes it passive only right after the verb's
    # first participant («اعتقل ناشطون من قبل الأمن»), not in «استنكرت الحكومة التعنت من قبل …»
    active_verb = (pl.col("source_role") == "subject") & pl.col("form_kind").str.starts_with("verb")
    first_after = pl.col("first_token_right").filter(pl.col("after") >= 1).min().over("event_row")
    first_end = pl.col("last_token_right").filter(pl.col("first_token_right") == first_after).max().over("event_row")
    right_after_first = (pl.col("first_token_right") == first_after) | (pl.col("first_token_right") - 3 == first_end)
    nominal = (pl.col("clitic").fill_null("").str.contains("ب")
               | (pl.col("clitic").fill_null("").str.contains("ل") & ~pl.col("form_kind").str.starts_with("verb")))
    # not across a reported clause; and a town or region («بلدة حرستا») is acted on, it does not
    # act (a state's name or capital may: «دمشق»)
    pairs = pairs.filter(~pl.col("across_clause") & ~(pl.col("is_place") & pl.col("kind").is_in(["place", "unknown"])))
    return pl.concat([
        _agent_of_patient_noun(pairs, patient_noun, unmarked),
        pairs.filter((pl.col("preposition") == AGENT) & pl.col("after").is_between(1, MAX_AGENT_AFTER)
                     & (~active_verb | right_after_first))
        .with_columns(rank=pl.col("after") - 100),
        # «قيام روسيا بإرسال …»: a verbal noun with ب after its agent
        pairs.filter(genitive & pl.col("clitic").str.contains("ب") & pl.col("before").is_between(1, 2) & unmarked
                     & ~no_subject_before)
        .with_columns(rank=pl.col("before") - 10),
        # a verbal noun's agent follows it, bare or with ل: «زيارة حفتر», «زيارة أخرى لرئيس المخابرات»
        # (a place with ل is where to: «زيارة للسعودية»), but not the owner of a noun a preposition
        # introduces («غارات على مواقع للمعارضة», «هجوم على مواقع الحوثيين»: the positions are theirs)
        # nor past the next trigger («غارات استهدفت مواقع المعارضة»: the sites are the object)
        # (the preposition two words back governs a noun after the trigger, not the trigger itself: «مع غارات روسية»)
        pairs.filter(genitive & pl.col("after").is_between(1, MAX_GENITIVE_AFTER)
                     & ~(pl.col("via").is_in(OWNER_VIAS) & (pl.col("after") > 2)).fill_null(False)
                     & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True)
                     & (unmarked | ((pl.col("preposition") == "ل") & ~pl.col("is_place"))) & ~loose_adjective)
        .with_columns(rank=pl.col("after")),
        # a subject right before the verb: «أن وزير الخارجية السوري وليد المعلم استقبل»; after
        # VSO when a comma, a relative pronoun or a conjunction opens the verb's clause («… إدلب،
        # إذ دعت أنقرة», «سجن الخواجة الذي ترفض سلطات البحرين», «… والولايات المتحدة، وطردت»)
        pairs.filter(subject & pl.col("before").is_between(1, 2) & unmarked & ~no_subject_before)
        .with_columns(rank=pl.col("before") + pl.when(
            pl.col("opens_clause") | (pl.col("anchor_marks") != pl.col("part_marks"))).then(250).otherwise(100)),
        # VSO: «وقع النظام السوري»; a feminine verb's subject is not a man («وطردت السفير»); a
        # noun with ب/ل («طالبت … بإطلاق سراح التميمي») or a statement's object («أدانت فرنسا قصف
        # المستشفيات») has no subject after it, only its object
        # (or starts on the trigger's last word: «قصفت المقاتلات الروسية», a trigger with its subject)
        pairs.filter((pl.col("source_role") == "subject") & pl.col("after").is_between(1, 3).or_(
                         (pl.col("after") == 0) & (pl.col("last_token") > pl.col("first_token"))) & unmarked
                     & ~no_subject_before & ~(pl.col("feminine") & pl.col("masculine")) & ~nominal & ~pl.col("statement_object")
                     & ~pl.col("describes_noun") & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True))
        .with_columns(rank=pl.col("after") + 200),
        # SVO further back, but not past the previous trigger
        pairs.filter(
            subject & pl.col("before").is_between(3, MAX_SOURCE_BEFORE) & unmarked & ~no_subject_before
            & (pl.col("first_token_right") > pl.col("previous_end"))
        ).with_columns(rank=pl.col("before") + 300),
    ])


def _agent_of_patient_noun(pairs: pl.DataFrame, patient_noun: pl.Expr, unmarked: pl.Expr) -> pl.DataFrame:
    """«باستهداف قوات النظام الغوطة», «اعتقال الشرطة الناشطين», «استهداف النظام للمدنيين»: a
    noun whose genitive is usually its patient, followed by two participants (the second bare
    or with ل), takes the first — an actor that can
    act (a state, its government, forces or police, an armed group, an international body) —
    as its agent, and the second as its object. Not a title before a name («اعتقال الصحفي
    أحمد …»), nor coordinated participants («اعتقال الناشط والصحفي»)."""
    can_act = pl.col("code").str.contains("^(IGO|[A-Z]{3}$)|(GOV|MIL|COP|SPY|REB|UAF)$")
    # the agent bare, its object bare or with ل («اعتقال السلطات البحرينية للناشط»)
    bare = (
        pairs.filter(patient_noun & (unmarked | (pl.col("preposition") == "ل")) & pl.col("after").is_between(1, MAX_GENITIVE_AFTER)
                     & (pl.col("kind") != "nisba") & (pl.col("preps_between") == 0))
        .sort("event_row", "first_token_right")
        .with_columns(
            next_first=pl.col("first_token_right").shift(-1).over("event_row"),
            next_group=pl.col("group").shift(-1).over("event_row"),
            next_is_person=pl.col("is_person").shift(-1).over("event_row"),
        )
        .unique("event_row", keep="first", maintain_order=True)
    )
    return bare.filter(
        unmarked & pl.col("next_first").is_not_null() & (pl.col("next_group") != pl.col("group")) & (pl.col("after") <= 2)
        & ~pl.col("is_place") & can_act
        & ~((pl.col("kind") == "agent") & pl.col("next_is_person") & (pl.col("next_first") == pl.col("last_token_right") + 1))
    ).drop("next_first", "next_group", "next_is_person").with_columns(rank=pl.col("after") - 50)


def _target_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """To whom, ranked. `pairs` carries the chosen `source_group` and `chosen_source_code`."""
    after = pl.col("after")
    marker = pl.col("target_marker")
    prepositional = marker.is_not_null() & ~marker.is_in(["object", "none"])
    undergone = pl.col("undergone_verb")
    pairs = pairs.filter(~pl.col("across_clause") & ~pl.col("denier"))
    candidates = pl.concat([
        # «تعرضت دمشق لقصف»: whoever undergoes it, between the verb and the trigger or before the verb
        pairs.filter(undergone.is_not_null() & (pl.col("last_token_right") < pl.col("anchor_first"))
                     & ((pl.col("first_token_right") > undergone) | (undergone - pl.col("last_token_right")).is_between(1, 2)))
        .with_columns(rank=(pl.col("first_token_right") - undergone).abs() - 100),
        # the trigger's own preposition: «زيارة إلى دمشق», «هجوم على مواقع»
        pairs.filter(after.is_between(1, MAX_TARGET_AFTER) & prepositional & (pl.col("preposition") == marker))
        .with_columns(rank=after),
        # a direct object: «اعتقلت السلطات الناشط»
        pairs.filter((marker == "object") & after.is_between(1, MAX_TARGET_AFTER) & pl.col("preposition").is_null())
        .with_columns(rank=after),
        # the genitive of a noun the trigger's preposition introduces: «رحبت … بقيام الولايات المتحدة»
        pairs.filter(after.is_between(2, MAX_TARGET_AFTER) & prepositional & (pl.col("via") == marker)
                     & pl.col("preposition").is_null())
        .with_columns(rank=after + 50),
        # failing the trigger's own preposition, the next actor after it introduced by another
        # preposition of direction («غارة … على مواقع للحوثيين») — never من/عن, which name
        # sources; ضد («against») reaches as far as the trigger's own preposition
        pairs.filter(
            pl.col("preposition").is_in(FALLBACK_PREPOSITIONS)
            & after.is_between(1, pl.when(pl.col("preposition") == AGAINST).then(MAX_TARGET_AFTER).otherwise(MAX_FALLBACK_TARGET_AFTER))
        )
        .with_columns(rank=after + FALLBACK_RANK),
    ])
    # nor the source again under another name («العاهل السعودي الملك سلمان»)
    return candidates.filter(
        (pl.col("group") != pl.col("source_group").fill_null(-1)) & pl.col("code").ne_missing(pl.col("chosen_source_code"))
    )


def _punctuation_marks(tokens: pl.DataFrame) -> pl.DataFrame:
    """Running counts over the article, equal at two tokens when none stands between them:
    `marks`, tokens that follow punctuation (commas around a day, «أعلن الجيش، الجمعة، قصف», do
    not count); `preps`, separate prepositions; `clauses`, a bare «أن / إن / بأن / لأن» that
    opens a reported clause with its own subject («قال المرصد إن الطائرات قصفت») — not one with
    a pronoun («أعلن الجيش أنه قصف»: the same doer), nor «قبل أن», «من المقرر أن» (REPORT_OPENERS)."""
    day = pl.col("norm").str.replace("^[وفبل]", "").is_in(DAY_WORDS)
    near_day = day | day.shift(1).over("article_id").fill_null(False)
    marked = (pl.col("gap_before") != "") & ~near_day
    # (a plain shift: at an article's first token the previous word is another article's last)
    previous = pl.col("norm").shift(1).fill_null("")
    opens = pl.col("norm").is_in(CLAUSE_OPENERS) & ~previous.is_in(with_proclitics(TIME_OR_PLAN, ("و", "ف")))
    # counts run over the whole frame (ordered by article and token): only differences and
    # equalities within an article are used
    return tokens.select(
        "article_id", "token_index",
        marks=marked.cast(pl.Int32).cum_sum(),
        preps=pl.col("norm").is_in(SEPARATE_PREPOSITIONS).cast(pl.Int32).cum_sum(),
        clauses=opens.cast(pl.Int32).cum_sum(),
    )


def _outside_names(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop a trigger that is the genitive of a body's or a list's noun in construct (no ال):
    a name or a description, not an event — «منظمة حظر الأسلحة الكيميائية», «دول الحصار»,
    «فريق بحث», «مركز استهداف تمويل الإرهاب», «لجنة التحقيق»."""
    heads = tokens.filter(pl.col("norm").is_in(with_proclitics(NAME_HEADS, ("و", "ف", "ب", "ل"))))
    return triggers.join(heads.select("article_id", first_token=pl.col("token_index") + 1),
                         on=["article_id", "first_token"], how="anti")


def _clause_openings(triggers: pl.DataFrame, tokens: pl.DataFrame, marks: pl.DataFrame) -> pl.DataFrame:
    """`anchor_marks`, `anchor_clauses`, `anchor_preps` (at the anchor's first token; see
    _punctuation_marks) and `opens_clause`: the trigger opens a clause of its own — a verb with
    و/ف («وطردت»; not a coordinated noun «والغاز»), or after a relative pronoun."""
    previous = tokens.select("article_id", (pl.col("token_index") + 1).alias("anchor_first"), previous_word="norm")
    return (
        triggers.join(marks.select("article_id", anchor_first="token_index", anchor_marks="marks", anchor_clauses="clauses",
                                   anchor_preps="preps"),
                      on=["article_id", "anchor_first"], how="left")
        .join(previous, on=["article_id", "anchor_first"], how="left")
        .with_columns(
            opens_clause=(
                (pl.col("clitic").str.contains("^[وف]") & pl.col("form_kind").str.starts_with("verb")
                 & (pl.col("anchor_first") == pl.col("first_token")))
                | pl.col("previous_word").is_in(RELATIVES)
            ).fill_null(False)
        )
        .drop("previous_word")
    )


def _undergone(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`undergone_verb`: the token of «تعرض / يتعرض …» a few words before a trigger — «تعرضت
    مواقع للنظام لقصف إسرائيلي»: who undergoes it is the target, not the source."""
    keys = ["article_id", "sentence_index"]
    verbs = tokens.filter(pl.col("norm").str.contains(UNDERGO)).select(*keys, undergone_verb="token_index")
    found = (
        triggers.select("event_row", *keys, "first_token").join(verbs, on=keys)
        .filter((pl.col("first_token") - pl.col("undergone_verb")).is_between(1, MAX_UNDERGONE_GAP))
        .sort("event_row", "undergone_verb", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "undergone_verb")
    )
    return triggers.join(found, on="event_row", how="left")


def _anchor_light_verbs(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Roles are sought around `anchor_first`/`anchor_last`: the trigger itself, or — for an
    object noun («مذكرة تفاهم», «هجوما») whose light verb came earlier with the subject between
    («وقع النظام السوري … الأحد مذكرة تفاهم») — that verb. `previous_end` is the previous
    trigger's last token in the sentence, which bounds a subject found before this one."""
    keys = ["article_id", "sentence_index"]
    triggers = triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        previous_end=pl.col("last_token").shift(1).over(keys).fill_null(-1)
    )
    first_words = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("norm").alias("first_word"))
    verbs = tokens.filter(  # «وقع» itself starts with و: try the word with and without it; «بشن هجوم», «لشن»
        pl.col("norm").is_in(with_proclitics(LIGHT_VERBS, ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")))
    ).select(
        *keys, verb="token_index"
    )
    anchors = (
        triggers.join(first_words, on=["article_id", "first_token"])
        # an object noun («مذكرة تفاهم», «مساعدات»), not a phrase that starts with its own verb («تشن هجوما»)
        .filter(
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & pl.col("source_role").is_in(["subject", "genitive"])
            & pl.col("first_word").str.contains("^([وفبل]?ال|.+(ه|ات|ا)$)")
        )
        .join(verbs, on=keys)
        .filter(
            (pl.col("verb") < pl.col("first_token"))
            & (pl.col("first_token") - pl.col("verb") <= MAX_LIGHT_VERB_GAP)
            & (pl.col("verb") > pl.col("previous_end"))
        )
        .sort("event_row", "verb", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "verb")
    )
    return (
        triggers.join(anchors, on="event_row", how="left")
        .with_columns(
            anchor_first=pl.coalesce("verb", "first_token"),
            anchor_last=pl.coalesce("verb", "last_token"),
            # the light verb's subject is the noun's agent: «أجرى الوزير محادثات», «بومبيو الذي أجرى زيارة»
            source_role=pl.when(pl.col("verb").is_not_null()).then(pl.lit("subject")).otherwise(pl.col("source_role")),
        )
        .drop("verb")
    )


def _inherit_missing_roles(events: pl.DataFrame) -> pl.DataFrame:
    """Arabic drops repeated subjects and objects: «وتدعم تركيا … وقد أرسلت جنودا» (Turkey sent),
    «زيارة حفتر إلى دمشق، تلتها زيارة أخرى لرئيس المخابرات» (to Damascus too). A trigger without
    a source takes the previous event's source in the sentence; without a target, the target
    of the previous event of the same quad class (helping, sending aid: «للمساهمة إلى جانب
    قوات حفتر … قيام روسيا بإرسال مقاتلين»)."""
    ordered = events.sort("article_id", "sentence_index", "first_token")
    keys = ["article_id", "sentence_index"]
    quad = _quad(pl.col("cameo_code"))
    ordered = _target_of_next_verb(ordered, quad)
    return ordered.with_columns(
        # (not a statement's object: «أدانت تركيا استهداف المدنيين», _statement_objects)
        source_actor_id=pl.coalesce("source_actor_id", pl.when(~pl.col("statement_object")).then(
            pl.col("source_actor_id").forward_fill().over(keys))),
        source_code=pl.coalesce("source_code", pl.when(~pl.col("statement_object")).then(
            pl.col("source_code").forward_fill().over(keys))),
    ).with_columns(
        target_actor_id=pl.coalesce("target_actor_id", pl.col("target_actor_id").forward_fill().over([*keys, quad])),
        target_code=pl.coalesce("target_code", pl.col("target_code").forward_fill().over([*keys, quad])),
    ).filter(
        (pl.col("source_actor_id") != pl.col("target_actor_id")).fill_null(True)
        & (pl.col("source_code") != pl.col("target_code")).fill_null(True)
    )


def _target_of_next_verb(events: pl.DataFrame, quad: pl.Expr) -> pl.DataFrame:
    """A noun without a target whose clause goes on (no punctuation between) with a verb of the
    same quad class that has no subject of its own, or the noun's — «غارات جوية روسية استهدفت
    مدينة حرستا», «هجوم انتحاري طال مسجدا» — takes that verb's target: what the raids hit."""
    # plain shifts over the ordered events, kept within the sentence
    same = (pl.col("sentence_index").shift(-1) == pl.col("sentence_index")) & (
        pl.col("article_id").shift(-1) == pl.col("article_id"))
    nxt = lambda column: pl.when(same).then(pl.col(column).shift(-1))  # noqa: E731
    per_event = (
        events.with_columns(quad=quad)
        .unique("event_row", keep="first", maintain_order=True)
        .with_columns(
            next_first=nxt("first_token"), next_kind=nxt("form_kind"), next_quad=nxt("quad"), next_marks=nxt("anchor_marks"),
            next_source=nxt("source_code"), next_target_actor=nxt("target_actor_id"), next_target_code=nxt("target_code"),
        )
        .filter(
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & pl.col("next_kind").str.starts_with("verb")
            & (pl.col("next_quad") == pl.col("quad"))
            & ((pl.col("next_marks") == pl.col("anchor_marks")) | (pl.col("anchor_first") != pl.col("first_token")))
            & (pl.col("next_source").is_null() | (pl.col("next_source") == pl.col("source_code")))
            & (pl.col("next_first") - pl.col("last_token")).is_between(1, MAX_NEXT_VERB_GAP)
        )
        .select("event_row", "next_target_actor", "next_target_code")
    )
    # the verb's object replaces no target, or only a place reached by a later «في» («غارة …
    # استهدفت عناصر حركة الشباب في جنوب الصومال»: the fighters, not Somalia)
    replace = pl.col("next_target_code").is_not_null() & (
        pl.col("target_code").is_null()
        | ((pl.col("target_rank").fill_null(0) >= FALLBACK_RANK) & (pl.col("target_preposition") == IN)).fill_null(False))
    return (
        events.join(per_event, on="event_row", how="left", maintain_order="left")
        .with_columns(
            target_actor_id=pl.when(replace).then(pl.col("next_target_actor")).otherwise(pl.col("target_actor_id")),
            target_code=pl.when(replace).then(pl.col("next_target_code")).otherwise(pl.col("target_code")),
        )
        .drop("next_target_actor", "next_target_code")
    )


def _with_dates(events: pl.DataFrame, sentence_frame: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame,
                triggers: pl.DataFrame) -> pl.DataFrame:
    """The nearest date expression within MAX_DATE_DISTANCE characters, unless a trigger of
    another root or a «أن / إن» stands between: «اتهمت سوريا إسرائيل بشن هجوم الاثنين» dates the attack,
    «أفاد مصدر الأربعاء أن السفير اجتمع …» dates the report, not the meeting."""
    keys = ["article_id", "sentence_index"]
    dates = find_dates(sentence_frame, articles).with_row_index("date_row")
    sentence_start = sentence_frame.select(*keys, s_start="start")
    position = tokens.join(sentence_start, on=keys).select(
        "article_id", "token_index", "norm", rel=pl.col("start") - pl.col("s_start")
    )
    located = events.select("event_row", *keys, "first_token", "cameo_code").unique().join(
        position.select("article_id", first_token="token_index", rel="rel"), on=["article_id", "first_token"]
    )
    near = (
        located.join(dates, on=keys)
        .with_columns(distance=(pl.col("position") - pl.col("rel")).abs())
        .filter(pl.col("distance") <= MAX_DATE_DISTANCE)
    )
    root = pl.col("cameo_code").str.slice(0, 2)
    blockers = pl.concat([
        triggers.select(*keys, token_index="first_token", blocker_root=root),
        tokens.filter(pl.col("norm").is_in(COMPLEMENTIZERS))
        .join(tokens.filter(pl.col("norm").is_in(with_proclitics(TIME_OR_PLAN, ("و", "ف"))))
              .select("article_id", token_index=pl.col("token_index") + 1), on=["article_id", "token_index"], how="anti")
        .select(*keys, "token_index", blocker_root=pl.lit("")),
    ]).join(position.select("article_id", "token_index", blocker="rel"), on=["article_id", "token_index"])
    blocked = (
        near.select("event_row", "date_row", *keys, "rel", "position", root=root)
        .join(blockers.select(*keys, "blocker", "blocker_root"), on=keys)
        # a trigger of the same root is another word for the same event («حق النقض "الفيتو"»)
        .filter(
            (pl.col("blocker") != pl.col("rel")) & (pl.col("blocker_root") != pl.col("root"))
            & (pl.col("blocker") > pl.min_horizontal("rel", "position"))
            & (pl.col("blocker") < pl.max_horizontal("rel", "position"))
        )
        .select("event_row", "date_row")
    )
    nearest = (
        near.join(blocked, on=["event_row", "date_row"], how="anti")
        .sort("event_row", "distance")
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "event_date", "date_precision", date_expression="expression", since="since")
    )
    report = articles.select("article_id", report_date=pl.col("published_at").dt.date())
    return (
        events.join(nearest, on="event_row", how="left")
        .join(report, on="article_id", how="left")
        .with_columns(
            date_precision=pl.when(pl.col("event_date").is_null()).then(pl.lit("unknown")).otherwise(pl.col("date_precision")),
            event_date=pl.coalesce("event_date", "report_date"),
        )
    )


def _with_modality(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame, denials: pl.DataFrame) -> pl.DataFrame:
    words = modality_words()
    # context words are compared with their و/ف stripped; a word whose و is a root letter
    # («وقف», «وشك») is also listed without it, so that «وقف القتال» and «ووقف» both match
    words = pl.concat([words, words.filter(pl.col("norm").str.contains("^[وف]..")).with_columns(pl.col("norm").str.slice(1))])
    keys = ["article_id", "sentence_index"]
    distance = (
        pl.when(pl.col("token_index") < pl.col("first_token")).then(pl.col("first_token") - pl.col("token_index"))
        .otherwise(pl.col("token_index") - pl.col("last_token"))
    )
    context = (
        events.select("event_row", *keys, "first_token", "last_token").unique()
        .join(tokens.select(*keys, "token_index", "norm"), on=keys)
        .filter((pl.col("token_index") < pl.col("first_token")) | (pl.col("token_index") > pl.col("last_token")))
        .with_columns(distance=distance, is_after=pl.col("token_index") > pl.col("last_token"),
                      bare=pl.col("norm").str.replace("^[وف]", ""))
        .join(words, left_on="bare", right_on="norm")
        .filter(
            (pl.col("is_after") == (pl.col("scope") == "after"))
            & ((pl.col("scope") == "sentence") | (pl.col("distance") <= 3))
        )
        # «قد» before a present-tense verb is «may»; before a past one («وقد انعكس») it asserts
        .join(tokens.select("article_id", (pl.col("token_index") - 1).alias("token_index"), pl.col("norm").alias("next_word")),
              on=["article_id", "token_index"], how="left")
        .filter((pl.col("bare") != "قد") | pl.col("next_word").str.contains("^[يتن]"))
        # «لا يزال», «ما زال» mean «still»: nothing is negated
        .filter(~(pl.col("bare").is_in(["لا", "ما"]) & pl.col("next_word").is_in(["يزال", "تزال", "زال", "زالت", "يزالون"])))
        .group_by("event_row")
        .agg(pl.col("modality"))
    )
    found = (
        events.join(context, on="event_row", how="left")
        .join(_called_for(events, tokens, triggers), on="event_row", how="left")
        .join(_denied_after(events, denials), on="event_row", how="left")
        .with_columns(pl.col("modality").fill_null([]), called_for=pl.col("called_for").fill_null(""),
                      denied_after=pl.col("denied_after").fill_null(False))
    )
    has = lambda m: pl.col("modality").list.contains(m)  # noqa: E731
    return found.with_columns(
        modality=pl.when(has("denied") | pl.col("denied_after")).then(pl.lit("denied"))
        .when(has("negated")).then(pl.lit("negated"))
        # a date after the report's is the future, whatever else the sentence suggests
        .when(pl.col("event_date") > pl.col("report_date")).then(pl.lit("future"))
        .when(pl.col("since").fill_null(False) | has("background")
              | ((pl.col("cameo_code") == STANDING_CODE) & (pl.col("form_kind") == "verb_present"))).then(pl.lit("background"))
        # an act someone is accused or charged of is alleged, not established: conditional
        .when(has("conditional") | (pl.col("called_for") == "alleged")).then(pl.lit("conditional"))
        .when(pl.col("clitic").str.contains("س") | has("future") | has("intent") | (pl.col("called_for") == "future"))
        .then(pl.lit("future"))
        .otherwise(pl.lit("asserted"))
    )


def _called_for(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """`called_for`: "future" when the event is what an appeal or demand earlier in the sentence
    asks for — «دعا … الناخبين إلى مقاطعة الانتخابات», «طالبت … بإطلاق سراح»; "alleged" when it
    is what someone is accused of — «اتهمت سوريا إسرائيل بشن هجوم»: introduced by إلى or بـ
    (on the trigger or on its light verb: «بشن») within a few words of a trigger of root 02
    (appeal), 03 (intent), 10 (demand) or 13 (threat), or of an accusation (112)."""
    keys = ["article_id", "sentence_index"]
    code = pl.col("cameo_code")
    calls = triggers.filter(code.str.slice(0, 2).is_in(CALL_ROOTS) | code.str.starts_with(ACCUSATION)).select(
        *keys, call_end="last_token",
        called_for=pl.when(code.str.starts_with(ACCUSATION)).then(pl.lit("alleged")).otherwise(pl.lit("future")),
    )
    previous = tokens.select("article_id", (pl.col("token_index") + 1).alias("first_token"), pl.col("norm").alias("previous_word"))
    return (
        events.select("event_row", *keys, "first_token", "clitic").unique("event_row")
        .join(previous, on=["article_id", "first_token"], how="left")
        .filter(pl.col("clitic").str.contains("ب") | (pl.col("previous_word") == normalize_str("إلى"))
                | pl.col("previous_word").str.replace("^[وف]?ب", "").is_in(LIGHT_VERBS))
        .join(calls, on=keys)
        .filter((pl.col("first_token") - pl.col("call_end")).is_between(1, MAX_CALL_GAP))
        .sort("event_row", "call_end", descending=[False, True])  # the nearest call or accusation
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "called_for")
    )


def _denials(tokens: pl.DataFrame) -> pl.DataFrame:
    """A denial verb a few words after a contrast word: «لكن الجيش الروسي نفى» (contrast, deny)."""
    keys = ["article_id", "sentence_index"]
    denials = modality_words().filter(pl.col("modality") == "denied")["norm"].to_list()
    deny = tokens.filter(pl.col("norm").is_in(with_proclitics(denials, ("و", "ف")))).select(*keys, deny="token_index")
    contrast = tokens.filter(pl.col("norm").is_in(with_proclitics(CONTRASTS, ("و", "ف")))).select(*keys, contrast="token_index")
    return deny.join(contrast, on=keys).filter((pl.col("deny") - pl.col("contrast")).is_between(1, MAX_DENIAL_GAP))


def _denied_after(events: pl.DataFrame, opened: pl.DataFrame) -> pl.DataFrame:
    """`denied_after`: a denial later in the sentence, opened by «لكن», «بينما», «غير أن» …: «قصفت
    طائرات المدينة، لكن الجيش الأميركي نفى ذلك». Not for statements and accusations, whose act
    is what is denied (SPEECH_ROOTS: «اتهمت تركيا … لكن الحزب نفى» — the charge was made)."""
    keys = ["article_id", "sentence_index"]
    return (
        events.filter(~pl.col("cameo_code").str.slice(0, 2).is_in(SPEECH_ROOTS))
        .select("event_row", *keys, "last_token").unique("event_row")
        .join(opened, on=keys)
        .filter(pl.col("contrast") > pl.col("last_token"))
        .select("event_row", denied_after=pl.lit(True))
        .unique()
    )


def _finish(events: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    first = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("start").alias("trigger_start"))
    last = tokens.select("article_id", pl.col("token_index").alias("last_token"), pl.col("end").alias("trigger_end"))
    # the trigger as written, cut from the article: «شن #هجمات» keeps its hashtag
    as_written = pl.col("text").str.slice(pl.col("trigger_start"), pl.col("trigger_end") - pl.col("trigger_start"))
    return (
        events.join(first, on=["article_id", "first_token"]).join(last, on=["article_id", "last_token"])
        .join(articles.select("article_id", "text"), on="article_id")
        .with_columns(trigger=as_written)
        .rename({"symmetric": "is_symmetric"})
        .select(list(EVENT_SCHEMA))
        .cast(EVENT_SCHEMA)
        .unique(maintain_order=True)
        .sort("article_id", "trigger_start", "source_code", "target_code", nulls_last=True)
    )
