"""Analysis: discrepancies between goals and actions, ambivalence."""

from mikit.analysis.ambivalence import ambivalence
from mikit.analysis.discrepancy import find_discrepancies

__all__ = ["ambivalence", "find_discrepancies"]
