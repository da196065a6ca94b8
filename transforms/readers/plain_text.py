"""Plain-text articles in the seed layout (corpus/samples/arabi21_haftar_damascus.txt):

    section line            سياسة عربية
    title                   صحيفة: حفتر زار دمشق سرا للتنسيق ضد تركيا
    caption - CREDIT        الزيارة مهدت الطريق ... الموازية- الأناضول      (optional)
    body paragraphs …       (lines starting "اقرأ أيضا:" link to other stories)

The body is kept byte-for-byte as in the file, minus the "اقرأ أيضا:" lines, which go to
`related_links`. A file with no such header (one block of prose) is all body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms.readers.record import has_text, make_record
from transforms.rejections import Rejected

_RELATED = re.compile(r"^\s*اقرأ\s+أيضا[ًً]?\s*[:：]", re.M)
# a caption ends with "- CREDIT" (a few words, no sentence punctuation)
_CAPTION = re.compile(r"^(?P<caption>.+?)\s*[-–—]\s*(?P<credit>[^-–—.،:؛!?؟]{2,40})$")
_SENTENCE_END = re.compile(r"[.!?؟:]\s*$")
_MAX_CAPTION_CHARS = 1000


def read(text: str) -> Iterator[dict | Rejected]:
    lines = text.splitlines(keepends=True)
    blocks = [i for i, line in enumerate(lines) if has_text(line)]
    if not blocks:
        raise Rejected("no_text", "the file holds only whitespace or invisible characters")
    header, section, title, caption, credit = 0, None, None, None, None
    first = lines[blocks[0]].strip()
    if len(blocks) >= 3 and _is_heading(first) and _is_heading(lines[blocks[1]].strip(), max_words=25):
        section, title, header = first, lines[blocks[1]].strip(), 2
        line = lines[blocks[2]].strip()
        # a caption is short; the pattern backtracks quadratically over long runs of spaces
        match = _CAPTION.match(line) if len(blocks) >= 4 and len(line) <= _MAX_CAPTION_CHARS else None
        if match and _words(line) <= 60:
            caption, credit, header = match["caption"], match["credit"], 3
    elif len(blocks) >= 2 and _is_heading(first, max_words=25):
        title, header = first, 1
    body_lines = lines[blocks[header] :] if header < len(blocks) else []
    related = [line.strip() for line in body_lines if _RELATED.match(line)]
    body = "".join(line for line in body_lines if not _RELATED.match(line))
    if not has_text(body):
        raise Rejected("no_text", "the file has a heading but no body")
    yield make_record(
        title=title,
        section=section,
        caption=caption,
        photo_credit=credit,
        related_links=related,
        text=body.rstrip(),
    )


def _is_heading(line: str, max_words: int = 6) -> bool:
    return _words(line, max_words) <= max_words and not _SENTENCE_END.search(line.rstrip("\"»”"))


def _words(line: str, limit: int = 60) -> int:
    """The number of words of `line`, counted up to limit + 1 (a huge line is not split whole)."""
    return len(line.split(None, limit))
