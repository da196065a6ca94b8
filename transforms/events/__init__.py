"""Events: trigger matching, source and target, dates (dates.py) and modality."""
