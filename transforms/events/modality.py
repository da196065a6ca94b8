"""The modality of an event mention: denied, negated, background, conditional, future or asserted.

- denied: نفى … before the trigger, or after it behind «لكن / بينما / غير أن» or a relative («ما نفته»);
- negated: لم, لن, وقف …;
- background: «منذ 2015», سابقا, «وقتها», «الحصار المفروض»; what is conceded or the circumstance
  («رغم انسحاب الولايات المتحدة», «وسط اتهامات», «في ظل رفض …»), not past a comma; a present
  act going on since («وتحاصر قوات الجيش المدينة منذ عدة أشهر»: SINCE) and a count since a start
  («قتل 121 فلسطينيا … منذ بدء مسيرات العودة»: STARTS); a case or a file of an act (TOPICS);
- standing: the present tense of control, threat, hosting, accusation, support or funding («يسيطر عليها»,
  «وتتهم إسرائيل إيران», «إيران تدعم»: standing_verbs.txt), which coding.find_events drops;
- conditional: what is charged, alleged or accused («بتهمة», «مزاعم», «اتهم X بـ…»);
- future: سـ (on the trigger or on its light verb: «ستشن … هجوما»), يعتزم, من المقرر before it
  (or before its light verb; with «أن» after it, a few words further: «ومن المقرر أن يترأس ترامب
  اجتماع مجلس الأمن»); المرتقب, المزمع after it; what an appeal or demand calls for; the ل
  of purpose («لاستهداف», «للقاء»); a date after the report; a planned event's bare weekday is
  the coming one;
- else asserted. The context words are the trigger lexicon's (triggers.modality_words).
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize, normalize_str
from transforms.events.clauses import (
    CASUALTY_ROOT,
    LIGHT_VERBS,
    MAX_CALL_GAP,
    OBJECT_VERBS,
    light_verb_lemmas,
    purpose_lam,
    quad_class,
    with_proclitics,
)
from transforms.events.dates import WEEKDAYS
from transforms.events.triggers import modality_words, standing_lemmas
from transforms.segmentation import at_token

ACCUSATION = "112"  # CAMEO: accuse («اتهم»): the act it names is alleged
# appeal, demand, intent, threat: the act they name with ب / إلى is not done yet («هددت إسرائيل
# حزب الله بشن هجوم»)
CALL_ROOTS = ["02", "03", "10", "13"]
# verbs by which a deal or a text provides for an act (normalised, without و/ف)
STIPULATIONS = [normalize_str(w) for w in ("ينص", "تنص", "نص", "نصت", "ينصان", "يقضي", "تقضي", "يقضيان")]
SUBJUNCTIVE_PARTICLES = [normalize_str(w) for w in ("أن", "ان", "بأن", "لأن", "حتى", "كي", "لكي", "لن", "لم")]
CALLED_PREPOSITIONS = [normalize_str(w) for w in ("إلى", "على")]
# words that open a contrary clause: «… لكن الجيش نفى», «بينما نفت», «غير أن الوزارة نفت»
CONTRASTS = [normalize_str(w) for w in ("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "بينما", "فيما", "غير", "إلا", "بيد")]
MAX_DENIAL_GAP = 4  # tokens from the contrast word to the denial verb
# a relative right before a denial verb with its object pronoun denies what went just before it:
# «استهداف مطار أبوظبي … ما نفته الإمارات», «وهو ما نفاه الجيش», «الأنباء التي نفتها الوزارة»
RELATIVES = [normalize_str(w) for w in ("ما", "الذي", "التي")]
RELATIVE_NOUNS = [normalize_str(w) for w in ("الذي", "التي")]
MATTER = [normalize_str(w) for w in ("الأمر", "وهو", "وهي", "هو", "هي")]
DENIED_IT = [normalize_str(w) for w in ("نفاه", "نفته", "نفاها", "نفتها", "نفوه", "نفوها", "ينفيه", "تنفيه", "ينفيها", "تنفيها")]
MAX_DENIED_GAP = 12  # tokens from the act to the relative that denies it
# a charge between the act and the relative is what is denied: «قطعت … العلاقات مع قطر واتهموها بدعم
# الإرهاب، وهو ما نفته قطر», «جراء مزاعم بدعمها الإرهاب، الأمر الذي تنفيه قطر»
CHARGE = "تهم|تهام|زعم|مزاعم|ادعا|يدعي"  # («اتهام»: an alef between ه and م; «ادعاء», «ادعى»)
# speech acts, whose own act a later denial does not deny («اتهمت تركيا … لكن الحزب نفى»)
SPEECH_ROOTS = ["01", "02", "03", "05", "10", "11", "12", "13"]
CONTROL = "192"  # occupy territory: in the present tense, who holds a place (standing_verbs.txt)
AIMED_OUTCOMES = [CONTROL, "173"]  # taking control, an arrest: after لل, the aim of an act
SUPPORT = normalize_str("دعم")
# definite nouns of a blockade, a threat or aid, which name a standing situation when nothing dates or does them
STANDING_NOUNS = [normalize_str(w) for w in ("الحصار", "التهديد", "التهديدات", "تهديدا", "المساعدات")]
# the modality of a standing situation: no event, dropped once its roles have served as context
# (coding.find_events)
STANDING = "standing"
HOST = "043"  # CAMEO: host a visit
# protests, protesters and texts issued, whose demand or call in the present is their act of the
# day, not a trait (normalised, without a proclitic; modality.described_trait)
ACTS_OF_THE_DAY = [normalize_str(w) for w in (
    "الاحتجاجات", "احتجاجات", "المظاهرات", "مظاهرات", "التظاهرات", "تظاهرات", "المسيرات", "مسيرات", "المحتجين",
    "محتجين", "المتظاهرين", "متظاهرين", "الهتافات", "هتافات", "المذكرة", "مذكرة", "التغريدات", "تغريدات",
    "التغريدة", "تغريدة", "البيان", "بيان", "الرسالة", "رسالة", "العريضة", "عريضة")]
# negating nouns («وقف القصف», «عدم التدخل») negate only their own genitive, the word right
# after them: in «يقضي بوقف الدعم للحملة العسكرية» the support stops, the campaign does not.
# (Not the nouns of cancelling and postponing, which reach three words like the verbs: «إلغاء
# ترامب، زيارته», «تأجيل إرسال قافلة مساعدات» — at the cost of «إلغاء الزيارة إثر القصف», where the
# bombing took place: such a sentence was not found in the middleEast articles, the others were)
NOMINAL_NEGATORS = [normalize_str(w) for w in (
    "وقف", "بوقف", "لوقف", "عدم", "بعدم", "لعدم", "إيقاف", "بإيقاف", "لإيقاف", "توقف", "بتوقف",
    # «غير» negates the noun or participle right after it («غير مسبوق»), not a trigger further on:
    # «وآخرين ما بين سوريين وغير سوريين، في الغارات الإسرائيلية»
    "غير")]
# «وسط», «في ظل» (amid) make background only for acts other than force (clauses.CASUALTY_ROOT on): with force
# they name fighting that goes on with the act reported and happened («تقدمت القوات وسط اشتباكات
# عنيفة», «في ظل معارك عنيفة تدور»)
# (its و is a root letter: «وسط» is matched stripped too, as «سط»)
AMID = [normalize_str(w) for w in ("وسط", "سط", "ظل", "بظل")]
# words that reach fewer words than three: the nominal negators and «وسط» right before the
# trigger (further back «وسط» is mostly the centre of a place, «في وسط البلاد، استهدفت صواريخ …»);
# «رغم» two words (not the main clause after the conceded act: «ورغم العملية العسكرية، دعا النظام …»)
CONCESSION = [normalize_str(w) for w in ("رغم", "برغم", "بالرغم")]
# orders and instructions right before the act they order («توجيهات باستهداف»; not «بناء على توجيهات
# الملك، أفرجت السلطات», done by order), preparing two words («الاستعداد لبدء تحرير»; not «على أهبة
# الاستعداد في أعقاب الهجوم»)
ORDERS = [normalize_str(w) for w in ("أوامر", "توجيهات", "تعليمات")]
# ensuring reaches only the act right after it: «ضمان انسحاب المسلحين», not «لضمان سلامتها خلال
# العمليات العسكرية» (operations under way) nor «لضمان الأمن واعتقلت 20 شخصا»
ENSURING = [normalize_str(w) for w in ("ضمان", "لضمان", "بضمان")]
# foiling (modality.tsv): a terrorist attack, a bombing, an assassination foiled was not carried
# out; an attack of armed forces (19) foiled, or one the sentence tells was fought or killed, was
# fought off after it began, unless only attempted: «أحبطت القوات هجوما للحوثيين» happened,
# «إحباط محاولة هجوم بحري» did not
FOILS = [normalize_str(w) for w in ("إحباط", "احباط", "لإحباط", "بإحباط", "أحبط", "أحبطت", "أحبطوا", "يحبط", "تحبط", "لتحبط")]
ATTEMPT = normalize_str("محاولة")
ANY = normalize_str("أي")  # «لإحباط أي عملية خطف»: any such act, a condition, not one foiled
FOUGHT = r"^[وف]?(اشتب|مقتل|حتف|استشهاد|مصرع)"  # a clash or the dead after a foiled attack
FORCE_ROOT = 19
PREPARING = [normalize_str(w) for w in ("الاستعداد", "للاستعداد")]
# «ما» negates only the verb right after it («ما اعتقل»); further back it is mostly «what»: «ما تم
# استهدافه الليلة», «في ما يشتبه بأنه هجوم انتحاري», «ألا يحصل ما توعد به» (but «غالبا ما» is habitual
# as far as other words reach)
NEGATING_MA = normalize_str("ما")
BEFORE_RELATIVE_MA = [normalize_str(w) for w in (
    "هو", "هي", "الأقل", "ذلك", "هذا", "هذه", "كل", "حسب", "بحسب", "وفق", "على", "عن", "من", "إلى", "مع", "بعد", "قبل",
    "بخلاف", "يخالف", "أهم", "وراء", "بصرف", "يحصل", "سرعان")]
# a case, a file, a question of an act, or its consequences («في قضية اغتيال رفيق الحريري», «وحول ملف
# سحب القوات الأمريكية», «تداعيات انسحاب الولايات المتحدة»): a topic or a past event referred to,
# background — the noun in construct, right before the trigger (not «هذه القضية بالتعاون مع …»,
# where the act is another; nor the act's circumstances, «ملابسات الانفجار», mostly the day's news)
TOPICS = [normalize_str(w) for w in (
    "قضية", "بقضية", "لقضية", "قضيتي", "قضايا", "ملف", "بملف", "لملف", "ملفي", "ملفات", "بملفات", "لملفات", "مسألة",
    "بمسألة", "لمسألة", "موضوع", "بموضوع", "لموضوع", "تداعيات", "بتداعيات")]
NEAR_ONLY = {**dict.fromkeys(NOMINAL_NEGATORS + ORDERS + TOPICS + ENSURING, 1), normalize_str("وسط"): 1, normalize_str("سط"): 1,
             **dict.fromkeys(CONCESSION + PREPARING, 2)}
# an act introduced by the ل of purpose («ستتوجه الوزيرة إلى موسكو للقاء نظيرها», «يعتزم إرسال
# قوات لمحاربة …») shares the plan of the verb it serves: a word of plan or intent, or a verb
# with سـ, this many tokens before it makes it future too (other context words reach three)
MAX_PURPOSE_GAP = 8
PLAN_MODALITIES = ["future", "intent"]
# words that reach further into their clause than three words, up to a pause, to an act named by a
# noun (a verb starts a clause of its own: «بتهمة نشر أخبار كاذبة وأفرجت عنه لاحقا»): a habit past
# its subject to the act after «على» («ودأبت ميليشيات الحوثي الإيرانية على استهداف السعودية»), a
# charge through the list of acts it names («بتهمة "استعمال القسوة والعنف والتعذيب"»; not «التهم»,
# also the verb "devoured": «التهم الإيرانيون مدينة حلب»)
FAR_REACHING = {**dict.fromkeys([normalize_str(w) for w in ("دأب", "دأبت", "دأبوا", "يدأب", "تدأب")], 8),
                **dict.fromkeys([normalize_str(w) for w in ("بتهمة", "بتهم", "تهمة", "تهم", "تهما")], 6)}
THAT, MAX_CLAUSE_GAP = [normalize_str(w) for w in ("أن", "بأن")], 6  # «أن» after a word of plan, and how far into its clause it reaches
STOPPING_VERBS = [normalize_str(w) for w in ("يوقف", "توقف", "يوقفوا", "ينهي", "تنهي", "يتوقف", "تتوقف")]
PAUSE = "[،,؛;:]"
# «منذ» after a verb in the present tense, in its clause, tells how long the act has gone on: a
# standing situation, background («وتحاصر قوات الجيش دوما منذ عدة أشهر», «ويتظاهر الفلسطينيون منذ
# نهاية مارس»); after a past one it may be «ago», a dated act («اعتقل منذ يومين»). Not an act begun
# hours or days ago, the news of the day («ويفرض الجيش إجراءات أمنية مشددة منذ 3 أيام»), nor the
# first or the largest since («أول وزير خارجية أمريكي يزور لبنان منذ أربع سنوات»), which is done now
SINCE, MAX_SINCE_AFTER = normalize_str("منذ"), 6
RECENT = [normalize_str(w) for w in ("ساعة", "ساعات", "ساعتين", "يوم", "يومين", "أيام", "أمس", "صباح", "مساء", "فجر",
                                     "ليلة", "الليلة", *WEEKDAYS)]
# («أكثر» only definite: «أكثر من 120 فلسطينيا» is a count)
FIRST_OR_MOST = "^[وفبل]?((ال)?(" + "|".join(normalize_str(w) for w in (
    "أول", "أولى", "أكبر", "أعنف", "أخطر", "أبرز", "أطول", "أوسع", "أشد", "أعلى", "أسوأ", "أضخم")) + ")|" + normalize_str("الأكثر") + ")$"
MAX_FIRST_BEFORE = 8
# «منذ بدء / بداية / اندلاع / انطلاق …» after an act in any tense counts what went on since: «قتل 121
# فلسطينيا برصاص القوات الإسرائيلية منذ بدء مسيرات العودة» (a running total, background)
STARTS = [normalize_str(w) for w in ("بدء", "بداية", "اندلاع", "انطلاق", "انطلاقة")]
# a count that rises between the act and «منذ» takes the «منذ» for itself: «قتل خمسة مدنيين السبت
# جراء القصف ليرتفع عدد القتلى منذ بدء التصعيد» (Saturday's shelling happened)
RISING_COUNTS = [normalize_str(w) for w in ("ليرتفع", "لترتفع", "ليصل", "لتصل", "ليبلغ", "لتبلغ", "ليرفع", "لترفع")]
DEMONSTRATIVES = [normalize_str(w) for w in ("ذلك", "هذا", "هذه", "تلك")]
# the verbs a noun trigger may be anchored on (clauses._anchor_light_verbs); none starts with سـ
# and a present prefix but its future forms («ستشن», «سيفرض», «ستقدم»)
LIGHT_VERB_ALL = "|".join(LIGHT_VERBS + OBJECT_VERBS)
FUTURE_LIGHT_VERB = "^[وف]?س[يتن]"


# set phrases in which a modality word means something else (word, the word after it,
# normalised): «لا يزال», «ما زال» (still); «طائرة بدون طيار», «دون طيار» (a drone: unmanned);
# «لا سيما» (especially); «ما» before a verb of naming is "what": «ما أسماها شبكة التهديد», «ما
# وصفه بالعدوان», «ما يسمى» (so-called)
# «غالبا ما», «عادة ما», «كثيرا ما», «دائما ما» (often, usually, always): «ما» is no negation
# there, and what follows is habitual, no one event (background)
HABITUAL_BEFORE_MA = [normalize_str(w) for w in ("غالبا", "عادة", "كثيرا", "دائما", "نادرا", "قليلا")]
# hope as a noun makes an intent («عبر عن أمله في أن يزور»), but «خيبة أمله» is disappointment
# at what was done («عن خيبة أملها بقرار الولايات المتحدة»)
HOPE_NOUNS, DISAPPOINTMENT = [normalize_str(w) for w in ("أمله", "أملها", "أملهم")], normalize_str("خيبة")
# doing again with the ل of purpose (modality.tsv: «لإعادة فتح المعبر») — but after a noun of reaction
# the ل names what is reacted to, which was done: «أعرب عن أسفه لإعادة فرض العقوبات»
REDOING = [normalize_str(w) for w in ("لإعادة", "لاستئناف")]
REACTIONS = [normalize_str(stem + suffix) for stem in ("أسف", "ترحيب", "ارتياح", "إدانت", "رفض", "قلق", "تأييد", "استنكار", "تنديد")
             for suffix in ("ه", "ها", "هم", "هما")] + [normalize_str(w) for w in (
    "أسف", "ترحيب", "ارتياح", "إدانة", "رفض", "قلق", "تأييد", "استنكار", "تنديد")]
_STILL = ["يزال", "تزال", "زال", "زالت", "يزالون", "تزالان", "يزالان"]
_NAMING = [
    f"{stem}{suffix}" for stem in ("أسما", "سما", "وصف", "وصفت", "اعتبر", "اعتبرت", "يصف", "تصف", "يعتبر", "تعتبر")
    for suffix in ("", "ه", "ها", "هم", "ته", "تها")
] + ["يسمى", "تسمى", "سمي", "سميت", "يعرف", "تعرف", "عرف", "بات", "أطلق"]
# (built without a Polars operation: nothing may start Polars' thread pool at import time, or
# the processes Dagster's forkserver forks from an importing parent hang)
_SET_PHRASES = pl.DataFrame(
    list(dict.fromkeys(
        [(negator, still) for negator in ("لا", "ما") for still in _STILL] + [("بدون", "طيار"), ("دون", "طيار"), ("لا", "سيما")]
        + [("ما", normalize_str(verb)) for verb in _NAMING]
    )),
    schema={"bare": pl.String, "next_word": pl.String}, orient="row",
)


def with_modality(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame, denials: pl.DataFrame) -> pl.DataFrame:
    words = modality_words()
    # context words are compared with their و/ف stripped; a word whose و is a root letter
    # («وقف», «وشك») is also listed without it, so that «وقف القتال» and «ووقف» both match
    words = pl.concat([words, words.filter(pl.col("norm").str.contains("^[وف]..")).with_columns(pl.col("norm").str.slice(1))])
    keys = ["article_id", "sentence_index"]
    # the trigger's first word as written: «لاستهداف» (the ل of purpose), «باستخدام» (a ب the phrase holds)
    events = at_token(events, tokens, "first_token", first_word="norm")
    # a word before a noun's light verb is counted from the verb: «من المقرر أن يعقد بن سلمان محادثات»
    start = pl.min_horizontal("first_token", "anchor_first")
    distance = (
        pl.when(pl.col("token_index") < start).then(start - pl.col("token_index"))
        .when(pl.col("token_index") < pl.col("first_token")).then(pl.col("first_token") - pl.col("token_index"))
        .otherwise(pl.col("token_index") - pl.col("last_token"))
    )
    purpose = purpose_lam() & pl.col("undergone_verb").is_null()
    previous_bare = pl.col("previous_word").str.replace("^[وف]", "")
    # the pauses (commas, colons …) before each token, counted through the article: a word of
    # circumstance or a plan's «أن» does not reach past one («ورغم ذلك، اعتقلت الشرطة …»)
    pauses = tokens.select("article_id", "token_index", pauses=pl.col("gap_before").str.contains(PAUSE).cum_sum().over("article_id"))
    # a foiled attack that was fought or killed after it began: «إحباط هجوم إرهابي … أسفرت عن مقتل
    # 8 عسكريين», «إحباط الهجوم واشتبكوا مع المسلحين» (FOILS)
    fought = (
        events.select("event_row", *keys, "last_token").unique()
        .join(tokens.filter(pl.col("norm").str.contains(FOUGHT)).select(*keys, fight="token_index"), on=keys)
        .filter(pl.col("fight") > pl.col("last_token")).select("event_row", fought=pl.lit(True)).unique()
    )
    context = (
        events.select("event_row", *keys, "first_token", "last_token", "anchor_first", "cameo_code", "form_kind", purpose=purpose).unique()
        .join(fought, on="event_row", how="left")
        .join(tokens.select(*keys, "token_index", "norm", after_comma=pl.col("gap_before").str.contains("[،,]")), on=keys)
        .filter((pl.col("token_index") < pl.col("first_token")) | (pl.col("token_index") > pl.col("last_token")))
        .with_columns(distance=distance, is_after=pl.col("token_index") > pl.col("last_token"),
                      bare=pl.col("norm").str.replace("^[وف]", ""))
        .join(words, left_on="bare", right_on="norm")
        .pipe(at_token, tokens, pl.col("token_index") + 1, next_word="norm")
        .pipe(at_token, tokens, pl.col("token_index") + 2, clause_verb="norm")
        .join(pauses, on=["article_id", "token_index"])
        .join(pauses.select("article_id", first_token="token_index", trigger_pauses="pauses"), on=["article_id", "first_token"])
        .with_columns(no_pause=pl.col("pauses") == pl.col("trigger_pauses"))
        .filter(
            (pl.col("is_after") == (pl.col("scope") == "after"))
            & ((pl.col("scope") == "sentence") | (pl.col("distance") <= 3)
               | (~pl.col("is_after") & pl.col("no_pause") & ~pl.col("form_kind").str.starts_with("verb_")
                  & (pl.col("distance") <= pl.col("bare").replace_strict(FAR_REACHING, default=0, return_dtype=pl.Int64)))
               | (pl.col("purpose") & pl.col("modality").is_in(PLAN_MODALITIES) & (pl.col("distance") <= MAX_PURPOSE_GAP)
                  & (pl.col("bare") != "قد"))
               # a plan that governs a clause reaches into it, «يتوقع أن تبلور الأطراف اتفاقا»: a
               # present verb after «أن», not a stop to what goes on («يجب أن تُوقف … عمليات استهداف»)
               | (pl.col("modality").is_in(PLAN_MODALITIES) & pl.col("next_word").is_in(THAT) & ~pl.col("is_after")
                  & pl.col("clause_verb").str.contains("^[يتن]") & ~pl.col("clause_verb").is_in(STOPPING_VERBS)
                  & pl.col("no_pause") & (pl.col("distance") <= MAX_CLAUSE_GAP)))
        )
        # (nor past a demonstrative that stands for what went before: «ورغم ذلك اعتقلت الشرطة …»)
        .filter(~pl.col("bare").is_in(AMID + CONCESSION) | (pl.col("no_pause") & ~pl.col("next_word").is_in(DEMONSTRATIVES)))
        # «قد» before a present-tense verb is «may»; before a past one («وقد انعكس») it asserts
        .filter((pl.col("bare") != "قد") | pl.col("next_word").str.contains("^[يتن]"))
        .filter((pl.col("distance") <= pl.col("bare").replace_strict(NEAR_ONLY, default=None, return_dtype=pl.Int64)).fill_null(True))
        .filter(~pl.col("bare").is_in(AMID) | (pl.col("cameo_code").str.slice(0, 2).cast(pl.Int32) < CASUALTY_ROOT))
        .filter(~pl.col("bare").is_in(FOILS)
                | (((pl.col("cameo_code").str.slice(0, 2).cast(pl.Int32) != FORCE_ROOT) & ~pl.col("fought").fill_null(False))
                   | (pl.col("next_word") == ATTEMPT)) & (pl.col("next_word") != ANY))
        .join(_SET_PHRASES, on=["bare", "next_word"], how="anti")
        .pipe(at_token, tokens, pl.col("token_index") - 1, previous_word="norm")
        .filter(~(pl.col("bare").is_in(HOPE_NOUNS) & pl.col("previous_word").str.ends_with(DISAPPOINTMENT).fill_null(False)))
        .filter(~(pl.col("bare").is_in(REDOING) & previous_bare.str.replace("^[بل]", "").is_in(REACTIONS).fill_null(False)))
        # «ما» further back than the next word, or after a pronoun, a word that takes a relative or a
        # comma, is «what» («وهو ما هدد به», «سرعان ما أفرجت», «…، ما دعا الرئيس») — but «غالبا ما»
        .filter(~((pl.col("bare") == NEGATING_MA) & (
            ((pl.col("distance") > 1) & ~previous_bare.is_in(HABITUAL_BEFORE_MA).fill_null(False))
            | previous_bare.is_in(BEFORE_RELATIVE_MA).fill_null(False) | pl.col("after_comma")).fill_null(False)))
        .with_columns(modality=pl.when((pl.col("bare") == NEGATING_MA) & previous_bare.is_in(HABITUAL_BEFORE_MA))
                      .then(pl.lit("background")).otherwise("modality"))
        .group_by("event_row")
        .agg(pl.col("modality"))
    )
    found = (
        events.join(context, on="event_row", how="left")
        .join(_since_after(events, tokens, pauses), on="event_row", how="left")
        .join(_purpose_of_announced(events, triggers), on="event_row", how="left")
        .join(_called_for(events, tokens, triggers), on="event_row", how="left")
        .join(_denied_after(events, denials), on="event_row", how="left")
        .with_columns(pl.col("modality").fill_null([]), called_for=pl.col("called_for").fill_null(""),
                      denied_after=pl.col("denied_after").fill_null(False), since_after=pl.col("since_after").fill_null(False),
                      since_start=pl.col("since_start").fill_null(False))
    )
    has = lambda m: pl.col("modality").list.contains(m)  # noqa: E731
    # a present-tense verb with a bare weekday that is not the report's day announces what is
    # coming: «يستقبل الرئيس … الثلاثاء ولي العهد» said on a Saturday is next Tuesday's meeting
    # (a past one takes the past tense; «الماضي» keeps it past: no bare weekday then)
    # (not a subjunctive after «أن»: «وصل … الثلاثاء قبل أن يلتقي الرئيس» — the meeting followed;
    # before the light verb of a noun: «قبل أن تشن قوات الأمن مداهمة»)
    subjunctive = tokens.select("article_id", anchor_first=pl.col("token_index") + 1, previous_norm="norm").join(
        found.select("article_id", "anchor_first").unique(), on=["article_id", "anchor_first"], how="semi")
    found = found.join(subjunctive, on=["article_id", "anchor_first"], how="left", maintain_order="left").with_columns(
        subjunctive=pl.col("previous_norm").is_in(SUBJUNCTIVE_PARTICLES)).drop("previous_norm")
    # the light verb of a noun trigger carries سـ: «أنقرة وبغداد ستشنان هجوما»
    anchor_words = tokens.select("article_id", anchor_first="token_index", anchor_word="norm").join(
        found.select("article_id", "anchor_first").unique(), on=["article_id", "anchor_first"], how="semi")
    found = found.join(anchor_words, on=["article_id", "anchor_first"], how="left", maintain_order="left").join(
        light_verb_lemmas().select(anchor_word="norm", anchor_lemma="verb_lemma", anchor_present="present"), on="anchor_word",
        how="left", maintain_order="left",
    ).with_columns(
        future_verb=(pl.col("anchor_first") < pl.col("first_token")) & pl.col("anchor_word").str.contains(FUTURE_LIGHT_VERB),
        # or the ل of purpose: «تسعى المقاومة لشن هجوم», «ليشن هجوما» (a past verb's spelling after ل
        # is its verbal noun, triggers._nouns_after_lam)
        purpose_verb=(pl.col("anchor_first") < pl.col("first_token")) & pl.col("anchor_word").str.contains(f"^[وف]?ل({LIGHT_VERB_ALL})$"))
    # the ل of purpose on a singular verbal noun says what an act was for, not that it happened:
    # «أطلقوا صواريخ لاستهداف القوات», «وصل إلى موسكو للقاء نظيره», «الحملة التي بدأها لطرد داعش».
    # Not what was undergone («تعرضت للقصف»), nor a plural after ل, which is no purpose («تعرض لانتقادات»)
    # — and an outcome, taking control or an arrest, after لل is what an act aims at, though the
    # noun is definite: «ستمضي للسيطرة على المديرية», «نقاط تفتيش للقبض على الفارين»
    aimed_outcome = pl.col("clitic").fill_null("").str.contains("^[وف]?لل$") & pl.col("cameo_code").is_in(AIMED_OUTCOMES)
    found = found.with_columns(
        purposive=(((purpose_lam() & (pl.col("form_kind") == "verbal_noun") & ~pl.col("first_word").str.ends_with("ات"))
                    | aimed_outcome | pl.col("purpose_verb"))
                   & pl.col("undergone_verb").is_null() & ~pl.col("statement_object")).fill_null(False))
    # the present tense of control, threat, hosting, accusation or support («المناطق التي يسيطر
    # عليها الأكراد», «وتتهم إسرائيل إيران») states a standing situation (standing_verbs.txt),
    # unless something else marks it («ستستقبل», «قد يهدد»)
    # — undated: «يستقبل الرئيس اليوم السبت نظيره» is today's reception; control whatever the date,
    # which is another verb's («منبج التي يسيطر عليها …، الجمعة»)
    # Support opening its sentence («وتدعم تركيا حكومة الوفاق») is the seed article's gold event,
    # though the judged samples count such sentences as standing too
    found = at_token(found, tokens, pl.col("first_token") - 1, sentence_before="sentence_index")
    opens_sentence = pl.col("sentence_before").ne_missing(pl.col("sentence_index"))
    # So is the blockade, the threat or the aid named by a definite noun, undated and with no verb
    # that does it («الحصار الإسرائيلي المفروض», «مع استمرار التهديد الإرهابي», «ميناء يستقبل
    # المساعدات الإنسانية»): 35 of the 39 judged rows at such mentions were no new event
    standing_noun = (pl.col("first_word").str.replace("^[وفبل]", "").is_in(STANDING_NOUNS)
                     & (pl.col("date_precision") == "unknown") & (pl.col("anchor_first") == pl.col("first_token")))
    # So is the object noun (light_verb_objects.tsv) of such a verb in the present tense, undated:
    # «وتنشر الولايات المتحدة قوات عسكرية في منبج», «وتفرض السلطات المصرية قيودا على …» (a noun of
    # triggers_*.tsv keeps its modality: «ويفرض الجيش إجراءات أمنية مشددة منذ 3 أيام» was judged an act)
    anchored_present = (pl.col("anchor_first") < pl.col("first_token")) & pl.col("anchor_present")
    # (the tense of a noun anchored on a light verb is the verb's: «ويعقد مجلس الأمن اجتماعا طارئا السبت»)
    present_ahead = (((pl.col("form_kind") == "verb_present") | anchored_present.fill_null(False))
                     & ~pl.col("subjunctive").fill_null(False) & _bare_weekday() & (pl.col("event_date") < pl.col("report_date")))
    # So is an undated present verb of statement (support, rejection, criticism, demand: quad
    # classes 1 and 3) whose subject is the relative pronoun before it: «حزب الله الذي يرفض أي
    # معارضة», «النواب العراقيين الذين ينتقدون تقصير الحكومة» — a trait of the noun described,
    # not an act (the 8 judged mentions of this form were all no event); but a visit or talks («ولي
    # العهد السعودي، الذي يزور الولايات المتحدة») go on as the news is told (hosting, 043, is standing)
    # — nor what protests, protesters or a text just issued demand or call for («الاحتجاجات الشعبية
    # التي تطالب باستقالة الحكومة», «المذكرة النيابية التي تطالب بردها»): their act of the day
    ongoing_visit = pl.col("cameo_code").str.starts_with("04") & (pl.col("cameo_code") != HOST)
    # (the noun before the relative pronoun, or before its adjective: «الاحتجاجات الشعبية التي»)
    found = at_token(found, tokens, pl.col("first_token") - 2, antecedent_word="norm").pipe(
        at_token, tokens, pl.col("first_token") - 3, antecedent_head="norm")
    of_the_day = lambda word: pl.col(word).str.replace("^[وفبل]", "").is_in(ACTS_OF_THE_DAY).fill_null(False)  # noqa: E731
    described_trait = ((pl.col("form_kind") == "verb_present") & pl.col("relative_subject") & ~ongoing_visit
                       & ~of_the_day("antecedent_word") & ~of_the_day("antecedent_head")
                       & quad_class(pl.col("cameo_code")).is_in([1, 3]) & (pl.col("date_precision") == "unknown"))
    found = found.with_columns(standing_noun=standing_noun.fill_null(False)).with_columns(
        present_ahead=present_ahead, ongoing_since=pl.col("since_after") & (
        (pl.col("form_kind") == "verb_present") | anchored_present.fill_null(False) | pl.col("since_start")), standing=(
        (pl.col("form_kind") == "verb_present") & normalize(pl.col("lemma")).is_in(standing_lemmas())
        & ((pl.col("date_precision") == "unknown") | (pl.col("cameo_code") == CONTROL))
        & ~(opens_sentence & (normalize(pl.col("lemma")) == SUPPORT))) | pl.col("standing_noun")
        | described_trait.fill_null(False)
        | (anchored_present & pl.col("light_verbs").is_not_null() & pl.col("anchor_lemma").is_in(standing_lemmas())
           & (pl.col("date_precision") == "unknown")).fill_null(False))
    return _planned_weekday_ahead(found.drop(
        "anchor_word", "anchor_lemma", "anchor_present", "purpose_verb", "first_word", "sentence_before", "antecedent_word",
        "antecedent_head", "since_after", "since_start").with_columns(
        modality=pl.when(has("denied") | pl.col("denied_after")).then(pl.lit("denied"))
        .when(has("negated")).then(pl.lit("negated"))
        # a date after the report's is the future, whatever else the sentence suggests
        .when(pl.col("event_date") > pl.col("report_date")).then(pl.lit("future"))
        .when(pl.col("since").fill_null(False) | has("background") | (pl.col("ongoing_since") & ~pl.col("standing"))).then(pl.lit("background"))
        # an act someone is accused or charged of is alleged, not established: conditional
        .when(has("conditional") | (pl.col("called_for") == "alleged")).then(pl.lit("conditional"))
        # a standing noun is no act intended either, whatever the word of intent («لضمان وصول
        # المساعدات الإنسانية», «ضرورة وصول المساعدات»)
        .when(pl.col("standing_noun") & has("intent")).then(pl.lit(STANDING))
        .when(pl.col("clitic").str.contains("س") | has("future") | has("intent") | (pl.col("called_for") == "future")
              | pl.col("announced_purpose").fill_null(False) | pl.col("present_ahead") | pl.col("future_verb").fill_null(False)
              | pl.col("purposive"))
        .then(pl.lit("future"))
        .when(pl.col("standing")).then(pl.lit(STANDING))
        .otherwise(pl.lit("asserted"))
    ).drop("standing_noun"))


def _since_after(events: pl.DataFrame, tokens: pl.DataFrame, pauses: pl.DataFrame) -> pl.DataFrame:
    """(event_row, since_after, since_start): «منذ» within MAX_SINCE_AFTER words after the trigger,
    no pause between, not hours or days ago (RECENT), after the first or largest (FIRST_OR_MOST) or
    behind a rising count (RISING_COUNTS);
    `since_start` when it counts from a start (STARTS)."""
    keys = ["article_id", "sentence_index"]
    since = (
        events.select("event_row", *keys, "last_token", "first_token").unique()
        .join(tokens.filter(pl.col("norm").str.replace("^[وف]", "") == SINCE).select(*keys, since_token="token_index"), on=keys)
        .filter((pl.col("since_token") - pl.col("last_token")).is_between(1, MAX_SINCE_AFTER))
        .join(pauses.select("article_id", since_token="token_index", since_pauses="pauses"), on=["article_id", "since_token"])
        .join(pauses.select("article_id", first_token="token_index", trigger_pauses="pauses"), on=["article_id", "first_token"])
        .filter(pl.col("since_pauses") == pl.col("trigger_pauses"))
        .pipe(at_token, tokens, pl.col("since_token") + 1, since_1="norm")
        .pipe(at_token, tokens, pl.col("since_token") + 2, since_2="norm")
        .filter(~pl.col("since_1").is_in(RECENT).fill_null(False) & ~pl.col("since_2").is_in(RECENT).fill_null(False))
    )
    first_or_most = since.join(tokens.filter(pl.col("norm").str.contains(FIRST_OR_MOST)).select(*keys, "token_index"), on=keys).filter(
        pl.col("token_index").is_between(pl.col("first_token") - MAX_FIRST_BEFORE, pl.col("since_token")))
    rising = since.join(tokens.filter(pl.col("norm").str.replace("^[وف]", "").is_in(RISING_COUNTS)).select(*keys, "token_index"),
                        on=keys).filter(pl.col("token_index").is_between(pl.col("last_token"), pl.col("since_token")))
    return since.join(pl.concat([first_or_most, rising]), on="event_row", how="anti").group_by("event_row").agg(
        since_after=pl.lit(True), since_start=pl.col("since_1").is_in(STARTS).any())


def _bare_weekday() -> pl.Expr:
    """The event's date expression is a weekday alone («الثلاثاء», «يوم الثلاثاء»)."""
    expression = normalize(pl.col("date_expression").fill_null(""))
    return expression.str.contains(f"^(يوم )?({'|'.join(WEEKDAYS)})$")


def _planned_weekday_ahead(events: pl.DataFrame) -> pl.DataFrame:
    """A bare weekday dates a past event on the report's day or before it (CODEBOOK), but a
    planned one on the coming such day: «سيزور الرئيس الجزائر الثلاثاء» said on a Saturday is
    the next Tuesday. «الماضي» keeps it in the past."""
    ahead = (pl.col("modality") == "future") & _bare_weekday() & (pl.col("event_date") < pl.col("report_date"))
    return events.with_columns(event_date=pl.when(ahead).then(pl.col("event_date") + pl.duration(days=7)).otherwise("event_date"))


def _called_for(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """`called_for`: "future" when the event is what an appeal or demand earlier in the sentence
    asks for — «دعا … الناخبين إلى مقاطعة الانتخابات», «طالبت … بإطلاق سراح»; "alleged" when it
    is what someone is accused of — «اتهمت سوريا إسرائيل بشن هجوم»: introduced by إلى or بـ
    (on the trigger or on its light verb: «بشن») within a few words of a trigger of root 02
    (appeal), 03 (intent), 10 (demand) or 13 (threat), or of an accusation (112)."""
    keys = ["article_id", "sentence_index"]
    code = pl.col("cameo_code")
    calls = pl.concat([
        triggers.filter(code.str.slice(0, 2).is_in(CALL_ROOTS) | code.str.starts_with(ACCUSATION)).select(
            *keys, call_end="last_token",
            called_for=pl.when(code.str.starts_with(ACCUSATION)).then(pl.lit("alleged")).otherwise(pl.lit("future")),
        ),
        # what a deal or a text provides for is still to be done: «ينص الاتفاق … على استسلام الفصائل»
        tokens.filter(pl.col("norm").str.replace("^[وف]", "").is_in(STIPULATIONS))
        .select(*keys, call_end="token_index", called_for=pl.lit("future")),
    ])
    return (
        events.select("event_row", *keys, "first_token", "first_word", "clitic", "lemma").unique("event_row")
        .pipe(at_token, tokens, pl.col("first_token") - 1, previous_word="norm")
        # (or after a noun with ب that carries it: «نطالب … بتقديم استقالتهم», «اتهم … بتنفيذ هجوم»;
        # or على: «حثت الدول على فرض عقوبات», «ينص الاتفاق على استسلام الفصائل»; or a phrase
        # of the lexicon that holds the ب itself: «اتهمت بريطانيا النظام باستخدام السلاح الكيماوي»)
        .filter(pl.col("clitic").str.contains("ب") | pl.col("previous_word").is_in(CALLED_PREPOSITIONS)
                | (pl.col("first_word").str.contains("^[وف]?ب") & ~pl.col("lemma").str.starts_with("ب"))
                | pl.col("previous_word").str.contains("^[وف]?ب...")
                | pl.col("previous_word").str.replace("^[وف]?ب", "").is_in(LIGHT_VERBS))
        .join(calls, on=keys)
        .filter((pl.col("first_token") - pl.col("call_end")).is_between(1, MAX_CALL_GAP))
        .sort("event_row", "call_end", descending=[False, True])  # the nearest call or accusation
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "called_for")
    )


def _purpose_of_announced(events: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """`announced_purpose`: the act of purpose (ل) a few words after a trigger with سـ — «سيزور
    الوزير موسكو لبحث الأزمة»: the talks are announced with the visit."""
    keys = ["article_id", "sentence_index"]
    announced = triggers.filter(pl.col("clitic").fill_null("").str.contains("س")).select(*keys, announced="last_token")
    return (
        events.filter(purpose_lam())
        .select("event_row", *keys, "first_token").unique("event_row")
        .join(announced, on=keys)
        .filter((pl.col("first_token") - pl.col("announced")).is_between(1, MAX_PURPOSE_GAP))
        .select("event_row", announced_purpose=pl.lit(True))
        .unique()
    )


def find_denials(tokens: pl.DataFrame) -> pl.DataFrame:
    """A denial verb a few words after a contrast word, «لكن الجيش الروسي نفى», or right after a
    relative, «ما نفته الإمارات» (contrast, deny)."""
    keys = ["article_id", "sentence_index"]
    denials = modality_words().filter(pl.col("modality") == "denied")["norm"].to_list()
    deny = tokens.filter(pl.col("norm").is_in(with_proclitics(denials + DENIED_IT, ("و", "ف")))).select(
        *keys, deny="token_index", denied_it=pl.col("norm").is_in(DENIED_IT))
    contrast = tokens.filter(pl.col("norm").is_in(with_proclitics(CONTRASTS + RELATIVES, ("و", "ف")))).select(
        *keys, contrast="token_index", relative=pl.col("norm").str.replace("^[وف]", "").is_in(RELATIVES),
        # («الذي / التي» follow their noun: it is the act only when the trigger ends right before —
        # but «الأمر الذي», «وهو الأمر الذي» stand for what went before, as «ما» does)
        relative_noun=pl.col("norm").str.replace("^[وف]", "").is_in(RELATIVE_NOUNS))
    contrast = at_token(contrast, tokens, pl.col("contrast") - 1, word_before="norm").with_columns(
        relative_noun=pl.col("relative_noun") & ~pl.col("word_before").is_in(MATTER).fill_null(False)).drop("word_before")
    gap = pl.col("deny") - pl.col("contrast")
    found = deny.join(contrast, on=keys).filter(
        pl.when(pl.col("relative")).then((gap == 1) & pl.col("denied_it"))
        .otherwise(gap.is_between(1, MAX_DENIAL_GAP) & ~pl.col("denied_it"))).drop("denied_it")
    # the last charge before a relative (null: none)
    charges = tokens.filter(pl.col("norm").str.contains(CHARGE)).select(*keys, charge="token_index")
    last_charge = (found.filter("relative").select(*keys, "contrast").unique().join(charges, on=keys)
                   .filter(pl.col("charge") < pl.col("contrast")).group_by(*keys, "contrast").agg(pl.col("charge").max()))
    return found.join(last_charge, on=[*keys, "contrast"], how="left")


def _denied_after(events: pl.DataFrame, opened: pl.DataFrame) -> pl.DataFrame:
    """`denied_after`: a denial later in the sentence, opened by «لكن», «بينما», «غير أن» …: «قصفت
    طائرات المدينة، لكن الجيش الأميركي نفى ذلك»; or by a relative right after the act («… ما نفته
    الإمارات», find_denials). Not for statements and accusations, whose act
    is what is denied (SPEECH_ROOTS: «اتهمت تركيا … لكن الحزب نفى» — the charge was made)."""
    keys = ["article_id", "sentence_index"]
    speech = pl.col("cameo_code").str.slice(0, 2).is_in(SPEECH_ROOTS)
    return (
        events.select("event_row", *keys, "last_token", speech=speech).unique("event_row")
        .join(opened, on=keys)
        .filter((pl.col("contrast") > pl.col("last_token"))
                & (~pl.col("relative") | (pl.col("contrast") - pl.col("last_token") <= MAX_DENIED_GAP)))
        # (a relative denies only the act just before it, and a charge is what it denies: «قطعت
        # السعودية علاقاتها … واتهمتها بدعم الإرهاب، وهو ما تنفيه الدوحة» — the break happened)
        .filter(~pl.col("relative") | (pl.col("last_token") == pl.col("last_token").max().over(*keys, "contrast")))
        .filter(~pl.col("relative") | (pl.col("last_token") > pl.col("charge")).fill_null(True))
        .filter(~pl.col("relative_noun") | (pl.col("last_token") == pl.col("contrast") - 1))
        .filter(~pl.col("speech"))
        .select("event_row", denied_after=pl.lit(True))
        .unique()
    )
