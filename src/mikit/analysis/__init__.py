"""Analysis: discrepancies between goals and actions, ambivalence, change plans."""

from mikit.analysis.discrepancy import find_discrepancies

__all__ = ["find_discrepancies"]
