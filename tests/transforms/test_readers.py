"""Every reader on real files from the shared corpus (and small hostile variants)."""

import io
import json
import zipfile

import pytest

from tests.conftest import SAUDI, SEED, ant_member
from transforms.inputs import read_bytes
from transforms.readers import html_page, json_records, plain_text, trec_xml
from transforms.readers.archive import Limits
from transforms.rejections import Rejected

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _records(data: bytes, name: str) -> list:
    return [found.item for found in read_bytes(data, name, Limits())]


def _saudi_records(day: str = "2015-07-23") -> list[dict]:
    with zipfile.ZipFile(SAUDI / f"{day}.zip") as archive:
        return json.loads(archive.read(f"{day}.json"))


class TestSeedTextLayout:
    record = next(plain_text.read(SEED_TEXT))

    def test_header_lines(self):
        assert self.record["section"] == "سياسة عربية"
        assert self.record["title"] == "صحيفة: حفتر زار دمشق سرا للتنسيق ضد تركيا"
        assert self.record["caption"] == "الزيارة مهدت الطريق لاستنئناف العلاقات بين النظام والحكومة الليبية الموازية"
        assert self.record["photo_credit"] == "الأناضول"

    def test_related_story_link_is_kept_apart_from_the_text(self):
        assert self.record["related_links"] == ['اقرأ أيضا: اتفاق بين حكومة "الثني" و"الأسد" على افتتاح بعثات دبلوماسية']
        assert "اقرأ أيضا" not in self.record["text"]

    def test_body_is_the_original_text_verbatim(self):
        text = self.record["text"]
        assert text.startswith("كشفت صحيفة الشرق الأوسط")
        assert text.endswith("أوقعت قتلى من الطرفين.")
        # every body line is a line of the file, unchanged (double spaces included)
        assert all(line in SEED_TEXT for line in text.splitlines())
        assert "والنظام السوري\u00a0 والحكومة السورية" in text  # NBSP + space, as in the file

    def test_prose_without_header_is_all_body(self):
        body = "وقال المتحدث إن الوفد وصل إلى القاهرة صباح اليوم. وأضاف أن المحادثات ستستمر يومين."
        record = next(plain_text.read(body))
        assert record["title"] is None and record["text"] == body


class TestTrecXml:
    def test_ant_article(self):
        data = ant_member("2018-03-01.zip", "SkyNews/internationalNews/SK-internationalNews-202-20180301.txt")
        [record] = _records(data, "SK-internationalNews-202-20180301.txt")
        assert record["external_id"] == "SK-internationalNews-202-20180301"
        assert record["source"] == "skynews" and record["section"] == "internationalNews"
        assert record["title"] == "كوسوفو تعلن عن إحباط مخطط لاغتيالات سياسية"
        assert record["published_raw"] == "Thu, 01 Mar 2018 00:30:44 GMT"
        assert record["url"] == "https://www.skynewsarabia.com/web/article/1026090"
        assert record["text"].startswith("أعلن مكتب الادعاء العام في كوسوفو")
        assert record["parse_warning"] is None

    @pytest.mark.parametrize(
        ("zip_name", "member", "warning", "kept"),
        [
            ("2018-03-01.zip", "Alarabia/economy/AL-economy-141-20180301.txt", "bare '&'", "&"),
            ("2018-02-15.zip", "Alarabia/sport/AL-sport-70-20180215.txt", "bare '<'", "<"),
            ("2018-02-20.zip", "Alarabia/economy/AL-economy-62-20180220.txt", "U+0002", None),
        ],
    )
    def test_malformed_ant_files_are_recovered_not_thrown_away(self, zip_name, member, warning, kept):
        data = ant_member(zip_name, member)
        with pytest.raises(Exception):
            import xml.etree.ElementTree as ET

            ET.fromstring(data)
        [record] = _records(data, member)
        assert warning in record["parse_warning"]
        assert len(record["text"]) > 200
        if kept:
            assert kept in record["text"] or kept in (record["title"] or "") + (record["abstract"] or "")
        assert "\x02" not in record["text"]

    def test_several_records_in_one_file_and_an_empty_one(self):
        doc = "<DOC><DOCNO>A-1</DOCNO><TITLE>عنوان</TITLE><TEXT>نص الخبر الأول</TEXT></DOC>\n"
        empty = "<DOC><DOCNO>A-2</DOCNO><TITLE>عنوان</TITLE><TEXT>  </TEXT></DOC>\n"
        items = list(trec_xml.read(doc + empty + doc.replace("A-1", "A-3")))
        assert [i["external_id"] for i in items if isinstance(i, dict)] == ["A-1", "A-3"]
        [rejected] = [i for i in items if isinstance(i, Rejected)]
        assert rejected.reason == "no_text" and rejected.record == 1

    def test_entity_declarations_are_refused_not_expanded(self):
        evil = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]><DOC><TEXT>&x;</TEXT></DOC>'
        with pytest.raises(Rejected) as caught:
            list(trec_xml.read(evil))
        assert caught.value.reason == "xml_entity_declaration"

    def test_xml_that_is_not_trec_is_rejected(self):
        with pytest.raises(Rejected) as caught:
            _records(b"<rss><item>x</item></rss>", "feed.xml")
        assert caught.value.reason == "malformed_xml"


class TestJson:
    def test_saudinewsnet_array_in_its_daily_zip(self):
        with open(SAUDI / "2015-07-23.zip", "rb") as handle:
            items = _records(handle.read(), "2015-07-23.zip")
        records = [i for i in items if isinstance(i, dict)]
        rejected = [i for i in items if isinstance(i, Rejected)]
        raw = _saudi_records()
        assert len(records) + len(rejected) == len(raw) == 1318
        assert {r.reason for r in rejected} == {"no_text"}
        assert len(rejected) == sum(1 for r in raw if not r["content"].strip())
        first = records[0]
        assert first["source"] == raw[0]["source"] and first["url"] == raw[0]["url"]
        assert first["published_raw"] == raw[0]["date_extracted"] and first["published_basis"] == "crawl_time"
        assert first["text"] == raw[0]["content"].strip()

    def test_field_aliases_first_present_wins(self):
        obj = {"docno": "D1", "content": "نص", "body": "ignored", "date": "2020-03-04", "category": "سياسة", "src": "x"}
        [record] = json_records.read(json.dumps(obj, ensure_ascii=False))
        assert (record["external_id"], record["text"], record["published_raw"], record["section"], record["source"]) == (
            "D1",
            "نص",
            "2020-03-04",
            "سياسة",
            "x",
        )
        assert record["published_basis"] == "record"

    def test_json_lines_with_a_broken_line(self):
        raw = _saudi_records()[:3]
        lines = [json.dumps(r, ensure_ascii=False) for r in raw]
        lines.insert(1, '{"title": "truncated", "content": ')
        items = list(json_records.read("\n".join(lines), lines=True))
        assert [type(i).__name__ for i in items] == ["dict", "Rejected", "dict", "dict"]
        assert items[1].reason == "malformed_json" and items[1].record == 1

    def test_malformed_json_file(self):
        with pytest.raises(Rejected) as caught:
            list(json_records.read('[{"title": "x", "text": "y"}'))
        assert caught.value.reason == "malformed_json"

    def test_non_object_records_are_rejected_one_by_one(self):
        items = list(json_records.read('[1, {"text": "نص"}, "x"]'))
        assert [isinstance(i, Rejected) for i in items] == [True, False, True]


class TestHtml:
    page = (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><title>عربي21</title>"
        "<meta property='og:title' content='حفتر زار دمشق سرا'>"
        "<meta property='article:published_time' content='2020-03-04T10:00:00+03:00'>"
        "<link rel='canonical' href='https://arabi21.com/story/1'></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav><script>var x = '<p>لا</p>';</script>"
        "<article><h1>حفتر زار دمشق سرا</h1>"
        + "".join(f"<p>{p}</p>" for p in SEED_TEXT.split("\n\n")[3:6])
        + "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )

    def test_main_text_title_date_and_url(self):
        [record] = _records(self.page.encode("utf-8"), "story.html")
        assert record["title"] == "حفتر زار دمشق سرا"
        assert record["text"].startswith("كشفت صحيفة الشرق الأوسط")
        assert "الرئيسية" not in record["text"] and "var x" not in record["text"]
        assert record["published_raw"] == "2020-03-04"
        assert record["url"] == "https://arabi21.com/story/1"

    def test_recognised_by_content_without_extension(self):
        assert html_page.looks_like(self.page)
        [record] = _records(self.page.encode("utf-16"), "story")
        assert record["title"] == "حفتر زار دمشق سرا"

    def test_page_without_text(self):
        with pytest.raises(Rejected) as caught:
            _records(b"<html><body><script>alert(1)</script></body></html>", "empty.html")
        assert caught.value.reason == "no_text"


class TestArchives:
    @staticmethod
    def _zip(members: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def test_members_of_every_format_nested_archive_and_unsafe_names(self):
        ant = ant_member("2018-03-01.zip", "SkyNews/internationalNews/SK-internationalNews-202-20180301.txt")
        inner = self._zip({"seed.txt": SEED_TEXT.encode("cp1256")})
        data = self._zip(
            {
                "a/ant.txt": ant,
                "b/seed-utf16.txt": SEED_TEXT.encode("utf-16"),
                "c/inner.zip": inner,
                "../escape.txt": SEED_TEXT.encode(),
                "d/readme.pdf": b"%PDF-1.4 nothing",
            }
        )
        found = list(read_bytes(data, "batch.zip", Limits()))
        by_member = {f.member: f for f in found}
        assert set(by_member) == {"../escape.txt", "a/ant.txt", "b/seed-utf16.txt", "c/inner.zip!seed.txt", "d/readme.pdf"}
        assert by_member["../escape.txt"].item.reason == "unsafe_path"
        assert by_member["d/readme.pdf"].item.reason == "unsupported_type"
        assert by_member["a/ant.txt"].format == "trec_xml"
        assert (by_member["b/seed-utf16.txt"].encoding, by_member["c/inner.zip!seed.txt"].encoding) == ("utf-16", "cp1256")
        assert by_member["b/seed-utf16.txt"].item["text"] == by_member["c/inner.zip!seed.txt"].item["text"]

    def test_truncated_archive_is_rejected(self):
        data = (SAUDI / "2015-07-23.zip").read_bytes()[:5000]
        with pytest.raises(Rejected) as caught:
            _records(data, "cut.zip")
        assert caught.value.reason == "corrupt_archive"

    def test_limits_on_members_and_nesting(self):
        many = self._zip({f"{i}.txt": b"x" for i in range(30)})
        with pytest.raises(Rejected) as caught:
            list(read_bytes(many, "many.zip", Limits(max_members=10)))
        assert caught.value.reason == "archive_limit"
        deep = self._zip({"l2.zip": self._zip({"l3.zip": self._zip({"a.txt": SEED_TEXT.encode()})})})
        [found] = list(read_bytes(deep, "deep.zip", Limits(max_depth=2)))
        assert found.item.reason == "archive_limit" and found.member == "l2.zip!l3.zip"

    def test_zip_bomb_member_is_refused(self):
        bomb = self._zip({"bomb.txt": b"0" * (40 * 2**20)})
        [found] = list(read_bytes(bomb, "bomb.zip", Limits()))
        assert found.item.reason == "archive_limit"
