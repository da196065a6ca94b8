"""Actor mentions with the real dictionary: the seed article's gold actors and the rules
that Arabic news needs (composition, titles, possessives, short names, unknown names)."""

from datetime import datetime

import polars as pl
import pytest
import yaml

from tests.conftest import SEED, SHARED
from transforms.actors.lexicon import load
from transforms.extraction import extract
from transforms.readers import plain_text

GOLD = yaml.safe_load((SHARED / "gold/events/arabi21_haftar_damascus.yaml").read_text(encoding="utf-8"))
SEED_RECORD = next(plain_text.read(SEED.read_text(encoding="utf-8")))


def _extract(text: str, day: datetime = datetime(2020, 3, 4)):
    return extract(pl.DataFrame({"article_id": ["a"], "text": [text], "published_at": [day]}))


@pytest.fixture(scope="module")
def seed_mentions() -> pl.DataFrame:
    return _extract(SEED_RECORD["text"], datetime.fromisoformat(str(GOLD["published_at"]))).entity_mentions


@pytest.mark.parametrize(
    ("name", "code", "form"),
    [(a["name"], a["code"], form) for a in GOLD["actors"] for form in a.get("mentions") or [a["name"]]],
)
def test_every_gold_actor_form_is_found_and_resolved(seed_mentions, name, code, form):
    # the form ends the name as written: «وكامل» holds «كامل», «حكومة الثني» holds «الثني»
    names = seed_mentions.with_columns(
        name=pl.lit(SEED_RECORD["text"]).str.slice(pl.col("name_start"), pl.col("name_end") - pl.col("name_start"))
    )
    found = names.filter(pl.col("name").str.ends_with(form))
    assert found.height, f"{form} ({name}) not found"
    assert set(found["cameo_code"]) == {code}, found.select("surface", "actor_id", "cameo_code").rows()


def test_one_person_one_actor_whatever_the_form(seed_mentions):
    haftar = seed_mentions.filter(pl.col("actor_id") == "khalifa_haftar")
    assert {"اللواء المتقاعد خليفة حفتر", "المشير خليفة حفتر", "حفتر", "وحفتر"} <= set(haftar["surface"])
    # «قوات حفتر» is Haftar's Libyan National Army, coded as Libya's military
    assert seed_mentions.filter(pl.col("surface") == "قوات حفتر")["cameo_code"].unique().to_list() == ["LBYMIL"]
    sarraj = set(seed_mentions.filter(pl.col("surface").str.contains("السراج"))["actor_id"])
    assert sarraj == {"fayez_al_sarraj"}  # فائز and فايز


def test_titles_join_the_name_and_the_name_span_excludes_them(seed_mentions):
    row = seed_mentions.filter(pl.col("surface") == "وزير الخارجية السوري وليد المعلم").row(0, named=True)
    assert row["actor_id"] == "walid_al_muallem" and row["cameo_code"] == "SYRGOV"
    assert SEED_RECORD["text"][row["name_start"] : row["name_end"]] == "وليد المعلم"


def test_nothing_comes_from_the_photo_credit_or_related_story(seed_mentions):
    assert not seed_mentions.filter(pl.col("surface").str.contains("الأناضول")).height
    assert "اقرأ أيضا" not in SEED_RECORD["text"]


def test_state_institutions_are_composed_from_agent_and_demonym():
    refs = _extract("قالت الحكومة السورية إن المخابرات المصرية والجيش التركي ووزير خارجية تركيا اجتمعوا.").actor_references
    composed = dict(refs.filter(pl.col("reference_kind") == "composed").select("surface", "cameo_code").iter_rows())
    assert composed == {
        "الحكومة السورية": "SYRGOV",
        "المخابرات المصرية": "EGYSPY",
        "والجيش التركي": "TURMIL",
        "ووزير خارجية تركيا": "TURGOV",
    }
    # the services of the armed forces, royal or not, and a head of state in construct
    refs = _extract("وقال قائد القوات البرية الملكية السعودية إن رئيس دولة جنوب السودان زار القاهرة.").actor_references
    composed = dict(refs.filter(pl.col("reference_kind") == "composed").select("surface", "cameo_code").iter_rows())
    assert composed == {"القوات البرية الملكية السعودية": "SAUMIL", "رئيس دولة جنوب السودان": "SSDGOV"}
    # a demonym in the masculine plural names people, not the body's country: the ministry's object
    refs = _extract("وحثت وزارة الخارجية المصريين في الخارج على المشاركة بالانتخابات.").actor_references
    assert not refs.filter(pl.col("reference_kind") == "composed").height
    # (but it describes a plural of people heading the body: «مقاتلي المعارضة السوريين»)
    refs = _extract("وقالت مصادر إن مقاتلي المعارضة السوريين سيطروا على البلدة.").actor_references
    assert refs.filter(pl.col("reference_kind") == "composed")["cameo_code"].to_list() == ["SYRREB"]
    # the general staff, and no body in «برئاسة» (chaired by)
    refs = _extract("وأعلنت رئاسة الأركان التركية عقد اجتماع برئاسة الوزير التركي.").actor_references
    composed = dict(refs.filter(pl.col("reference_kind") == "composed").select("surface", "cameo_code").iter_rows())
    assert composed == {"رئاسة الأركان التركية": "TURMIL", "الوزير التركي": "TURGOV"}
    # the coast guard is a state's force
    refs = _extract("وقال شهود إن خفر السواحل الهندي شارك في مداهمة اليخت.").actor_references
    assert refs.filter(pl.col("reference_kind") == "composed")["cameo_code"].to_list() == ["INDMIL"]
    # a source's demonym and the official it is: a Saudi official
    refs = _extract("ورحب مصدر سعودي مسؤول بقرار المحكمة.").actor_references
    assert refs.filter(pl.col("reference_kind") == "composed")["cameo_code"].to_list() == ["SAUGOV"]


def test_a_short_name_needs_the_full_name_in_the_same_article():
    alone = _extract("قال المعلم إن الطلاب عادوا إلى المدارس.").entity_mentions
    assert not alone.filter(pl.col("actor_id") == "walid_al_muallem").height
    both = _extract("التقى وليد المعلم نظيره. وقال المعلم إن اللقاء كان مثمرا.").entity_mentions
    assert both.filter(pl.col("actor_id") == "walid_al_muallem").height == 2
    # an organisation's short name too: «التحالف» is the coalition the article names in full
    coalition = lambda text: _extract(text).entity_mentions.filter(pl.col("surface") == "التحالف")["actor_id"].to_list()  # noqa: E731
    assert coalition("واستهدفت طائرات التحالف مواقع للمسلحين.") == []
    assert coalition("أعلن التحالف العربي بدء عملية. واستهدفت طائرات التحالف مواقع للحوثيين.") == ["saudi_led_coalition"]
    assert coalition("قصف التحالف الدولي مواقع لداعش. وقال التحالف إن الغارات دمرت مقرا.") == ["us_led_coalition"]
    # in an article about the Houthis that names neither coalition in full, it is the Saudi-led one
    assert coalition("وقصف الحوثيون مدينة جازان. وقال التحالف إنه اعترض صاروخا.") == ["saudi_led_coalition"]
    assert coalition("قال الحوثيون إن التحالف الدولي قصف مواقعهم. وقال التحالف إن الغارات دمرت مقرا.") == ["us_led_coalition"]
    # not before a definite word, which names another alliance (an Iraqi bloc)
    assert coalition("وقصف الحوثيون مدينة جازان. وفي العراق قال رئيس التحالف الوطني عمار الحكيم إن الحوار مستمر.") == []
    # every context actor the lexicon names is an actor of the lexicon
    lexicon = load()
    assert set(lexicon.short_contexts["context_id"]) <= set(lexicon.actors["actor_id"])


def test_a_coalition_is_named_by_who_leads_it():
    """«التحالف الذي تقوده السعودية / الولايات المتحدة»: the Saudi-led and the US-led coalitions."""
    leads = lambda text: _extract(text).entity_mentions["actor_id"].to_list()  # noqa: E731
    assert "saudi_led_coalition" in leads("وقصفت طائرات التحالف الذي تقوده السعودية مخازن أسلحة في صنعاء.")
    assert "us_led_coalition" in leads("واستهدف التحالف الدولي الذي تقوده الولايات المتحدة مواقع لداعش.")
    # without the article too, and then «التحالف» alone is that coalition
    coalition = lambda text: _extract(text).entity_mentions.filter(pl.col("surface") == "التحالف")["actor_id"].to_list()  # noqa: E731
    assert coalition("ويدعم الجيش الأمريكي تحالفا تقوده السعودية في اليمن. وقال التحالف إن الغارات دمرت مخزنا.") == ["saudi_led_coalition"]
    assert coalition("وأشار إلى تحالف دولي تقوده الولايات المتحدة يقاتل داعش. وقال التحالف إن الغارات دمرت مقرا.") == ["us_led_coalition"]


def test_common_misspellings_of_militia_are_militias():
    """«ميليشات الحوثي», «ميلشيات»: the news often drops or moves a ي of «ميليشيات»."""
    houthis = _extract("قصفت طائرات التحالف تجمعات لمسلحي ميليشات الحوثي.").entity_mentions
    assert houthis.filter(pl.col("actor_id") == "houthis")["surface"].to_list() == ["ميليشات الحوثي"]
    militias = _extract("وقال الجيش العراقي إن الميلشيات انسحبت.").actor_references
    assert "UAF" in militias["role_code"].to_list()


    # a right-to-left mark before «الحوثي» (as the news sites write it) does not part the phrase
    struck = _extract("شنت وحدات الجيش اليمني هجوما على مواقع ميليشيا \u200fالحوثي الإيرانية في تعز.").event_mentions
    assert struck["target_code"].to_list() == ["YEMREB"]


def test_putschists_are_rebels_of_the_country_named():
    """«الانقلابيين» (the putschists): the Houthis in Yemen news, the coup plotters in Turkey's."""
    struck = _extract("واستهدف الانقلابيون الأحياء السكنية جنوب مدينة الحديدة اليمنية.").event_mentions
    assert struck["source_code"].to_list() == ["YEMREB"]


def test_a_persons_code_follows_their_role_on_the_article_date():
    text = "التقى مايك بومبيو وفدا عراقيا."
    assert _extract(text, datetime(2017, 6, 1)).entity_mentions.filter(pl.col("actor_id") == "mike_pompeo")["cameo_code"].to_list() == ["USASPY"]
    assert _extract(text, datetime(2019, 6, 1)).entity_mentions.filter(pl.col("actor_id") == "mike_pompeo")["cameo_code"].to_list() == ["USAGOV"]


def test_names_not_in_the_dictionary_still_become_mentions():
    text = "وصرح العميد سامر الخطيب للصحفيين بأن حزب الفجر الأخضر سيشارك، وأكد أن زياد الفرحاتي عاد إلى بيروت. وقال الفرحاتي إنه بخير."
    mentions = _extract(text).entity_mentions
    unknown = mentions.filter(pl.col("actor_id").is_null())
    names = {text[s:e]: t for s, e, t in unknown.select("name_start", "name_end", "entity_type").iter_rows()}
    assert names.get("سامر الخطيب") == "PER"
    assert names.get("زياد الفرحاتي") == "PER"
    assert names.get("الفرحاتي") == "PER"  # the family name alone, later in the same article
    assert names.get("حزب الفجر الأخضر") == "ORG"
    assert mentions.filter(pl.col("surface") == "بيروت")["cameo_code"].to_list() == ["LBN"]


def test_two_cues_giving_one_span_settle_its_type_by_the_cue_inside_it():
    """«المدينة» (a place cue, left out of the name) and «حركة» (an organisation cue, part of the
    name) give the same span: the cue inside decides, in every run (it used to follow row order)."""
    text = "وتشهد المدينة حركة نزوح واسعة مع فرار المدنيين."
    for _ in range(5):
        [row] = _extract(text).entity_mentions.filter(pl.col("surface") == "حركة نزوح").rows(named=True)
        assert row["entity_type"] == "ORG"


def test_agents_with_a_possessive_suffix_are_agents():
    refs = _extract("أعلن الرئيس السوري أن حكومته لن تتفاوض، وقال إن قواتها ستبقى في إدلب. وأكد أن جيشه مستعد.").actor_references
    roles = dict(refs.filter(pl.col("reference_kind") == "agent").select("surface", "role_code").iter_rows())
    assert roles == {"حكومته": "GOV", "قواتها": "MIL", "جيشه": "MIL"}


def test_a_teh_marbuta_is_no_possessive_suffix():
    """«محافظة» (province) is no «محافظ» (governor) + ه, «الإرهابية» no «الإرهابي» + ه: the
    normalised ه of a teh marbuta, and a word with the article, take no suffix. The feminine
    people words are agents of their own (agents.tsv)."""
    refs = _extract("وقصفت الطائرات مواقع في محافظة إدلب، وأدانت الحكومة الأعمال الإرهابية. "
                    "وقالت مسؤولة أمريكية إن خلية إرهابية اعتقلت.").actor_references
    codes = dict(refs.select("surface", pl.coalesce("cameo_code", "role_code")).iter_rows())
    assert "محافظة" not in codes and "الإرهابية" not in codes
    assert codes["مسؤولة أمريكية"] == "USAGOV" and codes["خلية إرهابية"] == "UAF"


def test_homographs_of_actor_names_are_not_actors():
    # «القضاء على» is «to eliminate», not the judiciary; the judiciary itself stays
    refs = _extract("وتعهد الرئيس بالقضاء على الفساد، وأحال القضاء العراقي الملف إلى التحقيق.").actor_references
    assert refs.filter(pl.col("role_code") == "JUD")["surface"].to_list() == ["القضاء العراقي"]
    # «الجبل الأسود» alone is a mountain; beside another state it is Montenegro
    mountain = _extract("وقصفت الطائرات مواقع المسلحين في الجبل الأسود شمال محافظة صعدة.").entity_mentions
    assert "MTN" not in set(mountain["cameo_code"])
    balkans = _extract("واستقبلت كرواتيا والجبل الأسود وفدا أوروبيا.").entity_mentions
    assert "MTN" in set(balkans["cameo_code"])


def _codes_of(text: str, word: str) -> set:
    mentions = _extract(text).entity_mentions
    return set(mentions.filter(pl.col("surface").str.contains(word))["cameo_code"])


def test_amman_or_oman_is_the_state_the_article_names_otherwise():
    """«عمان» is Oman and Amman (Jordan's capital): the one of the two the article names
    otherwise (mentions._by_other_namings); with neither, Oman."""
    assert _codes_of("تظاهر آلاف الأردنيين أمام مقر الحكومة في عمان احتجاجا على قانون الضريبة.", "عمان") == {"JOR"}
    assert _codes_of("استقبل السلطان قابوس في مسقط وزير الخارجية الإيراني. وتقع عمان على بحر العرب.", "عمان") == {"OMN"}
    assert _codes_of("وزار وزير الخارجية الأمريكي عمان.", "عمان") == {"OMN"}


def test_al_mamlaka_refers_back_to_the_most_named_kingdom():
    """«المملكة» alone is a short name of every kingdom (lexicon._kingdom_references), valid after
    the kingdom is named and given to the most named one."""
    assert _codes_of("أعلنت السعودية موقفها. وقالت المملكة إنها ترفض التدخل.", "المملكة") == {"SAU"}
    assert _codes_of("وقالت المملكة إنها ترفض التدخل.", "المملكة") == set()


def test_an_indefinite_agent_and_the_agent_after_it_are_one_reference():
    """«قوات الجيش», «ضباط المخابرات»: one reference, whose role the genitive settles when it
    names which armed men they are; after a definite agent the next one is another actor (the
    object: «اعتقلت الشرطة المحتجين»), and an office is left to the person it titles."""
    refs = _extract("وقال ضباط المخابرات العراقية إن قوات الجيش اعتقلت الشرطة المحتجين.").actor_references
    assert dict(refs.select("surface", "role_code").iter_rows()) == {
        "ضباط المخابرات العراقية": "SPY", "قوات الجيش": "MIL", "الشرطة": "COP", "المحتجين": "OPP"}


def test_the_district_of_columbia_is_not_colombia():
    """«محكمة مقاطعة كولومبيا الجزئية» is a court of Washington, D.C. (regions.tsv; sample 19, row 110)."""
    found = _extract("وقالت الولايات المتحدة إن هيئة محلفين كبرى في محكمة مقاطعة كولومبيا الجزئية وجهت الاتهام.").entity_mentions
    assert "COL" not in set(found["cameo_code"].drop_nulls())
    assert "district_of_columbia" in set(found["actor_id"].drop_nulls())


def test_a_month_a_father_or_tear_gas_is_no_place():
    """«آب» (August) and «أب» (a father) are not Ibb, which is written «إب»; «المسيلة للدموع» is
    tear gas, not M'Sila (place_exclusions.txt); «القنيطرة» is Syria's Quneitra, not Kenitra."""
    text = ("وفي 12 آب/أغسطس قال أب لأحد الضحايا إن الجيش أطلق القنابل المسيلة للدموع في محافظة القنيطرة، "
            "بعد غارة على محافظة إبّ.")
    places = dict(_extract(text).entity_mentions.filter(pl.col("entity_type") == "LOC").select("surface", "country_code").iter_rows())
    assert places == {"محافظة القنيطرة": "SYR", "إبّ": "YEM"}


def test_financial_is_neither_male_nor_mali():
    """«مالية» is financial, not Malé (the Maldives' capital is out of countries.tsv); «مالي» is Mali
    only beside another state or named otherwise in the article."""
    financial = _extract("وقدمت قطر دعما ماليا ومساعدات مالية لتركيا، وفرضت المحكمة غرامة مالية ودعم مالي.").entity_mentions
    assert not set(financial["country_code"].drop_nulls()) & {"MDV", "MLI"}
    assert "MLI" in set(_extract("وأرسلت فرنسا قوات إلى مالي والنيجر.").entity_mentions["country_code"])
    assert "MLI" in set(_extract("وأدانت فرنسا الهجوم على قاعدة عسكرية في مالي.").entity_mentions["country_code"])


def test_the_island_is_not_al_jazeera():
    """«الجزيرة» alone is the island or the peninsula; Al Jazeera once the channel is named."""
    island = _extract("وأعلنت السلطات اليمنية الجزيرة منطقة منكوبة بعد الإعصار في سقطرى.").entity_mentions
    assert "al_jazeera" not in set(island["actor_id"].drop_nulls()) and "DZA" not in set(island["country_code"].drop_nulls())
    channel = _extract("وانتقد الوزير قناة الجزيرة القطرية، وقال إن الجزيرة تنشر الأكاذيب.").entity_mentions
    assert channel.filter(pl.col("actor_id") == "al_jazeera").height == 2
    # a correspondent's outlet is the channel, named in full or not
    reporter = _extract("وأفاد مراسل الجزيرة في غزة بأن طائرة إسرائيلية قصفت موقعا.").entity_mentions
    assert reporter.filter(pl.col("actor_id") == "al_jazeera")["surface"].to_list() == ["مراسل الجزيرة"]


def test_a_rivers_bank_is_not_the_west_bank():
    """«الضفة الشرقية لنهر الفرات» is a bank of the Euphrates; «الضفة الغربية» alone is the West Bank
    (regions.tsv, WSB)."""
    found = _extract("سيطرت القوات على مواقع في الضفة الشرقية لنهر الفرات. واقتحم الجيش قرى في الضفة الغربية.").entity_mentions
    assert found.filter(pl.col("actor_id") == "WSB")["sentence_index"].to_list() == [1]


def test_where_a_weapon_was_made_names_no_actor():
    """«صواريخ إيرانية الصنع»: the demonym before «الصنع» says where the missiles were made; it gives
    the putschists who fired them no country (mentions._MADE)."""
    events = _extract("وقال التحالف إن الانقلابيين في اليمن يهددون السعودية. وأطلق الانقلابيون صواريخ إيرانية الصنع على نجران.").event_mentions
    fired = events.filter(pl.col("trigger") == "صواريخ")
    assert fired.height and not fired["source_code"].str.starts_with("IRN").any()
