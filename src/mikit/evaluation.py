"""Scoring any classifier against gold labels: per-class figures and AUROC.

These work for mikit's coders and for any other model, so a fine-tuned classifier
and mikit's rules can be compared on the same footing.

Examples:
    >>> report = classification_report(["a", "b", "b"], ["a", "b", "a"])
    >>> round(report.accuracy, 3)
    0.667
    >>> auroc([0.9, 0.8, 0.1], [True, True, False])
    1.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from mikit.errors import ValidationError

__all__ = ["ClassScores", "ClassificationReport", "auroc", "classification_report"]


@attrs.frozen
class ClassScores:
    """Precision, recall and F1 of one class.

    Args:
        label: The class.
        precision: Of the items predicted as the class, the share that are.
        recall: Of the items that are the class, the share predicted as it.
        f1: The harmonic mean of precision and recall (0 when both are 0).
        support: How many gold items are the class.
    """

    label: str
    precision: float
    recall: float
    f1: float
    support: int


@attrs.frozen
class ClassificationReport:
    """Per-class scores, macro-F1, accuracy and the confusion matrix.

    Args:
        labels: The classes, in report order.
        classes: The scores of each class, in the order of ``labels``.
        accuracy: The share of items predicted right (0 for no items).
        confusion: ``confusion[gold][predicted]`` counts, over ``labels`` plus any
            other label that was predicted.
        total: How many items were scored.
    """

    labels: tuple[str, ...]
    classes: tuple[ClassScores, ...]
    accuracy: float
    confusion: Mapping[str, Mapping[str, int]]
    total: int

    @property
    def macro_f1(self) -> float:
        """The unweighted mean of the per-class F1 scores (0 for no classes)."""
        if not self.classes:
            return 0.0
        return sum(c.f1 for c in self.classes) / len(self.classes)

    def __getitem__(self, label: str) -> ClassScores:
        for scores in self.classes:
            if scores.label == label:
                return scores
        msg = f"no class {label!r} in the report; classes: {', '.join(self.labels)}"
        raise ValidationError("label", msg)

    def to_text(self) -> str:
        """The report as a plain-text table with the confusion matrix below it."""
        width = max([len("macro-F1"), *(len(label) for label in self.labels)])
        lines = [f"{'class':<{width}}  precision  recall     F1  support"]
        lines.extend(
            f"{c.label:<{width}}  {c.precision:9.3f}  {c.recall:6.3f}  {c.f1:5.3f}  {c.support:7d}"
            for c in self.classes
        )
        lines.append(
            f"{'macro-F1':<{width}}  {'':9}  {'':6}  {self.macro_f1:5.3f}  {self.total:7d}"
        )
        lines.append(f"{'accuracy':<{width}}  {'':9}  {'':6}  {self.accuracy:5.3f}")
        columns = list(self.labels) + [
            p
            for p in sorted({p for row in self.confusion.values() for p in row})
            if p not in self.labels
        ]
        cell = max([5, *(len(c) for c in columns)])
        lines.append("")
        lines.append("confusion (rows gold, columns predicted)")
        lines.append(" " * width + "  " + "  ".join(f"{c:>{cell}}" for c in columns))
        for gold in self.labels:
            row = self.confusion.get(gold, {})
            counts = "  ".join(f"{row.get(c, 0):>{cell}d}" for c in columns)
            lines.append(f"{gold:<{width}}  {counts}")
        return "\n".join(lines)


def _finite(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def classification_report(
    gold: Sequence[str], predicted: Sequence[str], *, labels: Sequence[str] | None = None
) -> ClassificationReport:
    """Score *predicted* labels against *gold* ones.

    Args:
        gold: The true label of each item.
        predicted: The predicted label of each item, in the same order.
        labels: The classes to report, in order; by default every gold label,
            sorted. A predicted label outside them counts as an error for its item.

    Returns:
        The report: per-class precision, recall, F1 and support, macro-F1 over
        ``labels``, accuracy and the confusion matrix.

    Raises:
        ValidationError: If the sequences differ in length or hold a non-string.
    """
    if len(gold) != len(predicted):
        msg = f"gold has {len(gold)} labels but predicted has {len(predicted)}"
        raise ValidationError("predicted", msg)
    for name, seq in (("gold", gold), ("predicted", predicted)):
        for i, item in enumerate(seq):
            if not isinstance(item, str):
                msg = f"must be a string label, got {type(item).__name__}"  # type: ignore[unreachable]
                raise ValidationError(f"{name}[{i}]", msg)
    order = tuple(sorted(set(gold))) if labels is None else tuple(dict.fromkeys(labels))
    confusion: dict[str, dict[str, int]] = {label: {} for label in order}
    for g, p in zip(gold, predicted, strict=True):
        row = confusion.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    classes = []
    for label in order:
        tp = confusion.get(label, {}).get(label, 0)
        support = sum(confusion.get(label, {}).values())
        predicted_as = sum(row.get(label, 0) for row in confusion.values())
        precision = _ratio(tp, predicted_as)
        recall = _ratio(tp, support)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScores(label, precision, recall, f1, support))
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return ClassificationReport(
        labels=order,
        classes=tuple(classes),
        accuracy=_ratio(correct, len(gold)),
        confusion={g: dict(row) for g, row in confusion.items()},
        total=len(gold),
    )


def auroc(scores: Sequence[float], positives: Sequence[bool]) -> float | None:
    """The area under the ROC curve: how well *scores* rank positives above negatives.

    Computed as the Mann-Whitney statistic: the chance that a random positive scores
    above a random negative, ties counting one half.

    Args:
        scores: One score per item; higher should mean positive.
        positives: Whether each item is a positive.

    Returns:
        The AUROC in 0..1, or None when there are no positives or no negatives.

    Raises:
        ValidationError: If the sequences differ in length or a score is not a
            finite number.
    """
    if len(scores) != len(positives):
        msg = f"scores has {len(scores)} items but positives has {len(positives)}"
        raise ValidationError("positives", msg)
    for i, score in enumerate(scores):
        if not _finite(score):
            msg = f"must be a finite number, got {score!r}"
            raise ValidationError(f"scores[{i}]", msg)
    ranked = sorted(zip(scores, positives, strict=True), key=lambda pair: pair[0])
    n_pos = sum(1 for p in positives if p)
    n_neg = len(positives) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    # Average ranks over ties, then the rank-sum form of Mann-Whitney U.
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1][0] == ranked[i][0]:
            j += 1
        mid = (i + j) / 2 + 1
        rank_sum += mid * sum(1 for k in range(i, j + 1) if ranked[k][1])
        i = j + 1
    u = rank_sum - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)
