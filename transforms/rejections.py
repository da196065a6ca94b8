"""Why an input could not be read: one vocabulary for every reader.

A reader that cannot turn a file (or one record of a file) into an article raises
`Rejected`; the ingestion loop turns it into one `raw.rejected_files` row and goes on.
"""

from __future__ import annotations

# reason code -> what it means (kept short: it is shown to analysts in raw.rejected_files)
REASONS = {
    "empty_file": "the file has no content",
    "binary_content": "the bytes are not text (control bytes, no known encoding)",
    "undecodable_text": "the text is in no supported encoding (UTF-8, UTF-16, Windows-1256)",
    "malformed_json": "the JSON cannot be parsed",
    "malformed_xml": "the XML holds no readable <DOC> record",
    "xml_entity_declaration": "the XML declares a DTD or entities (or the HTML entities); refused, never expanded",
    "no_text": "the record has no article text",
    "unsupported_type": "the file is of a type rasd does not read",
    "corrupt_archive": "the archive cannot be opened or a member cannot be read",
    "archive_limit": "the archive exceeds a safety limit (members, size, ratio or nesting)",
    "unsafe_path": "the archive member or link points outside the inbox",
    "file_too_large": "the file, an HTML page or one article's text exceeds its size limit",
    "unreadable_file": "the file cannot be read from disk (or is a pipe, a device, a symlink loop)",
}


class Rejected(Exception):
    """An input that cannot become an article, with a reason code from REASONS."""

    def __init__(self, reason: str, detail: str = "", record: int | None = None):
        if reason not in REASONS:
            raise ValueError(f"unknown rejection reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail or REASONS[reason]
        self.record = record  # index of the record inside the file, when only one record failed
