"""Actors: the dictionary (lexicon.py), matching names in token frames (matching.py), and
the assembly of mentions with titles, compositions and coreference (mentions.py)."""
