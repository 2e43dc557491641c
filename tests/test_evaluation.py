"""Classification reports and AUROC for any classifier."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mikit import ValidationError
from mikit.evaluation import auroc, classification_report


def test_per_class_scores() -> None:
    """Precision, recall, F1 and support follow their definitions."""
    r = classification_report(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert r["a"].precision == 1.0
    assert r["a"].recall == 0.5
    assert r["b"].precision == pytest.approx(2 / 3)
    assert r["b"].support == 2
    assert r.accuracy == 0.75
    assert r.macro_f1 == pytest.approx((2 / 3 + 0.8) / 2)


def test_confusion_matrix_and_labels() -> None:
    """The confusion matrix counts gold rows against predicted columns, in label order."""
    r = classification_report(["x", "y"], ["y", "z"], labels=["y", "x"])
    assert r.labels == ("y", "x")
    assert r.confusion["x"]["y"] == 1
    assert r.confusion["y"]["z"] == 1
    assert r["x"].f1 == 0.0


def test_text_table() -> None:
    """to_text() shows every class, macro-F1, accuracy and the confusion matrix."""
    text = classification_report(["a", "b"], ["a", "a"]).to_text()
    for word in ("precision", "macro-F1", "accuracy", "confusion", "a", "b"):
        assert word in text


def test_frozen() -> None:
    """Reports cannot be changed."""
    r = classification_report(["a"], ["a"])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.accuracy = 0.0  # type: ignore[misc]


def test_mismatched_lengths() -> None:
    """Gold and predicted of different lengths raise ValidationError."""
    with pytest.raises(ValidationError, match="gold has 2"):
        classification_report(["a", "b"], ["a"])


def test_unknown_class_lookup() -> None:
    """Asking for a class not in the report raises ValidationError."""
    with pytest.raises(ValidationError, match="no class"):
        classification_report(["a"], ["a"])["b"]


def test_empty() -> None:
    """No items give zeros, not a division error."""
    r = classification_report([], [])
    assert r.accuracy == 0.0
    assert r.macro_f1 == 0.0


def test_auroc_basics() -> None:
    """Perfect ranking is 1, reversed 0, ties one half; one class only is None."""
    assert auroc([3, 2, 1], [True, False, False]) == 1.0
    assert auroc([1, 2, 3], [True, False, False]) == 0.0
    assert auroc([1, 1], [True, False]) == 0.5
    assert auroc([1, 2], [True, True]) is None


def test_auroc_refuses_bad_input() -> None:
    """Mismatched lengths and non-finite scores raise ValidationError."""
    with pytest.raises(ValidationError):
        auroc([1.0], [True, False])
    with pytest.raises(ValidationError, match=r"scores\[0\]"):
        auroc([float("nan"), 1.0], [True, False])


@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc"))))
def test_report_ranges(pairs: list[tuple[str, str]]) -> None:
    """All figures lie in 0..1 and supports add up to the total."""
    gold = [g for g, _ in pairs]
    pred = [p for _, p in pairs]
    r = classification_report(gold, pred, labels="abc")
    assert 0 <= r.accuracy <= 1
    assert 0 <= r.macro_f1 <= 1
    assert sum(c.support for c in r.classes) == len(pairs)


@given(st.lists(st.tuples(st.floats(-1e6, 1e6), st.booleans()), min_size=1))
def test_auroc_complements(items: list[tuple[float, bool]]) -> None:
    """Negating the scores turns AUROC a into 1 - a."""
    scores = [s for s, _ in items]
    pos = [p for _, p in items]
    a = auroc(scores, pos)
    b = auroc([-s for s in scores], pos)
    if a is None:
        assert b is None
    else:
        assert b == pytest.approx(1 - a)
