"""The participants of a sentence: every span that can take a role in its events.

Named actors, state institutions, demonyms, places and generic agents (actors/mentions.py),
each with its token range, code and the preposition that introduces it:
- the places of a dateline («دبي، الإمارات العربية المتحدة (CNN)--») take no role; a generic
  agent without a role followed by a named actor is that actor's men («عناصر تنظيم الدولة»);
  a quantity between a preposition and its participant is transparent («القبض على عدد من …»);
- a generic agent (الحكومة, الجيش) or an unknown actor takes the country of the nearest demonym
  or state after it in the sentence, else the article's most named country (CODEBOOK); a group
  headed by someone («وفدا ليبيا برئاسة …») takes its head's code;
- a place stands for its country, unless it names the institution before it («محكمة جنايات
  القاهرة»: an Egyptian court); the owner after «تابعة لـ» stands where the owned noun stands
  («على مواقع تابعة لـX» → «على X»);
- participants joined by و (coordination) form a group, which shares a role (coding.py).
"""

from __future__ import annotations

from functools import cache

import polars as pl

from transforms.actors.lexicon import read_table
from transforms.arabic import DEFINITE_WORD, normalize, normalize_str
from transforms.segmentation import at_token

# prepositions as separate words (normalised) and as proclitics
# (with the compound ones that introduce whom an act concerns: «حكم بالإعدام بحق 75 متهما»,
# «إجراءات صارمة تجاه المحتجين», «حيال», «تنازل لصالح المعارضة», and where a missile goes:
# «باتجاه أراضي المملكة», «صوب»)
DIRECTIONS = [normalize_str(w) for w in ("باتجاه", "صوب")]
SEPARATE_PREPOSITIONS = [normalize_str(w) for w in (
    "إلى", "على", "مع", "ضد", "في", "عن", "من", "بين", "لدى", "نحو", "تجاه", "حول", "بحق", "حيال", "لصالح")] + DIRECTIONS
# a clitic preposition written apart with a tatweel, «اتصالا هاتفيا بـ أبي أحمد» (normalised: «ب»)
DETACHED_CLITICS = ["ب", "ل"]
# words a preposition may reach across to its participant: «إلى العاصمة السورية», «إلى جانب قوات حفتر»
PLACE_WORDS = [normalize_str(w) for w in (
    "العاصمة", "مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ولاية", "إقليم", "مخيم", "جانب",
    # «في ريف دمشق», «على مواقع حزب العمال», «في شمال سوريا»
    "ريف", "مواقع", "موقع", "مقر", "مقرات", "معاقل", "معقل", "مناطق", "أطراف", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "وسط",
    # «باتجاه أراضي المملكة» (not «الأراضي»: «من الأراضي اليمنية» says where from, and the demonym
    # after it may be a subject)
    "أراضي",
    # «على معظم أنحاء مديرية باقم» (not «ناحية», mostly «side», nor «قضاء», «spending»)
    "مديرية", "أنحاء", "أرجاء",
)]
# what a place word may be «of» before its owner: «على مواقع تمركز الحوثيين», «في مناطق سيطرة
# النظام» — the preposition reaches across both words
HOLDING_WORDS = [normalize_str(w) for w in ("تمركز", "انتشار", "سيطرة", "تجمع", "تواجد", "وجود", "نفوذ")]
# words before a place or body named after a person: «مطار الملك خالد», «جامعة الملك سعود» (normalised)
NAMESAKE_PLACES = [normalize_str(w) for w in (
    "مطار", "جامعة", "مستشفى", "مدينة", "قاعدة", "شارع", "جسر", "ميناء", "مسجد", "مركز", "مؤسسة", "جائزة", "قصر",
    "ملعب", "حي", "كلية", "مدرسة", "مجمع", "منفذ", "معبر", "برج", "مكتبة", "ضريح", "جامع", "صندوق", "كأس", "وسام",
    "ميدان", "ساحة", "طريق", "معهد")]
# words after a title that make it the title of another office (normalised): «الرئيس التنفيذي»,
# «النائب العام»
OTHER_OFFICES = [normalize_str(w) for w in ("التنفيذي", "العام", "التنفيذية")]
# states and regions whose Arabic name is masculine («أعلن العراق», «دعا لبنان», «الغرب», «قطاع
# غزة», «الخليج»); the others are feminine («أعلنت البرازيل»)
MASCULINE_PLACES = ["IRQ", "JOR", "LBN", "YEM", "SDN", "SSD", "MAR", "SOM", "VAT", "WST", "GZS", "MEA", "PGS", "MDT", "BLK", "CAU"]
# singular masculine heads of actor phrases (normalised, without ال): «وطردت السفير» — the
# ambassador is the object of the feminine verb, not its subject
MASCULINE_HEADS = [normalize_str(w) for w in (
    "رئيس", "وزير", "سفير", "جيش", "نظام", "ملك", "أمير", "مبعوث", "مندوب", "متحدث", "قائد", "مدير", "زعيم",
    "مجلس", "برلمان", "حزب", "نائب", "ولي", "عاهل", "مسؤول", "ناطق", "قاضي", "مدعي", "أمين", "تحالف",
)]
# quantities between a preposition and its participant («القبض على عدد من عناصر …», «عشرات
# المدنيين», «إحدى الدول»): the participant keeps the preposition (normalised)
QUANTITIES = [normalize_str(w) for w in (
    "عدد", "عددا", "العديد", "عشرات", "العشرات", "مئات", "المئات", "آلاف", "الآلاف", "بعض", "مجموعة", "مجموعات",
    "أحد", "إحدى", "جميع", "معظم", "أغلب", "غالبية", "كافة", "عشرة", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة",
    "ثمانية", "تسعة", "عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "اثنين", "اثنان",
    # «كل من بريطانيا وفرنسا», «كلا من» (each of): the من is the quantity's, not a preposition
    "كل", "كلا",
)]
NUMBER = r"^[وبل]?[0-9\u0660-\u0669]+$"
# common nouns of places (normalised, as after a proclitic): targets of attacks, sieges and control
# when no actor or named place follows them (_generic_places)
GENERIC_PLACES = [normalize_str(w) for w in (
    "العاصمة", "المدينة", "مدينة", "المدن", "مدن", "البلدة", "بلدة", "البلدات", "بلدات", "القرية", "قرية", "القرى", "قرى",
    "المحافظة", "محافظة", "المنطقة", "منطقة", "المناطق", "مناطق", "الإقليم", "الحي", "الأحياء", "أحياء",
    "الميناء", "ميناء", "الموانئ", "موانئ", "المطار", "مطار", "المسجد", "مسجد", "المساجد", "مساجد", "المخيم", "مخيم",
    "المنزل", "منزل", "المنازل", "منازل", "المستشفى", "مستشفى", "مستشفيات", "المدرسة", "مدرسة", "السوق", "سوق",
    "المواقع", "مواقع", "موقعا", "القاعدة", "قاعدة", "المعسكر", "معسكر", "المقر", "مقر", "مقرات", "المباني", "مبنى",
    # what strikes hit: «غارة … على منشآت كيماوية في سوريا», «استهدف أهدافا سورية»
    "المنشآت", "منشآت", "المنشأة", "منشأة", "الأهداف", "أهداف", "أهدافا",
    # districts and heights of the Yemeni fronts: «سيطر الجيش على معظم أنحاء مديرية باقم», «سيطرت
    # على جبل النبي شعيب» (a name the gazetteer lacks follows)
    "المديرية", "مديرية", "المديريات", "مديريات", "الجبل", "جبل", "جبال", "المرتفعات", "مرتفعات",
)]
# the accused, prisoners and detainees (agents.tsv, normalised without ال): what is done to them is
# the news («أحكاما بالسجن بحق 11 متهما», «الإفراج عن المعتقلين»), so they are never a source. As
# the doers of the acts around them they were mostly wrong («قضت المحكمة بإعدام 14 متهما», «الذين
# كانوا رهن الاعتقال»); the acts the accused are charged with lose a source that was only their
# country («المتهمين قاموا باستهداف 5 عربات»: EGY), and a prisoners' hunger strike is left uncoded.
# So are hostages and patients (civilians who undergo: «تم إطلاق سراح الرهائن», «عالجوا مرضى») and
# voters («دعوة الناخبين»: called, not calling).
CAPTIVES = [normalize_str(w) for w in (
    "متهم", "متهما", "متهمين", "متهمون", "أسير", "أسيرا", "أسرى", "سجين", "سجينا", "سجناء", "معتقلا", "معتقلين", "معتقلون",
    "رهائن", "رهينة", "رهينتين", "مرضى", "ناخبين", "ناخبون")]
# the indefinite accused, which is also the participle "accusing" (_without_accusing)
ACCUSING = [normalize_str(w) for w in ("متهما", "متهمين")]
# persons and youths named by no role (agents.tsv, normalised without ال): alone («اعتقلت ثلاثة
# أشخاص», «قتل شاب») they are acted on, never a source; with a demonym («شاب فلسطيني») they may act
PERSONS = [normalize_str(w) for w in ("شخص", "شخصا", "شخصين", "أشخاص", "شاب", "شابا", "شابين", "شبان")]
# «إن» and its sisters, after which a subject is accusative (normalised, with و/ف/ب/ل before أن)
INNA = r"^[وف]?([بل]?ان|لكن)$"
# ميليشيا, الميليشيات, مليشيات … (normalised), not one's own: «النظام وميليشياته»
MILITIA = r"^[وفبل]?(ال|لل)?م(ي)?ليشي[^ه]*$"
MAX_PLACE_OWNER_GAP = 2  # tokens from a common place noun to the actor or place it belongs to
# «على مواقع تابعة لجماعة الحوثي», «ضد القوات الموالية للحكومة»: the owner after «تابع/موال لـ»
# stands where the owned noun stands, and takes its preposition (normalised)
BELONGING = [normalize_str(w) for w in (
    "تابع", "تابعة", "تابعين", "التابع", "التابعة", "التابعين", "موالية", "موالين", "الموالي", "الموالية", "الموالين")]
# (not «من»: «رتل من القوات الموالية للحكومة» is partitive)
# loyal to (normalised): a state after «الموالية ل» backs the agent before it, which is not its own
LOYAL = [*(w for w in BELONGING if "موال" in w), *(normalize_str(w) for w in ("موالون", "الموالون"))]
OWNED_PREPOSITIONS = [normalize_str(w) for w in ("على", "ضد", "إلى", "في", "مع", "بحق", "تجاه")]
# settlers named without a demonym are Israel's, whatever the article's country or a place
# named near them (agents.tsv)
SETTLERS, SETTLERS_COUNTRY = "SET", "ISR"
# the Palestinian territories keep CAMEO's own codes as places (regions.tsv: no state of their
# own), but the people, groups and offices named near them are Palestinian: «10 أشخاص في قطاع غزة»
PEOPLE_OF_TERRITORIES = {"GZS": "PSE", "WSB": "PSE"}
# roles of institutions, which a place in construct names («محكمة جنايات القاهرة», «شرطة دبي»)
STATE_ROLES = ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"]  # a state's offices and forces
INSTITUTION_ROLES = [*STATE_ROLES, "MED", "EDU", "HLH", "BUS", "HRI"]
# nouns that chain an institution to the place that names it: «محكمة جنايات القاهرة», «سلطات مطار القاهرة»
CONSTRUCT_LINKS = [normalize_str(w) for w in (
    "جنايات", "جنح", "استئناف", "أمن", "مطار", "ميناء", "بلدية", "جامعة", "محافظة", "ولاية", "مدينة", "منطقة", "إقليم")]
# continents and geographic regions are places, never the doers or targets of events («بين
# إفريقيا وأوروبا» is the migrants' route); the West Bank, Gaza and «الغرب» stay actors
GEOGRAPHIC_REGIONS = ["AFR", "ASA", "EUR", "EEU", "LAM", "SAM", "NMR", "NAF", "MEA", "PGS", "BLK", "CAU", "CAS", "SAS",
                      "SEA", "MDT", "SCN"]
# attribution cues (normalised, with an optional و): «بحسب ما أفادت وكالة فرانس برس», «وفقا لما
# أوردته بوابة الأهرام», «نقلا عن»: who is cited reports the event, it does not take part in it
ATTRIBUTION = r"^و?(بحسب|حسب|حسبما|بحسبما|وفقا|وفق|طبقا|نقلا|استنادا)$"
RELATIVES = [normalize_str(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين")]
# cues of a mediator, sponsor or backer (normalised, with an optional و): «رعتها الأمم المتحدة»,
# «برعاية», «بوساطة», «الوساطة السودانية», «بدعم من», «بدعم إيراني», «بتمويل قطري»
SPONSOR_CUES = [c + normalize_str(w) for w in (
    "رعتها", "رعاها", "يرعاها", "ترعاها", "رعته", "يرعاه", "ترعاه", "برعاية", "رعاية", "بوساطة", "وساطة", "الوساطة", "بدعم",
    "بتمويل", "بتحريض") for c in ("", "و")]
# verbs of reporting whose object can be an act told of (normalised, with و/ف): «أفادت تقارير … سماع
# انفجارات», «ذكرت الوكالة مقتل …»; not announcements, whose act is the speaker's own («أعلن الجيش قصف»)
REPORT_VERB_FORMS = [c + normalize_str(w) for w in (
    "أفاد", "أفادت", "أفادوا", "يفيد", "تفيد", "ذكر", "ذكرت", "ذكروا", "يذكر", "تذكر", "أورد", "أوردت", "أوردوا",
    "نقل", "نقلت", "نقلوا", "بث", "بثت", "نشر", "نشرت", "تحدث", "تحدثت", "أشار", "أشارت", "رصد", "رصدت",
    "وثق", "وثقت") for c in ("", "و", "ف")]
# a bare «أن / إن» («قال المرصد إن الطائرات قصفت») opens a reported clause with a subject of its own
# (clauses.py; and the subject of that clause is no reporter, reporters)
CLAUSE_OPENERS = [normalize_str(w) for w in ("أن", "إن", "بأن", "لأن")]
# «أن / إن / لأن / بأن / لكن» carrying a pronoun: the subject of the verb right after them
# («كما أنها طالبت المملكة», «أنه أطلق الرصاص على …»)
PRONOUN_SUBJECTS = [normalize_str(particle + pronoun) for particle in ("أن", "إن", "بأن", "لأن", "وأن", "وإن", "فإن", "لكن", "ولكن")
                    for pronoun in ("ه", "ها", "هم", "هما", "هن")]
MAX_REPORTER_GAP = 4  # tokens from the verb of reporting to its subject («أفادت تقارير عن وسائل الإعلام»)
PUNCTUATION = r"[،,.:؛;!?؟()\-–—]"
MAX_SPONSOR_GAP = 3  # tokens from the cue to the sponsor («بدعم من الحرس الثوري»)
MAX_ATTRIBUTION_GAP = 4  # tokens from the cue to the cited source («بحسب ما أفادت وكالة …»)
AGENT = "agent"  # the `preposition` of a passive's doer: «من قبل X», «على يد X»
# the `preposition` of whom a place is taken from: «تحرير المدينة من قبضة الحوثيين», «استعادة
# السيطرة على تدمر من أيدي تنظيم الدولة» (roles.py: the target of taking control)
FROM_HOLDER = "from_holder"
HOLDER_WORDS = [normalize_str(w) for w in ("قبضة", "أيدي", "يد", "سيطرة")]
MAX_DATELINE = 8  # tokens from a sentence's first place to the dash that ends its dateline
MAX_COORDINATION_GAP = 5  # tokens from one coordinated participant to the next «و…»
# nouns of death and wounding, after which the victims are named («مقتل 6 فلسطينيين», «وإصابة 192
# آخرين»), with their proclitics (normalised). «جرح» is also the verb, mostly the passive in this
# news («جُرح أربعة جنود إسرائيليين», «قتل وجرح عدد من المدنيين»): 5 of the 6 such middleEast
# sentences name the wounded after it, one the attacker («بعد طعن وجرح جندي»)
CASUALTY_FORMS = [normalize_str(clitic + word) for word in ("مقتل", "مصرع", "استشهاد", "إصابة", "جرح")
                  for clitic in ("", "و", "ب", "وب", "ل")]
# words of a count between them and the victims («مقتل أكثر من 50 من عناصر …», «عشرات المدنيين»),
# and of a part («7 عناصر من تنظيم القاعدة»: the victims are the group's)
COUNT_WORDS = [normalize_str(w) for w in (
    "أكثر", "أقل", "من", "نحو", "حوالي", "قرابة", "ما", "يقارب", "يزيد", "عن", "عدد", "عشرات", "مئات", "آلاف", "ألف",
    "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين",
    "عناصر", "عنصرا", "عنصر", "أفراد", "أعضاء")]
MAX_VICTIM_GAP = 7  # tokens from the noun of death to the victims («بمقتل أكثر من 50 من عناصر تنظيم …»)


def participants(tokens: pl.DataFrame, entities: pl.DataFrame, references: pl.DataFrame) -> pl.DataFrame:
    """Every actor-like span of a sentence with its token range, code, clitic and the
    preposition that introduces it (`preposition`; AGENT for «من قبل», «على يد»), or that
    introduces the noun it depends on (`via`: «بقيام الولايات المتحدة», «على مواقع الحوثيين»)."""
    named = entities.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.coalesce("cameo_code", pl.when(pl.col("mention_kind") == "place").then(pl.col("country_code"))),
        country="country_code",
        # a person no dictionary knows, named after a title of office: «الملك عبد الله» (GOV), «العقيد …» (MIL)
        role=pl.when((pl.col("mention_kind") == "unknown") & (pl.col("entity_type") == "PER") & pl.col("cameo_code").is_null())
        .then(_title_role(normalize(pl.col("surface").str.slice(pl.col("clitic").fill_null("").str.len_chars())))),
        kind="mention_kind", is_place=pl.col("entity_type") == "LOC", is_person=pl.col("entity_type") == "PER",
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
    marked = _generic_places(_with_attribute_nisbas(marked, tokens), tokens)
    frame = _outside_datelines(_with_case(_without_accusing(_with_prepositions(_with_gender(marked, tokens), tokens), tokens), tokens), tokens)
    # (a place named after a king is no king: «مطار الملك خالد الدولي», «جامعة الملك سعود»)
    namesake = pl.col("is_person") & (pl.col("kind") == "unknown") & (
        pl.col("previous_word").is_in(NAMESAKE_PLACES) | pl.col("previous_word").str.replace("^و?[بل]", "").is_in(NAMESAKE_PLACES))
    frame = frame.with_columns(role=pl.when(~namesake.fill_null(False)).then("role"))
    frame = _institution_places(frame, tokens)
    # (before the agents take countries: «اعتقلت الشرطة …، وفقا لوكالة فرانس برس» is not French police)
    frame = outside_attributions(frame, tokens)
    frame = _militia_of_the_article(_fill_agent_countries(frame), tokens).filter(
        pl.col("code").is_not_null() & ~pl.col("code").is_in(GEOGRAPHIC_REGIONS) & ~pl.col("names_institution")
    ).drop("names_institution").sort(
        # ties (one span, one code, from a name and from a reference) go to the named actor
        ["article_id", "first_token", "last_token", "code", pl.col("actor_id").is_null(), "actor_id"],
        descending=[False, False, True, False, False, False], maintain_order=True,
    )
    return _headed_by(_members_of(frame), tokens.select("article_id", "sentence_index", "token_index", "norm"))


@cache
def _role_titles() -> list[tuple[str, str]]:
    """(title normalised, role) from titles.tsv, longest first: «الفريق أول» before «الفريق»."""
    titles = read_table("titles.tsv").filter(pl.col("role_code").is_not_null())
    pairs = [(normalize_str(title), role) for title, role in titles.select("title_ar", "role_code").iter_rows()]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _title_role(surface: pl.Expr) -> pl.Expr:
    """The role of the title a mention's (normalised, without its proclitic) surface opens with,
    else null — not a title of another office that the next word makes: «الرئيس التنفيذي» (of a
    company), «النائب العام» (the prosecutor)."""
    role = pl.lit(None, pl.String)
    for title, code in reversed(_role_titles()):
        role = pl.when(surface.str.starts_with(title + " ")).then(pl.lit(code)).otherwise(role)
    other_office = surface.str.split(" ").list.get(1, null_on_oob=True).is_in(OTHER_OFFICES)
    return pl.when(~other_office.fill_null(False)).then(role)


def _militia_of_the_article(frame: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A bare «الميليشيات», «الميليشيا» in an article that names one armed group (REB) of the
    militia's country is that group: news of the Yemen war names «جماعة الحوثي» once, then says
    «الميليشيات». (CAMEO's UAF stays for militias where the article names none, or several.)"""
    groups = (
        frame.filter(pl.col("actor_id").is_not_null() & pl.col("code").str.ends_with("REB") & ~pl.col("is_person"))
        .group_by("article_id", "country")
        .agg(group_ids=pl.col("actor_id").unique(), group_code=pl.col("code").first())
        .filter(pl.col("group_ids").list.len() == 1)
        .select("article_id", "country", group_id=pl.col("group_ids").list.first(), group_code="group_code")
    )
    militia = (pl.col("kind") == "agent") & (pl.col("role") == "UAF") & pl.col("head").str.contains(MILITIA)
    return (
        at_token(frame, tokens, "first_token", head="norm")
        .join(groups, on=["article_id", "country"], how="left", maintain_order="left")
        .with_columns(
            actor_id=pl.when(militia & pl.col("group_id").is_not_null()).then("group_id").otherwise("actor_id"),
            code=pl.when(militia & pl.col("group_id").is_not_null()).then("group_code").otherwise("code"),
        )
        .drop("head", "group_id", "group_code")
    )


def _with_attribute_nisbas(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A nationality adjective right after a named group, person or place describes it, it is
    no participant of its own: «ميليشيات الحوثي الإيرانية» are the Houthis, not Iran; «حزب الله
    اللبناني» is Hezbollah; «درنة الليبية» is Derna. (Right after a generic agent the two are one
    composed reference already: «الوفد الإيراني».)
    `attribute`: the adjective of a generic agent with another adjective between, «القوات الأمنية
    العراقية», «القوات الحكومية السورية»: it gives the agent its country and still counts among
    the countries the article names (_fill_agent_countries drops it after) — else «العراقية» was a
    participant of its own, coordinated with what follows: «بين القوات الأمنية العراقية وعناصر
    داعش» lost its second party."""
    # (of a group of one country: after an international body the adjective names its national
    # office, «الإنتربول السعودي»)
    # (a place the dictionary does not know, «مدينة ميدي اليمنية», takes its country from it)
    # (not a state's name: «بين إسرائيل والفلسطينيين»; nor a coordinated demonym)
    owners = pl.concat([
        spans.filter(((pl.col("kind") == "name") & pl.col("country").is_not_null())
                     | (pl.col("is_place") & pl.col("kind").is_in(["place", "unknown"])))
        .select("article_id", owner_last="last_token", first_token=pl.col("last_token") + 1, attribute=pl.lit(False)),
        spans.filter(pl.col("kind") == "agent")
        .select("article_id", owner_last="last_token", first_token=pl.col("last_token") + 2, attribute=pl.lit(True))
        .pipe(at_token, tokens, "owner_last", owner_word="norm")
        .pipe(at_token, tokens, pl.col("owner_last") + 1, between="norm", between_gap="gap_before")
        .pipe(at_token, tokens, "first_token", demonym="norm")
        .filter(_describes_the_agent() & (pl.col("between_gap") == ""))
        .join(spans.select("article_id", owner_last=pl.col("first_token") - 1), on=["article_id", "owner_last"], how="anti")
        .drop("owner_word", "between", "between_gap", "demonym"),
    ])
    # (not an adverb in «ـيا»: «القوات الحكومية المدعومة سعوديا» are not Saudi)
    nisbas = (spans.filter((pl.col("kind") == "nisba") & ~pl.col("clitic").fill_null("").str.starts_with("و"))
              .pipe(at_token, tokens, "last_token", tail="norm").filter(~pl.col("tail").str.ends_with("يا"))
              .select("article_id", "first_token", nisba_country="country")
              .join(owners, on=["article_id", "first_token"])
              .unique(["article_id", "first_token"], keep="first", maintain_order=True)
              .pipe(at_token, tokens, "first_token", gap="gap_before")
              .filter(pl.col("gap") == "")
              .drop("gap"))
    return (
        spans.join(nisbas.filter(~pl.col("attribute")), on=["article_id", "first_token"], how="anti")
        .join(nisbas.select("article_id", "first_token", "attribute"), on=["article_id", "first_token"], how="left")
        .with_columns(pl.col("attribute").fill_null(False))
        .join(nisbas.select("article_id", "nisba_country", last_token="owner_last"), on=["article_id", "last_token"], how="left")
        .with_columns(pl.coalesce("country", "nisba_country").alias("country"),
                      pl.when(pl.col("is_place")).then(pl.coalesce("code", "nisba_country")).otherwise("code").alias("code"))
        .drop("nisba_country")
    )


# adjectives of armed forces that are participles, not relational adjectives in «ـي»:
# «القوات المشتركة اليمنية», «القوات المسلحة السورية»
PARTICIPLE_ADJECTIVES = [normalize_str(w) for w in ("مشتركة", "مسلحة", "متحالفة", "خاصة")]
# plural nouns in «ـي», objects rather than adjectives: «وقصف الجيش الأراضي السورية»
NOUNS_IN_I = [normalize_str(w) for w in ("أراضي", "مساعي", "مباني", "أهالي", "أيادي", "ضواحي", "نواحي", "معاني", "مراعي")]


def _describes_the_agent() -> pl.Expr:
    """Whether the word between a generic agent and a demonym leaves the demonym the agent's: the
    genitive of a construct head («وزارة الخزانة الأمريكية», «قوات الدفاع الإسرائيلية»), or an
    adjective like the demonym (in «ـي», or an armed force's participle), agreeing with it in
    definiteness («القوات الأمنية العراقية», «محكمة عسكرية إسرائيلية»). Not a noun in agreement,
    which is the verb's object with its own demonym: «رفض الفصائل الطلب الروسي», «انتقدت وزارة
    الخارجية القصف الإيراني»."""
    definite = lambda column: pl.col(column).str.contains(DEFINITE_WORD)  # noqa: E731
    between = pl.col("between")
    # (the word between bears no proclitic: «ورحبت الحكومة بالمساعي الكويتية» is welcomed, not the
    # government's; and an indefinite plural or accusative, «وهاجم مسلحون الموكب الأمريكي», is no
    # construct head, which drops its ن)
    plain = between.str.starts_with("ال") | ~between.str.contains("^[وفبلك]")
    construct = ~definite("owner_word") & ~pl.col("owner_word").str.contains("(ون|ين|ا)$") & between.str.starts_with("ال")
    relational = ((between.str.contains("(يه?|يين|يون)$") & ~between.str.replace("^ال", "").is_in(NOUNS_IN_I))
                  | between.str.replace("^ال", "").is_in(PARTICIPLE_ADJECTIVES))
    return plain & (construct | (relational & (between.str.starts_with("ال") == definite("demonym"))))


@cache
def _generic_place_forms() -> pl.DataFrame:
    """Every form of GENERIC_PLACES with its proclitics (norm, clitic): «والعاصمة», «بمدينة», «للمدينة»."""
    proclitics = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"]
    rows = {(c + w, c) for w in GENERIC_PLACES for c in proclitics}
    # ل before ال drops the alif: «للمدينة»
    rows |= {(c + "ل" + w[1:], c + "ل") for w in GENERIC_PLACES if w.startswith("ال") for c in ("", "و", "ف")}
    return pl.DataFrame(sorted(rows), schema={"norm": pl.String, "clitic": pl.String}, orient="row").unique(
        "norm", keep="first", maintain_order=True)


def _generic_places(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A place named by a common noun — «سيطروا على العاصمة», «حاصر موانئ نفطية», «الهجمات التي
    شهدتها المحافظة» — is a participant (kind place, `generic_place`) that takes its country
    from the text like a generic agent (_fill_agent_countries): CODEBOOK, a place as the target
    of an attack, siege or occupation is its country. Not inside another span, nor when an
    actor or a named place follows within a few words, which is what it names or whose it is
    («مدينة إدلب», «مواقع للمعارضة», «مقر محافظ البصرة»)."""
    keys = ["article_id", "sentence_index"]
    found = tokens.select(*keys, "token_index", "start", "end", "norm").join(_generic_place_forms(), on="norm")
    if found.is_empty():
        return spans.with_columns(generic_place=pl.lit(False))
    # no punctuation before the one or two words after it (MAX_PLACE_OWNER_GAP)
    gaps = tokens.select("article_id", "token_index", "gap_before", "norm").join(
        pl.concat([found.select("article_id", token_index=pl.col("token_index") + step) for step in (1, 2)]).unique(),
        on=["article_id", "token_index"], how="semi")
    found = (
        found.join(gaps.select("article_id", token_index=pl.col("token_index") - 1, pause1=pl.col("gap_before") != "",
                               middle_and=pl.col("norm").str.starts_with("و")), on=["article_id", "token_index"], how="left")
        .join(gaps.select("article_id", token_index=pl.col("token_index") - 2, pause2=pl.col("gap_before") != ""),
              on=["article_id", "token_index"], how="left")
    )
    # (a word with و between, or on the span, starts a new clause or another member: «سيطروا على
    # العاصمة وطردوا الحكومة», «على المدينة ودمشق»)
    named = spans.select(*keys, "first_token", "last_token", span_and=pl.col("clitic").fill_null("").str.starts_with("و"))
    covered = (
        found.join(named, on=keys)
        .with_columns(gap=pl.col("first_token") - pl.col("token_index"))
        .filter(pl.col("token_index").is_between(pl.col("first_token"), pl.col("last_token"))
                | ((pl.col("gap") == 1) & ~pl.col("pause1").fill_null(True) & ~pl.col("span_and"))
                | ((pl.col("gap") == MAX_PLACE_OWNER_GAP) & ~pl.col("pause1").fill_null(True) & ~pl.col("pause2").fill_null(True)
                   & ~pl.col("span_and") & ~pl.col("middle_and").fill_null(False)))
        .select("article_id", "token_index").unique()
    )
    generic = found.join(covered, on=["article_id", "token_index"], how="anti").select(
        *keys, "start", "end", actor_id=pl.lit(None, pl.String),
        clitic=pl.when(pl.col("clitic") != "").then(pl.col("clitic")),
        code=pl.lit(None, pl.String), country=pl.lit(None, pl.String), role=pl.lit(None, pl.String), kind=pl.lit("place"),
        is_place=pl.lit(True), is_person=pl.lit(False), first_token="token_index", last_token="token_index",
        attribute=pl.lit(False), generic_place=pl.lit(True),
    )
    return pl.concat([spans.with_columns(generic_place=pl.lit(False)), generic], how="vertical_relaxed")


def _pause_counts(tokens: pl.DataFrame) -> pl.DataFrame:
    """Each token with `pause`, a running count of punctuation gaps over its article: equal at a
    cue and a participant after it = no punctuation between, the same phrase."""
    return tokens.select(
        "article_id", "sentence_index", "token_index", "norm",
        pause=pl.col("gap_before").str.contains(PUNCTUATION).cast(pl.Int32).cum_sum().over("article_id", order_by="token_index"),
    )


def outside_attributions(parts: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop the cited source of an attribution («، بحسب المرصد السوري لحقوق الإنسان»): a
    participant a few words after an attribution cue, with no punctuation between."""
    pauses = _pause_counts(tokens)
    cues = pauses.filter(pl.col("norm").str.contains(ATTRIBUTION)).select(
        "article_id", "sentence_index", cue="token_index", cue_pause="pause")
    relative = tokens.filter(pl.col("norm").is_in(RELATIVES)).select(
        "article_id", last_token=pl.col("token_index") - 1)
    cited = (
        parts.select("article_id", "sentence_index", "first_token", "last_token").unique()
        .join(cues, on=["article_id", "sentence_index"])
        .filter((pl.col("first_token") > pl.col("cue")) & (pl.col("first_token") - pl.col("cue") <= MAX_ATTRIBUTION_GAP))
        .join(pauses.select("article_id", first_token="token_index", part_pause="pause"), on=["article_id", "first_token"])
        .filter(pl.col("part_pause") == pl.col("cue_pause"))
        .select("article_id", "first_token", "last_token").unique()
        # unless a relative clause makes it an actor again: «وفقا للنائب …، الذي اجتمع به»
        .join(relative, on=["article_id", "last_token"], how="anti")
    )
    return parts.join(cited, on=["article_id", "first_token", "last_token"], how="anti", maintain_order="left")


def sponsors(parts: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """The mediator, sponsor or backer of an act (article_id, first_token, last_token, cue): a
    participant a few words after a cue (SPONSOR_CUES, no punctuation between) — «والتي رعتها
    الأمم المتحدة», «الوساطة السودانية», «بدعم من الحرس الثوري», «بدعم إيراني». It mediates,
    sponsors or backs; it does not do the other acts of its sentence (coding.py)."""
    keys = ["article_id", "sentence_index"]
    pauses = _pause_counts(tokens)
    cues = pauses.filter(pl.col("norm").is_in(SPONSOR_CUES)).select(*keys, cue="token_index", cue_pause="pause")
    return (
        parts.select(*keys, "first_token", "last_token").unique()
        .join(cues, on=keys)
        .filter((pl.col("first_token") > pl.col("cue")) & (pl.col("first_token") - pl.col("cue") <= MAX_SPONSOR_GAP))
        .join(pauses.select("article_id", first_token="token_index", part_pause="pause"), on=["article_id", "first_token"])
        .filter(pl.col("part_pause") == pl.col("cue_pause"))
        .sort("article_id", "first_token", "cue", descending=[False, False, True])
        .unique(["article_id", "first_token", "last_token"], keep="first", maintain_order=True)
        .select("article_id", "first_token", "last_token", "cue")
    )


def reporters(parts: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Who reports (article_id, first_token, last_token, report): the subject of a verb of reporting
    (REPORT_VERB_FORMS) — right after it or right before it: «أفادت تقارير عن وسائل الإعلام السورية سماع
    دوي انفجارات», «وذكرت الوكالة مقتل …». It tells of the acts after the verb, it does not do them.
    Not past «أن» after the verb, which opens what is reported: «وذكرت مصادر عسكرية أن ميليشيا الحوثي
    … أطلقت صاروخا» (the Houthis fired)."""
    keys = ["article_id", "sentence_index"]
    verbs = tokens.filter(pl.col("norm").is_in(REPORT_VERB_FORMS)).select(*keys, report="token_index")
    openings = tokens.filter(pl.col("norm").is_in(CLAUSE_OPENERS + PRONOUN_SUBJECTS)).select(*keys, opening="token_index")
    candidates = (
        parts.select(*keys, "first_token", "last_token").unique()
        .join(verbs, on=keys)
        .filter((pl.col("first_token") - pl.col("report")).is_between(1, MAX_REPORTER_GAP)
                | (pl.col("report") - pl.col("last_token")).is_between(1, 2))
    )
    past_opening = (
        candidates.join(openings, on=keys)
        .filter((pl.col("opening") > pl.col("report")) & (pl.col("opening") < pl.col("first_token")))
        .select("article_id", "first_token", "last_token", "report").unique()
    )
    return (
        candidates.join(past_opening, on=["article_id", "first_token", "last_token", "report"], how="anti")
        .sort("article_id", "first_token", "last_token", "report")
        .unique(["article_id", "first_token", "last_token"], keep="first", maintain_order=True)
        .select("article_id", "first_token", "last_token", "report")
    )


def victims(parts: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Who is killed or wounded (article_id, sentence_index, first_token, last_token, group): after a noun
    of death or wounding, a count (COUNT_WORDS, no punctuation) and then the victims — the first
    participant that starts after the noun and reaches the first word past the count, within
    MAX_VICTIM_GAP tokens: «مقتل 6 فلسطينيين», «بمقتل 7 عناصر من تنظيم القاعدة» (the group, not the
    bare «عناصر»), «مقتل نحو 50 من عناصر تنظيم القاعدة» (the whole phrase), «مقتل قيادي حوثي» (the
    demonym after the first word). Not after the verb «قتل», whose subject may follow it: «قتل
    الجيش الإسرائيلي 3 فلسطينيين» (but see CASUALTY_FORMS on «جرح»)."""
    keys = ["article_id", "sentence_index"]
    casualties = tokens.filter(pl.col("norm").is_in(CASUALTY_FORMS)).select(*keys, casualty="token_index")
    counted = (
        casualties.with_columns(position=pl.int_ranges(pl.col("casualty") + 1, pl.col("casualty") + MAX_VICTIM_GAP + 1))
        .explode("position")
        .pipe(at_token, tokens, "position", how="inner", norm="norm", gap_before="gap_before", token_sentence="sentence_index")
        .filter(pl.col("token_sentence") == pl.col("sentence_index"))
        .with_columns(counting=(pl.col("norm").str.contains(r"^\p{N}+$") | pl.col("norm").is_in(COUNT_WORDS))
                      & (pl.col("gap_before") == ""))
        .sort("article_id", "casualty", "position")
        .with_columns(in_count=pl.col("counting").cum_min().over("article_id", "casualty"))
        # the first word past the count, with no punctuation before it
        .filter(~pl.col("in_count"))
        .unique(["article_id", "casualty"], keep="first", maintain_order=True)
        .filter(pl.col("gap_before") == "")
        .select("article_id", "casualty", victim_word="position")
    )
    return (
        parts.select(*keys, "first_token", "last_token", "group").unique()
        .join(casualties.join(counted, on=["article_id", "casualty"]), on=keys)
        # (or the word after it, which qualifies it: «مقتل قيادي حوثي», «مقتل جندي إسرائيلي»)
        .filter((pl.col("first_token") > pl.col("casualty")) & (pl.col("first_token") <= pl.col("victim_word") + 1)
                & (pl.col("last_token") >= pl.col("victim_word")))
        .sort("article_id", "casualty", "first_token", "last_token", "group")
        .unique(["article_id", "casualty"], keep="first", maintain_order=True)
        .select(*keys, "first_token", "last_token", "group")
        .unique(maintain_order=True)
    )


def _institution_places(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`names_institution`: a place that names the institution before it — an institution in
    construct (no ال: «محكمة جنايات القاهرة», «شرطة دبي», «سلطات مطار القاهرة») followed by the
    bare place, or by one more noun in construct and the place, with no punctuation between.
    The place does not act and is not acted on (dropped after it has given the institution and
    the article their country, _fill_agent_countries); the institution takes its country."""
    pause = lambda gap: pl.col(gap).str.contains(r"[^\s]")  # noqa: E731
    definite = r"^([وف]?[بل]?ال|[وف]?لل)"
    construct = (
        spans.filter((pl.col("kind") == "agent") & pl.col("country").is_null() & pl.col("role").is_in(INSTITUTION_ROLES))
        .pipe(at_token, tokens, "first_token", how="inner", head_word="norm")
        .filter(~pl.col("head_word").str.contains(definite))
        .select("article_id", "sentence_index", institution_first="first_token", institution_end="last_token")
    )
    named = (
        spans.filter(pl.col("is_place") & pl.col("preposition").is_null() & pl.col("country").is_not_null())
        .pipe(at_token, tokens, "first_token", how="inner", place_gap="gap_before")
        .select("article_id", "sentence_index", "first_token", "last_token", place_pause=pause("place_gap"), place_country="country")
        .join(construct, on=["article_id", "sentence_index"])
        # the word after the institution: the place itself, or a noun in construct («جنايات») before it
        .pipe(at_token, tokens, pl.col("institution_end") + 1, how="inner", middle_word="norm", middle_gap="gap_before")
        .with_columns(middle_pause=pause("middle_gap"), gap=pl.col("first_token") - pl.col("institution_end"))
        .filter(~pl.col("place_pause") & (
            (pl.col("gap") == 1)
            | ((pl.col("gap") == 2) & ~pl.col("middle_pause") & pl.col("middle_word").is_in(CONSTRUCT_LINKS))))
        .sort("article_id", "institution_first", "first_token")
        .unique(["article_id", "institution_first"], keep="first", maintain_order=True)
    )
    institutions = named.select("article_id", first_token="institution_first", last_token="institution_end",
                                kind=pl.lit("agent"), place_country="place_country")
    places = named.select("article_id", "first_token", "last_token", names_institution=pl.lit(True)).unique()
    return (
        spans.join(places, on=["article_id", "first_token", "last_token"], how="left")
        .join(institutions, on=["article_id", "first_token", "last_token", "kind"], how="left")
        .with_columns(country=pl.coalesce("country", "place_country"),
                      names_institution=pl.col("names_institution").fill_null(False))
        .drop("place_country")
    )


def _members_of(parts: pl.DataFrame) -> pl.DataFrame:
    """A generic agent without a role of its own («عناصر», «قوات الأمن», «مسلحو») followed at
    at once (or after «من») by a named actor is that actor's men: «عناصر تنظيم الدولة» → IMGREB,
    «عناصر من حزب الله».
    The span runs over both and keeps the agent's place in the sentence (its preposition)."""
    nxt = lambda column: pl.col(column).shift(-1).over("article_id")  # noqa: E731
    owned = (
        (pl.col("kind") == "agent") & pl.col("role").is_null()
        & (nxt("sentence_index") == pl.col("sentence_index"))
        # (or with «من» between: «عناصر من تنظيم الدولة»)
        & ((nxt("first_token") == pl.col("last_token") + 1)
           | ((nxt("first_token") == pl.col("last_token") + 2) & (nxt("preposition") == "من")))
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
    «الجيش», «السفير» … (MASCULINE_HEADS) — which cannot be the subject of a feminine verb.
    `feminine_place`: a capital, or a state or region whose name is feminine («روسيا», «إيران»,
    «الولايات المتحدة»; not MASCULINE_PLACES) — which cannot be the subject of a masculine verb
    before it: «ودعا روسيا إلى الاستعداد» (Russia is called on; «ودعت روسيا» would be Russia calling)."""
    head = pl.col("head").str.replace("^[وفبلك]?(ال|ل)?", "")
    state = (pl.col("kind") == "name") & (pl.col("actor_id") == pl.col("code")).fill_null(False)
    return at_token(spans, tokens, "first_token", head="norm").with_columns(head=head).with_columns(
        masculine=(pl.col("is_person") & ~pl.col("head").str.ends_with("ه")) | pl.col("head").is_in(MASCULINE_HEADS),
        feminine_place=(pl.col("kind") == "capital") | (state & ~pl.col("actor_id").is_in(MASCULINE_PLACES)),
    ).drop("head")


def _with_case(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`accusative`: a demonym in the indefinite accusative («اعتقلت تونسيا», «14 إيرانيا»; the
    only demonym forms ending in «يا», lexicon._accusative_nisbas): an object, never a subject,
    but after «أن», «إن», «لكن» («بيد أن مسؤولا إيرانيا أعلن»). `accusative_form`: the form,
    whatever its place. `oblique_plural`: a plural demonym in «ـيين» standing alone, or a people
    word in the plural or dual «ـين» («المتهمين», «جنديين»): right after a verb it is the object
    (the subject would be «ـيون», «ـون», «ـان»: «طالب الليبيين», «أدانت المحكمة … المتهمين»);
    elsewhere news writes it for any case («قناصة إسرائيليين أطلقوا»). `captive`: the accused or
    prisoners (CAPTIVES), or persons alone (PERSONS). A people word in the indefinite accusative
    («جنديا», «جنودا», «متهما»: _accusative_agents) is accusative as a demonym in «يا» is, but after
    a number. Needs `previous_word`."""
    agent = pl.col("kind").is_in(["agent", "composed"])
    bare_head = pl.col("head").str.replace("^[وف]?[بل]?(ال|ل)?", "")  # («وللأسرى»)
    agent_plural = agent & pl.col("head").str.ends_with("ين") & ~pl.col(
        "head").str.ends_with("سجين")  # (the one singular in «ين» among the people words)
    return at_token(spans, tokens, "last_token", tail="norm").pipe(at_token, tokens, "first_token", head="norm").with_columns(
        accusative_form=((pl.col("kind") == "nisba") & pl.col("tail").str.ends_with("يا"))
        # (not after a number, whose noun is in the accusative whatever its place: «1450 مستوطنا اقتحموا»)
        | (agent & bare_head.is_in(_accusative_agents()) & ~pl.col("previous_word").str.contains(NUMBER).fill_null(False))
    ).with_columns(
        accusative=pl.col("accusative_form") & ~pl.col("previous_word").str.contains(INNA).fill_null(False),
        oblique_plural=(((pl.col("kind") == "nisba") & pl.col("tail").str.ends_with("يين")) | agent_plural)
        & ~pl.col("previous_word").str.contains(INNA).fill_null(False),
        captive=agent & (bare_head.is_in(CAPTIVES) | (bare_head.is_in(PERSONS) & (pl.col("kind") == "agent"))),
    ).drop("tail", "head")


def _without_accusing(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`spans` without «متهما / متهمين» that is the participle "accusing": followed by whom it
    accuses, a definite noun, «إياه», or a name («انسحب … متهما السلطات المصرية بالقبض على …»)."""
    span = ["article_id", "first_token", "last_token"]
    words = (at_token(spans, tokens, "first_token", head="norm").filter(pl.col("head").str.replace("^[وف]", "").is_in(ACCUSING))
             .pipe(at_token, tokens, pl.col("last_token") + 1, after="norm"))
    before_name = words.join(
        spans.filter(pl.col("kind").is_in(["name", "short", "unknown"])).select("article_id", last_token=pl.col("first_token") - 1),
        on=["article_id", "last_token"], how="semi")
    before_definite = words.filter(pl.col("after").str.contains("^(ال|ايا)").fill_null(False))
    return spans.join(pl.concat([before_name.select(span), before_definite.select(span)]), on=span, how="anti")


@cache
def _accusative_agents() -> list[str]:
    """The agent words (agents.tsv, normalised) in the indefinite accusative: a form in «ا» whose
    form without it is listed too («جنديا» beside «جندي»; not «ميليشيا», nor «نظيرها»)."""
    forms = {normalize_str(form) for form in read_table("agents.tsv")["agent_ar"]}
    return sorted(form for form in forms if form.endswith("ا") and not form.endswith("ها") and form[:-1] in forms)


def _with_prepositions(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`preposition`: a clitic (بدمشق), the word before (مع تركيا), two words back across a
    place word («إلى العاصمة السورية دمشق», not «في مواجهة قوات حفتر»), FROM_HOLDER after «من
    قبضة / أيدي / سيطرة» (whom a place is taken from), or AGENT after «من
    قبل», «على يد/أيدي», «بيد» (the doer of a passive; also a demonym after one noun: «من قبل
    مقاتلات روسية»). `via`: the preposition of the noun the span is the genitive of: a clitic on
    the word before («رحبت … بقيام الولايات المتحدة») or a separate word two back («هجوم على
    مواقع الحوثيين»). A quantity before the span is transparent: «القبض على عدد من عناصر …»,
    «على عشرات المدنيين», «بعشرات من», «على 14 …» — the preposition is the quantity's; so is
    it across a place word and what the place holds: «على مواقع تمركز الحوثيين»."""
    # the four words before the span's first token in its sentence (w1 just before … w4), "" where there are none
    spans = at_token(spans, tokens, "first_token", first_sentence="sentence_index")
    for back in (1, 2, 3, 4):
        spans = at_token(spans, tokens, pl.col("first_token") - back, **{f"w{back}": "norm", "w_sentence": "sentence_index"})
        spans = spans.with_columns(
            pl.when(pl.col("w_sentence") == pl.col("first_sentence")).then(f"w{back}").fill_null("").alias(f"w{back}"))
    spans = spans.drop("first_sentence", "w_sentence")
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
    from_holder = (w2 == "من") & w1.is_in(HOLDER_WORDS)
    word = (
        pl.when(p1.is_in(SEPARATE_PREPOSITIONS) | p1.is_in(DETACHED_CLITICS)).then(p1)
        .when(p2.is_in(SEPARATE_PREPOSITIONS) & p1.is_in(PLACE_WORDS)).then(p2)
        .when((skip == 0) & w3.is_in(SEPARATE_PREPOSITIONS) & w2.is_in(PLACE_WORDS) & w1.is_in(HOLDING_WORDS)).then(w3)
    )
    noun_clitic = pl.when(~w1.is_in(SEPARATE_PREPOSITIONS) & (w1.str.len_chars() >= 4) & (skip == 0)).then(
        w1.str.extract("^([بل])", 1))
    # «على مواقع تابعة لـX»: X takes the preposition of the owned noun (w3), not its own ل
    owned_by = pl.when(w1.is_in(BELONGING) & pl.col("clitic").fill_null("").str.contains("ل") & (skip == 0)
                       & w3.is_in(OWNED_PREPOSITIONS)).then(w3)
    return spans.with_columns(
        preposition=pl.when(agent).then(pl.lit(AGENT)).when(from_holder).then(pl.lit(FROM_HOLDER))
        .otherwise(pl.coalesce(owned_by, pl.col("clitic").str.extract("([بلك])", 1), quantity_clitic, word)),
        via=pl.coalesce(noun_clitic, pl.when(p2.is_in(SEPARATE_PREPOSITIONS) & (skip == 0)).then(p2)),
    ).rename({"w1": "previous_word"}).drop("w2", "w3", "w4", "skip", "quantity", "p1", "p2")


def _outside_datelines(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop the places of a dateline: «دبي، الإمارات العربية المتحدة (CNN)-- رحبت البحرين …» —
    a sentence that opens with a place and has a dash within its first words."""
    keys = ["article_id", "sentence_index"]
    opening = tokens.group_by(keys).agg(sentence_first=pl.col("token_index").min())
    dash = (
        tokens.filter(pl.col("gap_before").str.contains("[-–—]"))
        .join(opening, on=keys)
        .filter((pl.col("token_index") - pl.col("sentence_first")).is_between(1, MAX_DATELINE))
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
    demonym after it in the sentence (within a few words: «الحكومة الموازية في الشرق الليبي»;
    not a demonym in the accusative, lexicon._accusative_nisbas), else the article's most named country (CODEBOOK:
    generic agents, places as targets) — but settlers are Israel's (SETTLERS_COUNTRY). Gaza and the
    West Bank count as Palestine's near an agent whose role is not a state's office or force
    (PEOPLE_OF_TERRITORIES: «قوات الأمن», with no role, may be Palestinian), and not for the article."""
    # (not from a demonym of people acted on or counted: «اعتقلت الشرطة تونسيا» is not Tunisian police;
    # nor from «المملكة», which refers back to the kingdom the article names most: lexicon._kingdom_references)
    countries = frame.filter(pl.col("country").is_not_null() & pl.col("role").is_null() & ~pl.col("accusative_form")
                             & ~((pl.col("kind") == "short") & ~pl.col("is_person")))
    article_country = (
        countries.group_by("article_id", "country").len()
        .sort(["article_id", "len", "country"], descending=[False, True, False])
        .unique("article_id", keep="first", maintain_order=True)
        .select("article_id", article_country="country")
    )
    territories = frame.filter(pl.col("country").is_null() & pl.col("code").is_in(list(PEOPLE_OF_TERRITORIES))).with_columns(
        country=pl.col("code").replace_strict(PEOPLE_OF_TERRITORIES), territory=pl.lit(True))
    needs_country = (pl.col("kind") == "agent") | pl.col("code").is_null()
    agents = frame.filter(needs_country).with_row_index("agent_row")
    joined_right_after = pl.col("c_joined") & (pl.col("c_first") == pl.col("last_token") + 1)
    nearest = (
        agents.select("agent_row", "article_id", "sentence_index", "last_token", "role")
        # (not the adjective of another agent: «اتهم المتحدث القوات الحكومية السورية» is no Syrian speaker)
        # (nor a state its backers are named after: «الميليشيات الموالية لإيران» are not Iranian; it
        # still counts for the article, whose most named country it may be)
        .join(pl.concat([countries, territories], how="diagonal").filter(
            ~pl.col("attribute") & ~(pl.col("previous_word").is_in(LOYAL) & pl.col("clitic").fill_null("").str.contains("ل")).fill_null(False)).select(
            "article_id", "sentence_index", pl.col("first_token").alias("c_first"), "country",
            c_joined=pl.col("clitic").fill_null("").str.starts_with("و"), territory=pl.col("territory").fill_null(False)),
              on=["article_id", "sentence_index"])
        .filter((pl.col("c_first") > pl.col("last_token")) & (pl.col("c_first") - pl.col("last_token") <= 6))
        # (a state's army, police or government near Gaza is mostly Israel's: «دعت الحكومة الإسرائيلية
        # الجيش إلى ضرب غزة»)
        .filter(~(pl.col("territory") & pl.col("role").is_in(STATE_ROLES).fill_null(False)))
        # (not the states joined to the agent by و: «الفصائل المعارضة وروسيا وتركيا» are three
        # parties, not Russian or Turkish rebels; a state further on still counts, «… في سوريا»)
        .filter(~(pl.col("c_joined") & joined_right_after.any().over("agent_row")))
        .sort("agent_row", "c_first")
        .unique("agent_row", keep="first", maintain_order=True)
        .select("agent_row", near_country="country")
    )
    agents = (
        agents.join(nearest, on="agent_row", how="left")
        .join(article_country, on="article_id", how="left")
        .with_columns(country=pl.coalesce("country",
                                          pl.when(pl.col("role") == SETTLERS).then(pl.lit(SETTLERS_COUNTRY)),
                                          "near_country", "article_country"))
        .with_columns(code=pl.col("country") + pl.col("role").fill_null(""))
        .drop("agent_row", "near_country", "article_country")
    )
    return pl.concat([frame.filter(~needs_country & ~pl.col("attribute")), agents]).drop("attribute")


def coordination_groups(parts: pl.DataFrame, trigger_starts: pl.DataFrame) -> pl.DataFrame:
    """`group`: participants chained by و within a few words («النظام السوري، والحكومة …»), with
    no trigger between them (`trigger_starts`: article_id, sentence_index, token_index, the first
    token of each trigger) — «فرضت الولايات المتحدة عقوبات على أشخاص وشركات إيرانية»: the firms
    are sanctioned, they do not sanction."""
    prev_last = pl.col("last_token").shift(1).over("article_id", "sentence_index")
    candidate = pl.col("clitic").fill_null("").str.starts_with("و") & ((pl.col("first_token") - prev_last) <= MAX_COORDINATION_GAP)
    parts = parts.with_row_index("_part").with_columns(_joined=candidate.fill_null(False), _prev_last=prev_last)
    broken = (
        parts.filter("_joined").select("_part", "article_id", "sentence_index", "first_token", "_prev_last")
        .join(trigger_starts, on=["article_id", "sentence_index"])
        .filter(pl.col("token_index").is_between(pl.col("_prev_last"), pl.col("first_token"), closed="none"))
        .select("_part", _broken=pl.lit(True)).unique()
    )
    parts = parts.join(broken, on="_part", how="left", maintain_order="left")
    joined = pl.col("_joined") & pl.col("_broken").is_null()
    grouped = parts.with_columns(group=(~joined).cum_sum().over("article_id"))
    # `head_preposition`: the preposition of the first member, for a member joined by و —
    # «ألقت القبض على نشطاء ومعارضين»: the opponents are arrested too, not the verb's subject
    # (the frame is ordered by article and token, and every sentence opens a group: a plain fill)
    head = pl.when(~joined).then(pl.struct(head=pl.col("preposition"))).forward_fill().struct.field("head")
    return grouped.with_columns(head_preposition=pl.when(joined).then(head)).drop("_part", "_joined", "_prev_last", "_broken")
