"""Registers mikit's strategies with Hypothesis, so ``st.from_type`` knows the models.

Hypothesis calls :func:`_register` through the ``hypothesis`` entry point when it is
imported, which happens only in test suites; ``import mikit`` never imports Hypothesis.
The strategies themselves are looked up only when ``from_type`` asks, because
``mikit.strategies`` imports Hypothesis, which may still be starting up here.
"""

from __future__ import annotations

from typing import Any


def _resolve(cls: type[Any]) -> Any:
    from mikit.strategies import TYPE_STRATEGIES

    return TYPE_STRATEGIES.get(cls, NotImplemented)


def _register() -> None:
    from hypothesis import strategies as st

    from mikit import models

    for name in models.__all__:
        cls = getattr(models, name)
        if isinstance(cls, type):
            st.register_type_strategy(cls, _resolve)
