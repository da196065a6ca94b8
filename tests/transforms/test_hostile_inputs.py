"""Hostile and broken inputs, reader by reader: each ends as rejection rows with a reason and a
detail, or as articles with visible text — never an exception, a hang or unbounded memory.

Property-based (hypothesis) where inputs can be generated; fixed cases for the classics (zip
bombs, billion laughs, text shaped to make a regex backtrack, symlinks, pipes). Cases that
could hang or exhaust memory run in a child process, which reports its peak RSS and is killed
after HANG_SECONDS. RASD_HYPOTHESIS_EXAMPLES sets how many examples each property tries
(`benchmarks.reliability` runs them with more); files of hundreds of MB are `slow`.
"""

import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, SEED, ant_member
from transforms.ingest import read_inbox
from transforms.inputs import read_bytes
from transforms.readers import html_page, json_records, plain_text, trec_xml
from transforms.readers.archive import Limits
from transforms.readers.record import has_text
from transforms.rejections import REASONS, Rejected

EXAMPLES = int(os.environ.get("RASD_HYPOTHESIS_EXAMPLES", "100"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HANG_SECONDS = 600
MiB = 2**20

SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")
ANT_DOC = ant_member("2018-03-01.zip", "SkyNews/internationalNews/SK-internationalNews-202-20180301.txt")
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=0, max_size=200)
# Arabic with spaces, new lines and the invisible characters that ride along in copied text
PROSE = st.text(alphabet=st.sampled_from([*"ابتثجحخدذرسشصضطظعغفقكلمنهوي ", "\n", *INVISIBLE]), max_size=300)
EXTENSIONS = ["", ".txt", ".xml", ".json", ".jsonl", ".html", ".htm", ".zip", ".bin", ".pdf"]
# file names as a careless or hostile sender writes them: quotes, SQL, shell, new lines, any script
NAME_CHARS = st.sampled_from([*"'\";-–— \n\t\\$`*?[](){}<>|&!#%@=+,.", "--", "/*", "ملف", "שם", "名前", "🙂", *INVISIBLE, "x"])
NAMES = st.builds(
    lambda parts, ext: "".join(parts) + ext, st.lists(NAME_CHARS, min_size=1, max_size=12), st.sampled_from(EXTENSIONS)
).filter(lambda name: name not in (".", "..") and "/" not in name and len(name.encode()) < 200)


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo("x")
            info.filename, info.compress_type = name, compression  # any name, even ""
            archive.writestr(info, data)
    return buffer.getvalue()


VALID_ZIPS = [
    _zip({"a.txt": SEED_BYTES, "b/ant.txt": ANT_DOC, "c.json": b'[{"text": "\xd9\x86\xd8\xb5"}]'}, compression)
    for compression in (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, zipfile.ZIP_STORED)
] + [_zip({"inner.zip": _zip({"seed.txt": SEED_BYTES}), "x.xml": ANT_DOC})]


@st.composite
def mutated_zips(draw) -> bytes:
    """A valid archive (deflate, bzip2, lzma, stored, nested) with a few bytes changed, cut or inserted."""
    data = bytearray(draw(st.sampled_from(VALID_ZIPS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        match draw(st.sampled_from(["set", "cut", "insert"])):
            case "set":
                data[at] = draw(st.integers(0, 255))
            case "cut":
                del data[at : at + draw(st.integers(1, 64))]
            case "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=16))
        if not data:
            break
    return bytes(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "title", "id", "date", "x"]), inner, max_size=4),
    max_leaves=20,
)
TREC_PIECES = st.sampled_from(["<DOC>", "</DOC>", "<TEXT>", "</TEXT>", "<TITLE>", "</TITLE>", "<DOCNO>", "</DOCNO>", "<", ">", "&", "x", "نص "])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"]

contents = st.one_of(
    st.binary(max_size=2000),
    st.tuples(PROSE, st.sampled_from(ENCODINGS)).map(lambda p: p[0].encode(p[1], errors="ignore")),
    st.binary(max_size=500).map(lambda b: SEED_BYTES[: len(b) * 3]),  # truncated real article
    ARABIC.map(lambda t: ("<DOC><DOCNO>x</DOCNO><TEXT>" + t + "</TEXT>").encode()),  # unclosed
    st.lists(TREC_PIECES, max_size=40).map(lambda p: "".join(p).encode()),
    ARABIC.map(lambda t: json.dumps([{"text": t}, 3, None, {"title": t}], ensure_ascii=False).encode()),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    ARABIC.map(lambda t: ("<html><body><script>" + t + "</script><p>" + t + "</p>").encode()),
    ARABIC.map(lambda t: t.encode("utf-8") + t.encode("cp1256", errors="ignore")),  # mixed encodings
    st.binary(max_size=300).map(lambda b: _zip({"../x.txt": b, "in/y.txt": SEED_BYTES, "z.zip": b})),
    st.binary(max_size=300).map(lambda b: _zip({"a.txt": b})[: max(1, len(b))]),  # truncated zip
    mutated_zips(),
    st.just(_zip({})),  # an empty archive
    st.just(b"[]"),
)


def _check_records(found: list) -> None:
    """Every item is an article with visible text or a rejection with a known reason and a detail."""
    for item in found:
        if isinstance(item, Rejected):
            assert item.reason in REASONS and item.detail
        else:
            assert has_text(item["text"]), item


def _read(data: bytes, name: str) -> list:
    try:
        return [found.item for found in read_bytes(data, name, Limits())]
    except Rejected as rejection:
        return [rejection]


@PROPERTY
@given(files=st.dictionaries(NAMES, contents, min_size=1, max_size=4))
def test_any_inbox_reads_without_crashing_and_accounts_for_every_file(tmp_path_factory, files):
    inbox = tmp_path_factory.mktemp("inbox")
    day = inbox / "2020-03-04"
    day.mkdir()
    for name, data in files.items():
        (day / name).write_bytes(data)
    batch = read_inbox(inbox)
    paths = set(batch.sightings["source_path"]) | set(batch.rejected["source_path"])
    for name in files:  # nothing lost, the names intact («a.zip!member» inside archives)
        assert any(path == f"2020-03-04/{name}" or path.startswith(f"2020-03-04/{name}!") for path in paths), name
    assert set(batch.rejected["reason"]) <= set(REASONS)
    assert batch.rejected["detail"].null_count() == 0 and batch.rejected["partition_date"].null_count() == 0
    assert all(has_text(text) for text in batch.sightings["text"])
    assert batch.articles()["article_id"].is_unique().all()


@PROPERTY
@given(data=st.one_of(st.binary(max_size=4000), contents), name=st.sampled_from(EXTENSIONS).map("f".__add__))
def test_read_bytes_yields_articles_or_rejections_only(data, name):
    _check_records(_read(data, name))


@PROPERTY
@given(data=mutated_zips())
def test_damaged_archives_yield_articles_or_rejections_only(data):
    _check_records(_read(data, "damaged.zip"))


@PROPERTY
@given(value=JSON_VALUES, lines=st.booleans())
def test_json_of_any_shape(value, lines):
    text = "\n".join(json.dumps(v) for v in value) if lines and isinstance(value, list) else json.dumps(value)
    try:
        _check_records(list(json_records.read(text, lines=lines)))
    except Rejected as rejection:
        assert rejection.reason in ("malformed_json", "no_text")


_LAZY_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_LAZY_FIELD = re.compile(r"<(" + "|".join(trec_xml.TAGS) + r")>(.*?)</\1>", re.S)


@PROPERTY
@given(soup=st.lists(TREC_PIECES, max_size=60).map("".join))
def test_the_linear_trec_scan_cuts_what_the_lazy_pattern_cut(soup):
    assert [doc for _, doc in trec_xml._elements(soup, trec_xml._DOC)] == _LAZY_DOC.findall(soup)
    assert list(trec_xml._elements(soup, trec_xml._FIELD)) == _LAZY_FIELD.findall(soup)


@PROPERTY
@given(lines=st.lists(PROSE, min_size=1, max_size=8))
def test_plain_text_keeps_every_body_line_verbatim_invisible_characters_included(lines):
    text = "\n".join(lines)
    if not has_text(text):  # whitespace, zero-width and bidi controls only
        with pytest.raises(Rejected, match="no_text"):
            list(plain_text.read(text))
        return
    [record] = plain_text.read(text)
    assert has_text(record["text"])
    assert all(line in text for line in record["text"].splitlines())


# ---- fixed cases: one file each, and what must come of it: (member inside archives, outcome) ----


def _flip(data: bytes, start: int, end: int) -> bytes:
    changed = bytearray(data)
    for i in range(start, end):
        changed[i] ^= 0x55
    return bytes(changed)


def _future_zip_version() -> bytes:
    data = bytearray(_zip({"a.txt": SEED_BYTES}))
    data[data.rfind(b"PK\x01\x02") + 6] = 99  # "version needed to extract": 9.9
    return bytes(data)


def _billion_laughs() -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>'


EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
REMOTE_ENTITY = '<!DOCTYPE d [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x.dtd">]>'
PARAMETER_ENTITY = '<!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
TREC = "<DOC><DOCNO>D-1</DOCNO><TITLE>عنوان</TITLE><TEXT>{}</TEXT></DOC>"
PAGE = "<html><body>{}<article><h1>عنوان الخبر</h1><p>" + SEED_TEXT.split("\n\n")[4] + "</p></article></body></html>"
UNSAFE_NAMES = ["../x.txt", "/etc/cron.d/x.txt", "C:\\x.txt", "..\\..\\x.txt", "a/../../x.txt", ""]
JSON_ARTICLE = '{"id": "j1", "text": "نص الخبر"}'
BIDI = "سياسة\n\u202eعنوان\u202c الخبر\u200f\n\nنص \u2066الخبر\u2069 هنا\u200b. \ufeffوأضاف\u200d المتحدث."

CASES = {
    "random bytes": ("r.txt", lambda: random.Random(8).randbytes(65536), [("", "binary_content")]),
    "empty": ("e.txt", lambda: b"", [("", "empty_file")]),
    "whitespace": ("w.json", lambda: b" \r\n\t \n", [("", "empty_file")]),
    "a PNG named .txt": ("p.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(100), [("", "unsupported_type")]),
    "a gzip stream": ("g.json", lambda: zlib.compress(b"x") and b"\x1f\x8b\x08" + bytes(20), [("", "unsupported_type")]),
    "truncated archive": ("t.zip", lambda: _zip({"a.txt": SEED_BYTES})[:700], [("", "corrupt_archive")]),
    "corrupt deflate stream": ("d.zip", lambda: _flip(_zip({"a.txt": SEED_BYTES * 3}), 60, 200), [("a.txt", "corrupt_archive")]),
    "corrupt lzma stream": ("l.zip", lambda: _flip(_zip({"a.txt": SEED_BYTES * 3}, zipfile.ZIP_LZMA), 60, 200), [("a.txt", "corrupt_archive")]),
    "corrupt bzip2 stream": ("b.zip", lambda: _flip(_zip({"a.txt": SEED_BYTES * 3}, zipfile.ZIP_BZIP2), 60, 200), [("a.txt", "corrupt_archive")]),
    "zip of a future version": ("v.zip", _future_zip_version, [("", "corrupt_archive")]),
    "members that climb out": (
        "u.zip",
        lambda: _zip({name: SEED_BYTES for name in [*UNSAFE_NAMES, "./ok.txt"]}),
        [(name, "unsafe_path") for name in UNSAFE_NAMES] + [("./ok.txt", "article")],
    ),
    "an archive in an archive in an archive": (
        "n.zip",
        lambda: _zip({"l2.zip": _zip({"l3.zip": _zip({"a.txt": SEED_BYTES})}), "seed.txt": SEED_BYTES}),
        [("l2.zip!l3.zip", "archive_limit"), ("seed.txt", "article")],
    ),
    "3,000 members": ("m.zip", lambda: _zip({f"{i}.json": b'{"text": "\xd9\x86\xd8\xb5 %d"}' % i for i in range(3000)}), [("*", "article")] * 3000),
    "20,001 members": ("k.zip", lambda: _zip({f"{i}": b"" for i in range(20_001)}, zipfile.ZIP_STORED), [("", "archive_limit")]),
    "billion laughs": ("lol.xml", lambda: (_billion_laughs() + TREC.format("&lol9;")).encode(), [("", "xml_entity_declaration")]),
    "external entity (file)": ("xxe.xml", lambda: (EXTERNAL_ENTITY + TREC.format("&xxe;")).encode(), [("", "xml_entity_declaration")]),
    "external entity in a .txt": ("xxe.txt", lambda: (EXTERNAL_ENTITY + TREC.format("&xxe;")).encode(), [("", "xml_entity_declaration")]),
    "external entity (network)": ("net.xml", lambda: (REMOTE_ENTITY + TREC.format("&xxe;")).encode(), [("", "xml_entity_declaration")]),
    "parameter entity": ("pe.xml", lambda: (PARAMETER_ENTITY + TREC.format("x")).encode(), [("", "xml_entity_declaration")]),
    "billion laughs in HTML": ("lol.html", lambda: (_billion_laughs() + PAGE.format("&lol9;")).encode(), [("", "xml_entity_declaration")]),
    "external entity in XHTML": ("xxe.html", lambda: (EXTERNAL_ENTITY + PAGE.format("&xxe;")).encode(), [("", "xml_entity_declaration")]),
    "XInclude, kept as text": ("xi.xml", lambda: TREC.format('<xi:include href="file:///etc/passwd"/> نص').encode(), [("", "article")]),
    "truncated JSON": ("t.json", lambda: b'[{"title": "x", "text": "y"', [("", "malformed_json")]),
    "JSON integer of 5,000 digits": ("i.json", lambda: b'{"text": "x", "id": ' + b"1" * 5000 + b"}", [("", "malformed_json")]),
    "JSON nested 100,000 deep": ("deep.json", lambda: b"[" * 100_000, [("", "malformed_json")]),
    "JSON lines, one line broken": ("l.jsonl", lambda: f'{JSON_ARTICLE}\n{{"text": \n'.encode(), [("", "article"), ("", "malformed_json")]),
    "JSON lone surrogate escape": ("s.json", lambda: b'{"text": "\\ud800 \xd9\x86\xd8\xb5"}', [("", "article")]),
    "JSON with two BOMs": ("bom2.json", lambda: b"\xef\xbb\xbf\xef\xbb\xbf" + JSON_ARTICLE.encode(), [("", "article")]),
    "UTF-8 with BOM": ("u8.txt", lambda: b"\xef\xbb\xbf" + SEED_BYTES, [("", "article")]),
    "UTF-16 LE with BOM": ("u16le.txt", lambda: SEED_TEXT.encode("utf-16"), [("", "article")]),
    "UTF-16 BE without BOM": ("u16be.txt", lambda: SEED_TEXT.encode("utf-16-be"), [("", "article")]),
    "Windows-1256": ("cp.txt", lambda: SEED_TEXT.encode("cp1256"), [("", "article")]),
    "UTF-8 and Windows-1256 mixed": ("mix.txt", lambda: SEED_BYTES[:3000] + SEED_TEXT.encode("cp1256"), [("", "undecodable_text")]),
    "Latin-1": ("l1.txt", lambda: "Le président a déclaré à la presse.".encode("latin-1"), [("", "undecodable_text")]),
    "UTF-32": ("u32.txt", lambda: SEED_TEXT.encode("utf-32"), [("", "undecodable_text")]),
    "bidi and zero-width characters": ("bidi.txt", lambda: BIDI.encode(), [("", "article")]),
    "zero-width characters only": ("zw.txt", lambda: INVISIBLE.encode() * 10, [("", "no_text")]),
    "JSON text of zero-width characters": ("zw.json", lambda: json.dumps({"text": INVISIBLE}).encode(), [("", "no_text")]),
    "HTML full of scripts": ("s.html", lambda: PAGE.format("<script>alert('نص')</script>" * 10_000).encode(), [("", "article")]),
    "HTML of scripts only": ("so.html", lambda: b"<html><body>" + b"<script>alert(1)</script>" * 1000 + b"</body></html>", [("", "no_text")]),
    "HTML page over the size limit": ("big.html", lambda: PAGE.format(" " * html_page.MAX_PAGE_CHARS).encode(), [("", "file_too_large")]),
    "article text over the size limit": ("big.txt", lambda: "كلمة ".encode() * (Limits().max_text_chars // 5 + 1), [("", "file_too_large")]),
    "one record over the size limit": (
        "big.json",
        lambda: json.dumps([{"text": "نص"}, {"text": "ن" * (Limits().max_text_chars + 1)}], ensure_ascii=False).encode(),
        [("", "article"), ("", "file_too_large")],
    ),
}


def _outcomes(batch, rel: str) -> list[tuple[str, str]]:
    """(member, "article" or reason) of every row of the file `rel`."""
    def member(path: str) -> str:
        return path.removeprefix(rel).removeprefix("!")

    return sorted(
        [(member(p), "article") for p in batch.sightings["source_path"]]
        + [(member(p), reason) for p, reason in batch.rejected.select("source_path", "reason").rows()]
    )


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_hostile_file(tmp_path, case):
    name, build, expected = CASES[case]
    (tmp_path / "2020-03-04").mkdir()
    (tmp_path / "2020-03-04" / name).write_bytes(build())
    batch = read_inbox(tmp_path)
    outcomes = _outcomes(batch, f"2020-03-04/{name}")
    if expected[0][0] == "*":  # any member names
        outcomes = [("*", what) for _, what in outcomes]
    assert outcomes == sorted(expected)
    assert batch.rejected["detail"].null_count() == 0 and "" not in set(batch.rejected["detail"])
    assert all(has_text(text) for text in batch.sightings["text"])


# ---- what could hang or exhaust memory runs in a child process ----

# the peak is VmHWM, this program's own high-water mark: ru_maxrss would carry over the size of
# the pytest process it was forked from (Linux keeps it across exec)
CHILD = """
import json, re, sys
from pathlib import Path
from transforms.ingest import read_inbox
batch = read_inbox(Path(sys.argv[1]))
rows = [(p, "article") for p in batch.sightings["source_path"]] + batch.rejected.select("source_path", "reason").rows()
peak_kib = int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1))
print(json.dumps({"rows": sorted(rows), "peak_mib": peak_kib / 1024}))
"""


def _read_in_child(inbox: Path) -> tuple[list[tuple[str, str]], float]:
    """read_inbox(inbox) in a fresh interpreter: (source_path, outcome) rows and its peak RSS
    in MiB. Not ending within HANG_SECONDS fails the test as a hang."""
    try:
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(inbox)], capture_output=True, text=True, cwd=REPO, timeout=HANG_SECONDS
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {inbox} did not end within {HANG_SECONDS} s: a hang")
    assert result.returncode == 0, result.stderr[-3000:]
    answer = json.loads(result.stdout.splitlines()[-1])
    return [tuple(row) for row in answer["rows"]], answer["peak_mib"]


def _zip_of_zeros(path: Path, size: int, declared: int | None = None) -> None:
    """A zip of one member, bomb.txt, that inflates to `size` zero bytes (a multiple of 1 MiB,
    under 4 GiB) while its headers say `declared` (default: the truth). Written in one pass
    from a single deflate block repeated — nothing of that size is ever held or written."""
    chunk = bytes(MiB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressor.compress(chunk)
    compressor.flush(zlib.Z_FULL_FLUSH)  # from here on, each full-flushed block stands alone
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    blocks, crc = size // MiB, 0
    for _ in range(blocks):
        crc = zlib.crc32(chunk, crc)
    compressed, told = blocks * len(block) + len(end), size if declared is None else declared
    name = b"bomb.txt"
    fields = (crc, compressed, told, len(name))
    with open(path, "wb") as out:
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *fields, 0) + name)
        for _ in range(blocks):
            out.write(block)
        out.write(end)
        directory = out.tell()
        out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, *fields, 0, 0, 0, 0, 0, 0) + name)
        size_of_directory = out.tell() - directory
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, size_of_directory, directory, 0))


def test_zip_bombs_are_refused_without_inflating_them(tmp_path, record_property):
    day = tmp_path / "2020-03-04"
    day.mkdir()
    _zip_of_zeros(day / "3gib.zip", 3 * 2**30)  # over the total per inbox file
    _zip_of_zeros(day / "1gib.zip", 2**30)  # over the size per member
    _zip_of_zeros(day / "says-1kb.zip", 3 * 2**30, declared=1000)  # a lying header
    _zip_of_zeros(day / "says-200mib.zip", 3 * 2**30, declared=200 * MiB)  # lying, and under the ratio limit
    with zipfile.ZipFile(day / "3gib.zip") as archive:  # a well-formed zip: its own reader believes it
        assert archive.infolist()[0].file_size == 3 * 2**30
    rows, peak_mib = _read_in_child(tmp_path)
    assert rows == [
        ("2020-03-04/1gib.zip!bomb.txt", "archive_limit"),
        ("2020-03-04/3gib.zip", "archive_limit"),
        ("2020-03-04/says-1kb.zip!bomb.txt", "corrupt_archive"),
        ("2020-03-04/says-200mib.zip!bomb.txt", "corrupt_archive"),
    ]
    record_property("peak_rss_mib", round(peak_mib))  # reported in RELIABILITY.md
    assert peak_mib < 1024  # at most the 200 MiB the last header admits, never gigabytes


def test_nested_archives_share_one_budget(tmp_path):
    inner = _zip({"seed.txt": SEED_BYTES}, zipfile.ZIP_STORED)
    outer = _zip({f"{i}.zip": inner for i in range(5)}, zipfile.ZIP_STORED)
    limits = Limits(max_total_bytes=len(outer) + 2 * len(SEED_BYTES) + 10)  # the outer archive and two inner ones
    found = list(read_bytes(outer, "outer.zip", limits))
    assert [f.item.reason if isinstance(f.item, Rejected) else "article" for f in found] == ["article"] * 2 + ["archive_limit"] * 3
    many = _zip({f"{i}.zip": _zip({f"{j}.txt": SEED_BYTES for j in range(4)}) for i in range(4)})
    found = list(read_bytes(many, "many.zip", Limits(max_members=12)))  # 4 + 4 x 4 members in all
    assert [f.item.reason for f in found if isinstance(f.item, Rejected)] == ["archive_limit"] * 2


def test_text_shaped_to_make_a_scan_backtrack_reads_in_linear_time(tmp_path):
    day = tmp_path / "2020-03-04"
    day.mkdir()
    (day / "open-docs.xml").write_bytes(b"<DOC>" * 200_000)
    (day / "open-titles.xml").write_bytes(b"<DOC>" + b"<TITLE>" * 200_000 + TREC.format("نص").encode() + b"</DOC>")
    (day / "comments.txt").write_bytes(b"<!---->" * 60 + "نص الخبر".encode())
    (day / "spaces.txt").write_bytes(("قسم\nعنوان\nا" + " " * 900_000 + "ب\nنص الخبر هنا.\n").encode())
    os.mkfifo(day / "pipe.txt")  # opening it would wait for a writer forever
    rows, _ = _read_in_child(tmp_path)
    assert rows == [
        ("2020-03-04/comments.txt", "article"),
        ("2020-03-04/open-docs.xml", "malformed_xml"),
        ("2020-03-04/open-titles.xml", "article"),
        ("2020-03-04/pipe.txt", "unreadable_file"),
        ("2020-03-04/spaces.txt", "article"),
    ]


# ---- names and links on disk ----


def test_file_names_of_any_bytes_are_kept_and_stored(tmp_path):
    day = os.fsencode(tmp_path / "2020-03-04")
    os.mkdir(day)
    names = [b"x'); drop table raw.articles; --.txt", b"a\nb\tc \"q\";.txt", "خبر عاجل \u202eexe.txt".encode(), b"latin1-\xe9t\xe9.txt"]
    for name in names:
        with open(os.path.join(day, name), "wb") as out:
            out.write(SEED_BYTES)
    batch = read_inbox(tmp_path)
    assert sorted(batch.sightings["source_path"]) == sorted(
        "2020-03-04/" + name.decode("utf-8", "backslashreplace") for name in names
    )
    assert batch.articles().height == 1  # one story, four sightings


def test_links_are_not_followed_out_of_the_inbox_nor_around_in_circles(tmp_path):
    inbox = tmp_path / "inbox"
    day = inbox / "2020-03-04"
    day.mkdir(parents=True)
    (day / "seed.txt").write_bytes(SEED_BYTES)
    (day / "outside.txt").symlink_to(SEED)
    (day / "outside-dir").symlink_to(SEED.parent, target_is_directory=True)
    (day / "up").symlink_to("../..", target_is_directory=True)
    (day / "inside.txt").symlink_to("seed.txt")
    (day / "chain.txt").symlink_to("inside.txt")
    (day / "loop").symlink_to("loop")
    (day / "dangling.txt").symlink_to("missing.txt")
    batch = read_inbox(inbox)
    assert _outcomes(batch, "2020-03-04/") == [
        ("chain.txt", "article"),
        ("dangling.txt", "unreadable_file"),
        ("inside.txt", "article"),
        ("loop", "unreadable_file"),
        ("outside-dir", "unsafe_path"),
        ("outside.txt", "unsafe_path"),
        ("seed.txt", "article"),
        ("up", "unsafe_path"),
    ]


# ---- files of hundreds of MB (slow: built and read in tens of seconds) ----


@pytest.mark.slow
def test_a_200_mb_file_of_each_kind_reads_in_bounded_memory(tmp_path, record_property):
    day = tmp_path / "2020-03-04"
    day.mkdir()
    size = 200 * 10**6
    records = 0
    with open(day / "records.jsonl", "w", encoding="utf-8") as out:
        while out.tell() < size:
            out.write(json.dumps({"id": records, "title": f"خبر {records}", "text": SEED_TEXT}, ensure_ascii=False) + "\n")
            records += 1
    with open(day / "one-article.txt", "wb") as out:
        while out.tell() < size:
            out.write(SEED_BYTES)
    with open(day / "random.bin", "wb") as out:
        rng = random.Random(8)
        for _ in range(200):
            out.write(rng.randbytes(10**6))
    rows, peak_mib = _read_in_child(tmp_path)
    outcomes = {}
    for path, outcome in rows:
        outcomes.setdefault(path, set()).add(outcome)
    assert outcomes == {
        "2020-03-04/records.jsonl": {"article"},
        "2020-03-04/one-article.txt": {"file_too_large"},
        "2020-03-04/random.bin": {"binary_content"},
    }
    assert sum(1 for path, _ in rows if path.endswith(".jsonl")) == records  # every record, none twice
    record_property("peak_rss_mib", round(peak_mib))  # reported in RELIABILITY.md
    assert peak_mib < 3 * 1024  # a few times the largest file, as it is read whole
