"""Readers: one module per input format of CONTRACT §2, each `read(text) -> records`.

A record is a plain dict with the keys of `record.FIELDS`; a reader yields `Rejected` (with
`record` set) for a single bad record and raises it when the whole file is unreadable.
"""
