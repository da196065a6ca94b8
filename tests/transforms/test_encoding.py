import codecs

import pytest

from tests.conftest import SEED
from transforms.encoding import decode
from transforms.rejections import Rejected

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SEED_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8-sig"),
        (SEED_TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16"),
        (SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
        (SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
        (SEED_TEXT.encode("cp1256"), "cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom-le", "utf16-bom-be", "utf16le", "utf16be", "cp1256"],
)
def test_the_seed_article_decodes_from_every_supported_encoding(data, expected):
    text, encoding = decode(data)
    assert encoding == expected
    assert text == SEED_TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty_file"),
        (b"   \n\t  \n", "empty_file"),
        (bytes(range(256)) * 40, "binary_content"),
        (b"\x00\x13\x88\x00\xfe\x01\x00" * 500, "binary_content"),
        ("Ünïcödé façade résumé".encode("latin-1") * 20, "undecodable_text"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "undecodable_text"),
    ],
    ids=["zero-bytes", "whitespace", "all-bytes", "nul-junk", "latin1", "bad-after-bom"],
)
def test_undecodable_inputs_are_rejected_with_a_reason(data, reason):
    with pytest.raises(Rejected) as caught:
        decode(data)
    assert caught.value.reason == reason
    assert caught.value.detail
