"""Property-based: whatever bytes arrive, every file ends as articles or as rejection rows."""

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED
from transforms.ingest import read_inbox

SEED_BYTES = SEED.read_bytes()
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=0, max_size=200)
NAMES = st.sampled_from(["a.txt", "b.xml", "c.json", "d.jsonl", "e.html", "f.zip", "g.bin", "ملف \"؛ ' x.txt", "h"])


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


contents = st.one_of(
    st.binary(max_size=2000),
    ARABIC.map(lambda t: t.encode("utf-8")),
    ARABIC.map(lambda t: t.encode("utf-16")),
    st.binary(max_size=500).map(lambda b: SEED_BYTES[: len(b) * 3]),  # truncated real article
    ARABIC.map(lambda t: ("<DOC><DOCNO>x</DOCNO><TEXT>" + t + "</TEXT>").encode()),  # unclosed
    ARABIC.map(lambda t: json.dumps([{"text": t}, 3, None, {"title": t}], ensure_ascii=False).encode()),
    ARABIC.map(lambda t: ("<html><body><script>" + t + "</script><p>" + t + "</p>").encode()),
    st.binary(max_size=300).map(lambda b: _zip({"../x.txt": b, "in/y.txt": SEED_BYTES, "z.zip": b})),
    st.binary(max_size=300).map(lambda b: _zip({"a.txt": b})[: max(1, len(b))]),  # truncated zip
    st.just(_zip({})),  # an empty archive
    st.just(b"[]"),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.dictionaries(NAMES, contents, min_size=1, max_size=4))
def test_any_inbox_reads_without_crashing_and_accounts_for_every_file(tmp_path_factory, files):
    inbox = tmp_path_factory.mktemp("inbox")
    day = inbox / "2020-03-04"
    day.mkdir()
    for name, data in files.items():
        (day / name).write_bytes(data)
    batch = read_inbox(inbox)
    seen = {path.split("!", 1)[0] for path in batch.sightings["source_path"]} | {
        path.split("!", 1)[0] for path in batch.rejected["source_path"]
    }
    assert seen == {f"2020-03-04/{name}" for name in files}
    assert batch.rejected["reason"].null_count() == 0
    for text, start in zip(batch.sightings["text"], batch.sightings["source_path"], strict=True):
        assert text and text.strip(), start
