"""Fit the weights of mikit's counsellor coder on AnnoMI's TRAIN transcripts only.

    python benchmarks/fit_counselor_weights.py --data ../shared/data/annomi [--cv] [--write]

The counsellor coder matches rules sentence by sentence, then chooses a turn's main
behaviour (question / reflection / therapist_input / other); weights over the rules
that fired and the shape of the turn (``mikit.coding.counselor._analyse``) overrule
the rules' choice when they score another behaviour higher by more than a margin.
This script fits those weights: a softmax regression of AnnoMI-simple's main
behaviour, L2-regularised, on the training transcripts (transcript_id % 5 != 0).
Test transcripts are never read for fitting. ``--cv`` reports a two-fold
cross-validation within train (also of simple/complex and open/closed models fitted
the same way, which the coder does not use: they did not beat its rules);
``--write`` writes ``src/mikit/data/lexicons/counselor/weights.json``.

Cite AnnoMI: Wu et al., ICASSP 2022; Future Internet 15(3):110, 2023.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from collections import Counter
from pathlib import Path

from mikit.coding.counselor import _analyse
from mikit.datasets import annomi
from mikit.evaluation import classification_report

OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "mikit"
    / "data"
    / "lexicons"
    / "counselor"
    / "weights.json"
)
LABELS = annomi.THERAPIST_LABELS
Model = tuple[list[float], dict[str, list[float]]]
MIN_COUNT = 5
MAIN_MARGIN = 0.5
STRONG_MARGIN = 1.5
L2 = 1e-2
EPOCHS = 20
RATE = 0.1


def examples(data: Path) -> list[tuple[int, list[str], int, int | None, int | None]]:
    """Features and labels of every labelled counsellor turn of the TRAIN transcripts."""
    simple = annomi.load(data / "AnnoMI-simple.csv")
    full = annomi.load(data / "AnnoMI-full.csv")
    out = []
    for ts, tf in zip(simple, full, strict=True):
        if annomi.is_test(ts):
            continue
        previous = None
        for us, uf in zip(ts, tf, strict=True):
            if us.is_client:
                previous = us.text
                continue
            label = us.annotations.get("main_therapist_behaviour")
            if label is None:
                continue
            feats = _analyse(us.text, previous)[2]
            sub = uf.annotations.get("reflection_subtype")
            is_reflection = uf.annotations.get("main_therapist_behaviour") == "reflection"
            cx = None if sub is None or not is_reflection else int(sub == "complex")
            asked = uf.annotations.get("question_subtype")
            is_question = uf.annotations.get("main_therapist_behaviour") == "question"
            op = None if asked is None or not is_question else int(asked == "open")
            out.append((int(ts.id or 0), feats, LABELS.index(label), cx, op))
    return out


def _vocabulary(rows: list[list[str]]) -> set[str]:
    counts = Counter(f for feats in rows for f in set(feats))
    return {f for f, n in counts.items() if n >= MIN_COUNT}


def fit_softmax(
    rows: list[list[str]], ys: list[int], k: int, class_weight: list[float]
) -> tuple[list[float], dict[str, list[float]]]:
    """Softmax regression by stochastic gradient descent with an L2 penalty."""
    vocab = _vocabulary(rows)
    rows = [[f for f in dict.fromkeys(feats) if f in vocab] for feats in rows]
    w: dict[str, list[float]] = {f: [0.0] * k for f in vocab}
    b = [0.0] * k
    order = list(range(len(rows)))
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch * 0.2)
        random.Random(epoch).shuffle(order)  # seeded: the fit is reproducible
        for i in order:
            feats, y = rows[i], ys[i]
            z = list(b)
            for f in feats:
                row = w[f]
                for c in range(k):
                    z[c] += row[c]
            top = max(z)
            e = [math.exp(v - top) for v in z]
            total = sum(e)
            g = [class_weight[y] * (e[c] / total - (c == y)) for c in range(k)]
            for c in range(k):
                b[c] -= rate * g[c]
            for f in feats:
                row = w[f]
                for c in range(k):
                    row[c] -= rate * (g[c] + L2 * row[c])
    return b, w


def predict(b: list[float], w: dict[str, list[float]], feats: list[str]) -> int:
    """The highest-scoring class."""
    z = list(b)
    for f in feats:
        row = w.get(f)
        if row is not None:
            for c in range(len(z)):
                z[c] += row[c]
    return max(range(len(z)), key=lambda c: z[c])


def _weights_for(ys: list[int], k: int, power: float) -> list[float]:
    counts = Counter(ys)
    n = len(ys)
    return [(n / (k * counts[c])) ** power if counts[c] else 1.0 for c in range(k)]


def fit_all(
    rows: list[tuple[int, list[str], int, int | None, int | None]], power: float
) -> list[Model]:
    """The main-behaviour model, the complexity model and the open-question model."""
    ys = [r[2] for r in rows]
    main = fit_softmax([r[1] for r in rows], ys, len(LABELS), _weights_for(ys, len(LABELS), power))
    cx_rows = [r for r in rows if r[3] is not None]
    cys = [int(r[3] or 0) for r in cx_rows]
    complex_ = fit_softmax([r[1] for r in cx_rows], cys, 2, _weights_for(cys, 2, power))
    q_rows = [r for r in rows if r[4] is not None]
    qys = [int(r[4] or 0) for r in q_rows]
    open_ = fit_softmax([r[1] for r in q_rows], qys, 2, _weights_for(qys, 2, power))
    return [main, complex_, open_]


def _as_binary(model: Model) -> dict[str, object]:
    b, w = model
    return {
        "bias": [round(b[1] - b[0], 4)],
        "features": {
            f: [round(v[1] - v[0], 4)] for f, v in sorted(w.items()) if abs(v[1] - v[0]) >= 1e-3
        },
    }


def _as_multi(model: Model) -> dict[str, object]:
    b, w = model
    return {
        "bias": [round(v, 4) for v in b],
        "features": {
            f: [round(v, 4) for v in row]
            for f, row in sorted(w.items())
            if max(abs(v) for v in row) >= 1e-3
        },
    }


def _cv(rows: list[tuple[int, list[str], int, int | None, int | None]], power: float) -> None:
    gold, pred, cgold, cpred, qgold, qpred = [], [], [], [], [], []
    for fold in (0, 1):
        train = [r for r in rows if r[0] % 2 != fold]
        held = [r for r in rows if r[0] % 2 == fold]
        (b, w), (cb, cw), (qb, qw) = fit_all(train, power)
        for r in held:
            if r[4] is not None:
                qgold.append(("closed", "open")[r[4]])
                qpred.append(("closed", "open")[predict(qb, qw, r[1])])
            gold.append(LABELS[r[2]])
            pred.append(LABELS[predict(b, w, r[1])])
            if r[3] is not None:
                cgold.append(("simple", "complex")[r[3]])
                cpred.append(("simple", "complex")[predict(cb, cw, r[1])])
    main = classification_report(gold, pred, labels=LABELS)
    cx = classification_report(cgold, cpred, labels=("simple", "complex"))
    qs = classification_report(qgold, qpred, labels=("open", "closed"))
    print(
        f"power {power}: 2-fold CV within train: main macro-F1 {main.macro_f1:.3f}, "
        f"simple/complex macro-F1 {cx.macro_f1:.3f}, open/closed accuracy {qs.accuracy:.3f}"
    )
    print(main.to_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="the AnnoMI folder")
    parser.add_argument("--cv", action="store_true", help="two-fold cross-validation in train")
    parser.add_argument("--power", type=float, default=0.5, help="class-weight exponent")
    parser.add_argument("--write", action="store_true", help="write the package data file")
    args = parser.parse_args()
    rows = examples(Path(args.data))
    print(f"train counsellor turns: {len(rows)}")
    if args.cv:
        _cv(rows, args.power)
    main_model = fit_all(rows, args.power)[0]
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    model = {
        "note": (
            "Weights of the counsellor coder's turn-level choice: a softmax regression of "
            "AnnoMI main_therapist_behaviour (labels in the order of 'labels') on features of "
            "the rules fired and the shape of the turn, fitted on the AnnoMI TRAIN transcripts "
            "(transcript_id % 5 != 0) only; test transcripts were not used. The weights "
            "overrule the rules' main behaviour only by more than main_margin, or "
            "strong_margin when a rule fired on its own lead (both chosen by two-fold "
            "cross-validation within train). "
            f"Features seen in fewer than {MIN_COUNT} turns are dropped; L2 {L2}, {EPOCHS} "
            f"epochs, class weights (n / (k * n_c)) ** {args.power}. "
            f"Fitted by benchmarks/fit_counselor_weights.py on {today}."
        ),
        "labels": list(LABELS),
        "main_margin": MAIN_MARGIN,
        "strong_margin": STRONG_MARGIN,
        "main": _as_multi(main_model),
    }
    if args.write:
        OUT.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
