"""Registers mikit's strategies with Hypothesis, so ``st.from_type`` knows the models.

Hypothesis calls :func:`_register` through the ``hypothesis`` entry point when it is
imported, which happens only in test suites; ``import mikit`` never imports Hypothesis.
"""

from __future__ import annotations


def _register() -> None:
    from hypothesis import strategies as st

    from mikit.strategies import TYPE_STRATEGIES

    for cls, strategy in TYPE_STRATEGIES.items():
        st.register_type_strategy(cls, strategy)
