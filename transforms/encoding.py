"""Detect the encoding of an article file and decode it.

Supported: UTF-8 (with or without BOM), UTF-16 (LE/BE, with or without BOM) and Windows-1256,
the legacy Arabic code page. Detection is deterministic: BOMs first, then strict UTF-8, then
the NUL-byte pattern of BOM-less UTF-16, then cp1256 only when the result reads as Arabic.
"""

from __future__ import annotations

import codecs
import re

from transforms.rejections import Rejected

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")
# C0 controls other than tab, LF, CR, and the Windows-1256 bytes that decode to nothing useful
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise Rejected."""
    if not data.strip():
        raise Rejected("empty_file", f"{len(data)} bytes, no content")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _reject_if_binary(text)
        return text, "utf-8"
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, utf16)
    if b"\x00" in data:
        raise Rejected("binary_content", "NUL bytes that do not form UTF-16 text")
    text = data.decode("cp1256", errors="replace")
    if not _reads_as_arabic(text):
        raise Rejected("undecodable_text", "not valid UTF-8, UTF-16 or Arabic Windows-1256 text")
    return text, "cp1256"


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise Rejected("undecodable_text", f"invalid {name} at byte {err.start}") from None
    if codec == "utf-16":
        text = text.lstrip("\ufeff")
    if not text.strip():
        raise Rejected("empty_file", f"{name} text with no content")
    _reject_if_binary(text)
    return text, name


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: Arabic and ASCII text put NUL or 0x06 in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(b in (0x00, 0x06) for b in high) / len(high)
        if share > 0.9:
            return codec
    return None


def _reject_if_binary(text: str) -> None:
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        raise Rejected("binary_content", f"{controls} control characters in the first {len(sample)}")


def _reads_as_arabic(text: str) -> bool:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    arabic = len(_ARABIC_LETTER.findall(sample))
    return letters > 0 and arabic / letters > 0.5 and len(_CONTROL.findall(sample)) <= max(8, len(sample) // 100)
