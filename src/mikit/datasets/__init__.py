"""Public MI corpora: loaders and mappings onto their label spaces.

``mikit.datasets.annomi`` reads AnnoMI (Wu et al., ICASSP 2022; Future Internet
15(3):110, 2023). mikit ships no corpus data: pass the path of your own copy.
"""

from mikit.datasets import annomi

__all__ = ["annomi"]
