"""Fit the weights of mikit's counsellor coder on AnnoMI's TRAIN transcripts only.

    python benchmarks/fit_counselor_weights.py --data ../shared/data/annomi [--cv] [--write]

The counsellor coder matches rules sentence by sentence, then decides with a linear
layer over features of the turn (``mikit.coding.counselor._analyse``): the rules
that fired and the shape of the turn, its lower-cased, lightly stemmed words and
adjacent word pairs, and its context (the words of the client's turn before, the
first words and length of the client's turn after, whether the turn ends with a
question mark). Three heads share the features:

* the main behaviour (question / reflection / therapist_input / other), a
  multinomial logistic regression of AnnoMI-simple's ``main_therapist_behaviour``;
* open vs closed, a logistic regression on the turns AnnoMI-full codes as questions;
* complex vs simple, a logistic regression on the turns coded as reflections.

Every turn is seen twice in fitting: with its context and without the client's
turns, so a turn coded on its own is not pushed towards "other" (the label of most
first turns, which have no client turn before them).

All three are L2-regularised and fitted on the training transcripts
(transcript_id % 5 != 0) only; a word feature is kept only if it occurs in at least
three distinct training transcripts, so nothing specific to one session is learned.
``--cv`` chooses the L2 penalty, the class weighting and the open / complex
thresholds by five-fold cross-validation with folds grouped by transcript (within
train), and reports the cross-validated figures, including the AUROC with which
R:Q separates high- from low-quality training transcripts under three ways of
counting. ``--write`` fits on all training transcripts and writes
``src/mikit/data/lexicons/counselor/weights.json``. Test transcripts are never read
for fitting. numpy is needed here only; the coder itself reads the JSON with dict
lookups.

Cite AnnoMI: Wu et al., ICASSP 2022; Future Internet 15(3):110, 2023.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from mikit.coding.counselor import _REFLECTIONS, Behavior, _analyse
from mikit.datasets import annomi
from mikit.evaluation import auroc, classification_report

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
MIN_TRANSCRIPTS = 3
FOLDS = 5
ITERATIONS = 300
RATE = 0.05
PENALTIES = (3e-3, 1e-2, 3e-2)
POWERS = (0.5,)
KEEP = 2e-3
"""Weights smaller than this (in every head) are dropped from the file."""
SCALE = 1000
"""Feature weights are stored as integers in thousandths, to keep the file small."""
R_OFFSETS = (-1.0, -0.75, -0.5, -0.25, 0.0)
Q_OFFSETS = (-0.5, -0.25, 0.0, 0.25)
F1_SLACK = 0.005
"""How much cross-validated macro-F1 the offsets may give up for a better R:Q AUROC."""


@dataclass
class Row:
    """One training counsellor turn: its transcript, features and gold labels."""

    transcript: int
    high: bool
    features: list[str]
    main: int
    open_: int | None
    complex_: int | None
    rule_question: bool
    rule_reflection: bool


def examples(data: Path) -> list[Row]:
    """Features and labels of every labelled counsellor turn of the TRAIN transcripts."""
    simple = annomi.load(data / "AnnoMI-simple.csv")
    full = annomi.load(data / "AnnoMI-full.csv")
    out = []
    for ts, tf in zip(simple, full, strict=True):
        if annomi.is_test(ts):
            continue
        utterances = list(zip(ts, tf, strict=True))
        previous = None
        for i, (us, uf) in enumerate(utterances):
            if us.is_client:
                previous = us.text
                continue
            label = us.annotations.get("main_therapist_behaviour")
            if label is None:
                continue
            nxt = utterances[i + 1][0] if i + 1 < len(utterances) else None
            following = nxt.text if nxt is not None and nxt.is_client else None
            turn = _analyse(us.text, previous, following)
            found = [f for fs in turn.found for f in fs]
            names = list(dict.fromkeys(name for name, _s, _e in turn.features))
            gold = uf.annotations.get("main_therapist_behaviour")
            sub_r = uf.annotations.get("reflection_subtype")
            sub_q = uf.annotations.get("question_subtype")
            out.append(
                Row(
                    transcript=int(ts.id or 0),
                    high=ts.annotations["mi_quality"] == "high",
                    features=names,
                    main=LABELS.index(label),
                    open_=None if gold != "question" or sub_q is None else int(sub_q == "open"),
                    complex_=(
                        None if gold != "reflection" or sub_r is None else int(sub_r == "complex")
                    ),
                    rule_question=any(f.behavior is Behavior.QUESTION for f in found),
                    rule_reflection=any(f.behavior in _REFLECTIONS for f in found),
                )
            )
    return out


def vocabulary(rows: list[Row]) -> list[str]:
    """Features seen in at least MIN_TRANSCRIPTS distinct transcripts."""
    where: dict[str, set[int]] = defaultdict(set)
    for r in rows:
        for f in r.features:
            where[f].add(r.transcript)
    return sorted(f for f, ts in where.items() if len(ts) >= MIN_TRANSCRIPTS)


class Sparse:
    """A binary feature matrix as the column index of every non-zero, row by row."""

    def __init__(self, rows: list[list[int]], width: int) -> None:
        self.shape = (len(rows), width)
        self.cols = np.array([j for r in rows for j in r], dtype=np.int64)
        self.rows = np.array([i for i, r in enumerate(rows) for _ in r], dtype=np.int64)

    def take(self, keep: list[int]) -> Sparse:
        """The sub-matrix of the rows *keep*."""
        by_row: list[list[int]] = [[] for _ in range(self.shape[0])]
        for i, j in zip(self.rows.tolist(), self.cols.tolist(), strict=True):
            by_row[i].append(j)
        return Sparse([by_row[i] for i in keep], self.shape[1])

    def __matmul__(self, w: np.ndarray) -> np.ndarray:
        if w.ndim == 1:
            return np.bincount(self.rows, weights=w[self.cols], minlength=self.shape[0])
        picked = w[self.cols]
        return np.stack(
            [
                np.bincount(self.rows, weights=picked[:, c], minlength=self.shape[0])
                for c in range(w.shape[1])
            ],
            axis=1,
        )

    def t_matmul(self, g: np.ndarray) -> np.ndarray:
        """The transpose times *g* (rows x classes)."""
        k = g.shape[1]
        return np.stack(
            [
                np.bincount(self.cols, weights=g[self.rows, c], minlength=self.shape[1])
                for c in range(k)
            ],
            axis=1,
        )


def matrix(rows: list[Row], vocab: list[str]) -> Sparse:
    """The binary feature matrix of *rows* over *vocab*."""
    index = {f: j for j, f in enumerate(vocab)}
    return Sparse(
        [[j for f in r.features if (j := index.get(f)) is not None] for r in rows], len(vocab)
    )


def fit_softmax(
    x: Sparse, y: np.ndarray, k: int, penalty: float, power: float
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2 on the weights (not the bias), full-batch Adam.

    The loss is the class-weighted mean log loss plus penalty / 2 * |W|^2; class c
    weighs (n / (k * n_c)) ** power.
    """
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(np.float64)
    cw = np.where(counts > 0, (n / (k * np.maximum(counts, 1))) ** power, 0.0)
    sw = cw[y]
    sw = sw / sw.sum()
    w = np.zeros((d, k))
    b = np.zeros(k)
    mw, vw = np.zeros_like(w), np.zeros_like(w)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    for t in range(1, ITERATIONS + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * sw[:, None]
        gw = x.t_matmul(g) + penalty * w
        gb = g.sum(axis=0)
        rate = RATE / math.sqrt(1 + t / 100)
        _adam(w, gw, mw, vw, t=t, rate=rate)
        _adam(b, gb, mb, vb, t=t, rate=rate)
    return w, b


def _adam(
    param: np.ndarray, grad: np.ndarray, m: np.ndarray, v: np.ndarray, *, t: int, rate: float
) -> None:
    """One Adam step, in place."""
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    m *= beta1
    m += (1 - beta1) * grad
    v *= beta2
    v += (1 - beta2) * grad * grad
    param -= rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)


@dataclass
class Model:
    """The three heads over one vocabulary."""

    vocab: list[str]
    main: tuple[np.ndarray, np.ndarray]
    open_: tuple[np.ndarray, np.ndarray]
    complex_: tuple[np.ndarray, np.ndarray]


def _binary(w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return w[:, 1] - w[:, 0], np.asarray(b[1] - b[0])


_CONTEXT = ("p:", "n:", "n2:", "nlen:", "overlap:", "new:", "client_asked")


def without_context(row: Row) -> Row:
    """*row* as coded with neither client turn known."""
    return replace(row, features=[f for f in row.features if not f.startswith(_CONTEXT)])


def fit(rows: list[Row], penalty: float, power: float) -> Model:
    """Fit the three heads on *rows*, each also seen without its context.

    The copies without the client's turns teach the weights to code a turn given
    alone (``code_counselor(text)``) as well as one inside a transcript.
    """
    rows = rows + [without_context(r) for r in rows]
    vocab = vocabulary(rows)
    x = matrix(rows, vocab)
    y = np.array([r.main for r in rows])
    main = fit_softmax(x, y, len(LABELS), penalty, power)
    qi = [i for i, r in enumerate(rows) if r.open_ is not None]
    qy = np.array([rows[i].open_ for i in qi])
    open_ = _binary(*fit_softmax(x.take(qi), qy, 2, penalty, power))
    ci = [i for i, r in enumerate(rows) if r.complex_ is not None]
    cy = np.array([rows[i].complex_ for i in ci])
    complex_ = _binary(*fit_softmax(x.take(ci), cy, 2, penalty, power))
    return Model(vocab, main, open_, complex_)


def predict(model: Model, rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Main-behaviour logits, open logits and complex logits of *rows*."""
    x = matrix(rows, model.vocab)
    return (
        x @ model.main[0] + model.main[1],
        x @ model.open_[0] + model.open_[1],
        x @ model.complex_[0] + model.complex_[1],
    )


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _fold(r: Row) -> int:
    return (r.transcript // 5) % FOLDS


_NEXT = ("n:", "n2:", "nlen:")


def without_next(row: Row) -> Row:
    """*row* as coded without the client's next turn."""
    return replace(row, features=[f for f in row.features if not f.startswith(_NEXT)])


def out_of_fold(
    rows: list[Row], penalty: float, power: float
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """Cross-validated logits of every row, folds grouped by transcript.

    Returns the logits with the client's next turn known, and without it.
    """
    n = len(rows)
    both = [(np.zeros((n, len(LABELS))), np.zeros(n), np.zeros(n)) for _ in range(2)]
    for fold in range(FOLDS):
        train = [r for r in rows if _fold(r) != fold]
        held = [i for i, r in enumerate(rows) if _fold(r) == fold]
        model = fit(train, penalty, power)
        for out, strip in zip(both, (False, True), strict=True):
            m, o, c = predict(model, [without_next(rows[i]) if strip else rows[i] for i in held])
            out[0][held], out[1][held], out[2][held] = m, o, c
    return both[0], both[1]


def _threshold(logits: np.ndarray, gold: np.ndarray, macro: bool) -> tuple[float, float]:
    """The logit threshold with the best accuracy (or macro-F1) on *gold*, and that score."""
    best = (0.0, -1.0)
    for t in np.arange(-2.0, 2.01, 0.1):
        pred = (logits > t).astype(int)
        if macro:
            names = ("0", "1")
            score = classification_report(
                [names[g] for g in gold], [names[p] for p in pred], labels=names
            ).macro_f1
        else:
            score = float((pred == gold).mean())
        if score > best[1] + 1e-9:
            best = (round(float(t), 2), score)
    return best


def _rq(r: float, q: float) -> float:
    return r / q if q else r


def rq_separation(rows: list[Row], main: np.ndarray, margin: float) -> dict[str, float]:
    """AUROC of R:Q over training transcripts under three ways of counting."""
    pred = keep_rules(rows, main, margin)
    prob = _softmax(main)
    q, r = LABELS.index("question"), LABELS.index("reflection")
    per: dict[int, list[float]] = defaultdict(lambda: [0.0] * 7)
    high: dict[int, bool] = {}
    for i, row in enumerate(rows):
        c = per[row.transcript]
        high[row.transcript] = row.high
        c[0] += pred[i] == r
        c[1] += pred[i] == q
        c[2] += pred[i] == r or row.rule_reflection
        c[3] += pred[i] == q or row.rule_question
        c[4] += prob[i, r]
        c[5] += prob[i, q]
        c[6] += 0.0
    ids = sorted(per)
    labels = [high[t] for t in ids]
    gold: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        gold[row.transcript][0] += row.main == r
        gold[row.transcript][1] += row.main == q
    return {
        "main behaviour": auroc([_rq(per[t][0], per[t][1]) for t in ids], labels),
        "any finding": auroc([_rq(per[t][2], per[t][3]) for t in ids], labels),
        "expected counts": auroc([_rq(per[t][4], per[t][5]) for t in ids], labels),
        "gold labels": auroc([_rq(*gold[t]) for t in ids], labels),
    }


def report(
    rows: list[Row], logits: tuple[np.ndarray, ...], t_open: float, t_cx: float, margin: float
) -> dict:
    """Cross-validated figures of the coder's decisions."""
    main, open_, complex_ = logits
    pred = keep_rules(rows, main, margin)
    rep = classification_report(
        [LABELS[r.main] for r in rows], [LABELS[p] for p in pred], labels=LABELS
    )
    qi = [i for i, r in enumerate(rows) if r.open_ is not None]
    q_acc = float(np.mean([(open_[i] > t_open) == rows[i].open_ for i in qi]))
    ci = [i for i, r in enumerate(rows) if r.complex_ is not None]
    names = ("simple", "complex")
    cx = classification_report(
        [names[rows[i].complex_ or 0] for i in ci],
        [names[int(complex_[i] > t_cx)] for i in ci],
        labels=names,
    )
    return {"main": rep, "open_accuracy": q_acc, "complex_macro_f1": cx.macro_f1}


def shift(main: np.ndarray, r_off: float, q_off: float) -> np.ndarray:
    """Main-behaviour logits with the reflection and question offsets added."""
    out = main.copy()
    out[:, LABELS.index("reflection")] += r_off
    out[:, LABELS.index("question")] += q_off
    return out


MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def keep_rules(rows: list[Row], main: np.ndarray, margin: float) -> np.ndarray:
    """Predicted labels: the rules' choice on their own lead stands unless outscored by margin."""
    pred = main.argmax(axis=1)
    for i, r in enumerate(rows):
        for f in r.features:
            if f.startswith("main:") and f.endswith(":lead"):
                k = LABELS.index(f.split(":")[1])
                if main[i, pred[i]] - main[i, k] <= margin:
                    pred[i] = k
    return pred


def choose_margin(rows: list[Row], main: np.ndarray) -> float:
    """The rule margin with the best cross-validated macro-F1 (the larger on a tie)."""
    gold = [LABELS[r.main] for r in rows]
    best = (-1.0, 0.0)
    for margin in MARGINS:
        pred = [LABELS[p] for p in keep_rules(rows, main, margin)]
        f1 = classification_report(gold, pred, labels=LABELS).macro_f1
        print(f"  rule margin {margin}: macro-F1 {f1:.3f}")
        if f1 >= best[0] - 1e-9:
            best = (f1, margin)
    return best[1]


def choose_offsets(rows: list[Row], main: np.ndarray, margin: float) -> tuple[float, float]:
    """Reflection and question offsets: the best R:Q AUROC within F1_SLACK of the best F1."""
    gold = [LABELS[r.main] for r in rows]
    grid = []
    for r_off in R_OFFSETS:
        for q_off in Q_OFFSETS:
            shifted = shift(main, r_off, q_off)
            pred = [LABELS[p] for p in keep_rules(rows, shifted, margin)]
            f1 = classification_report(gold, pred, labels=LABELS).macro_f1
            auc = rq_separation(rows, shifted, margin)["main behaviour"]
            grid.append((f1, auc, r_off, q_off))
    top = max(g[0] for g in grid)
    f1, auc, r_off, q_off = max((g for g in grid if g[0] >= top - F1_SLACK), key=lambda g: g[1])
    print(
        f"  offsets: reflection {r_off}, question {q_off}: macro-F1 {f1:.3f}, R:Q AUROC {auc:.3f}"
    )
    return r_off, q_off


def cross_validate(rows: list[Row]) -> tuple[float, float, float, float, dict]:
    """Choose penalty, class weighting and thresholds by grouped cross-validation."""
    best: tuple[float, float, float, tuple[np.ndarray, ...], tuple[np.ndarray, ...]] | None
    best = None
    for penalty in PENALTIES:
        for power in POWERS:
            logits, bare = out_of_fold(rows, penalty, power)
            gold = [LABELS[r.main] for r in rows]
            f1 = classification_report(
                gold, [LABELS[p] for p in logits[0].argmax(axis=1)], labels=LABELS
            ).macro_f1
            f1_bare = classification_report(
                gold, [LABELS[p] for p in bare[0].argmax(axis=1)], labels=LABELS
            ).macro_f1
            print(
                f"  L2 {penalty:g}, class-weight power {power}: main macro-F1 {f1:.3f} "
                f"({f1_bare:.3f} without the next turn)"
            )
            if best is None or f1 > best[0]:
                best = (f1, penalty, power, logits, bare)
    assert best is not None
    _f1, penalty, power, logits, bare = best
    qi = [i for i, r in enumerate(rows) if r.open_ is not None]
    t_open, _ = _threshold(logits[1][qi], np.array([rows[i].open_ for i in qi]), macro=False)
    ci = [i for i, r in enumerate(rows) if r.complex_ is not None]
    t_cx, _ = _threshold(logits[2][ci], np.array([rows[i].complex_ for i in ci]), macro=True)
    margin = choose_margin(rows, logits[0])
    r_off, q_off = choose_offsets(rows, logits[0], margin)
    logits = (shift(logits[0], r_off, q_off), logits[1], logits[2])
    bare = (shift(bare[0], r_off, q_off), bare[1], bare[2])
    figures = report(rows, logits, t_open, t_cx, margin)
    figures["rq"] = rq_separation(rows, logits[0], margin)
    figures["bare"] = report(rows, bare, t_open, t_cx, margin)
    figures["rq_bare"] = rq_separation(rows, bare[0], margin)
    figures["offsets"] = (r_off, q_off)
    figures["margin"] = margin
    return penalty, power, t_open, t_cx, figures


def to_json(model: Model, meta: dict) -> dict:
    """The package data file: one row of six weights per kept feature."""
    wm, bm = model.main
    wo, bo = model.open_
    wc, bc = model.complex_
    table = {}
    for j, name in enumerate(model.vocab):
        row = [*(float(v) for v in wm[j]), float(wo[j]), float(wc[j])]
        # Softmax weights are defined up to a shift: centre the four behaviours.
        centre = sum(row[:4]) / 4
        row[:4] = [v - centre for v in row[:4]]
        if max(abs(v) for v in row) >= KEEP:
            table[name] = [round(v * SCALE) for v in row]
    bias = [float(v) for v in bm]
    bias[LABELS.index("reflection")] += meta["reflection_offset"]
    bias[LABELS.index("question")] += meta["question_offset"]
    centre = sum(bias) / len(bias)
    return {
        **meta,
        "labels": list(LABELS),
        "scale": SCALE,
        "bias": [round(v - centre, 4) for v in bias] + [round(float(bo), 4), round(float(bc), 4)],
        "features": table,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="the AnnoMI folder")
    parser.add_argument("--cv", action="store_true", help="choose settings by grouped CV")
    parser.add_argument("--penalty", type=float, default=1e-3)
    parser.add_argument("--power", type=float, default=0.5)
    parser.add_argument("--open-threshold", type=float, default=0.0)
    parser.add_argument("--complex-threshold", type=float, default=0.0)
    parser.add_argument("--rule-margin", type=float, default=0.5)
    parser.add_argument("--subtype-margin", type=float, default=0.5)
    parser.add_argument(
        "--keep-rule-margin",
        action="store_true",
        help="write --rule-margin even when cross-validation prefers another",
    )
    parser.add_argument("--reflection-offset", type=float, default=0.0)
    parser.add_argument("--question-offset", type=float, default=0.0)
    parser.add_argument("--write", action="store_true", help="write the package data file")
    args = parser.parse_args()
    rows = examples(Path(args.data))
    print(f"train counsellor turns: {len(rows)} in {len({r.transcript for r in rows})} transcripts")
    penalty, power = args.penalty, args.power
    t_open, t_cx = args.open_threshold, args.complex_threshold
    offsets = (args.reflection_offset, args.question_offset)
    margin = args.rule_margin
    cv_note = "no cross-validation run"
    figures_margin: object = "not run"
    if args.cv:
        penalty, power, t_open, t_cx, figures = cross_validate(rows)
        offsets = figures["offsets"]
        figures_margin = figures["margin"]
        if not args.keep_rule_margin:
            margin = figures["margin"]
        rep = figures["main"]
        print(
            f"chosen: L2 {penalty:g}, power {power}, open > {t_open}, complex > {t_cx}, "
            f"rule margin {margin}, offsets {offsets}"
        )
        print(rep.to_text())
        print(f"open/closed accuracy {figures['open_accuracy']:.3f}")
        print(f"simple/complex macro-F1 {figures['complex_macro_f1']:.3f}")
        for name, value in figures["rq"].items():
            print(f"R:Q AUROC over train transcripts, {name}: {value:.3f}")
        bare = figures["bare"]
        print(
            f"without the next client turn: main macro-F1 {bare['main'].macro_f1:.3f}, "
            f"open/closed accuracy {bare['open_accuracy']:.3f}, simple/complex macro-F1 "
            f"{bare['complex_macro_f1']:.3f}, R:Q AUROC (main behaviour) "
            f"{figures['rq_bare']['main behaviour']:.3f}"
        )
        print(bare["main"].to_text())
        cv_note = (
            f"{FOLDS}-fold cross-validation within train, folds grouped by transcript: "
            f"main macro-F1 {rep.macro_f1:.3f}, open/closed accuracy "
            f"{figures['open_accuracy']:.3f}, simple/complex macro-F1 "
            f"{figures['complex_macro_f1']:.3f}, R:Q AUROC (main behaviour counts) "
            f"{figures['rq']['main behaviour']:.3f}; without the client's next turn: main "
            f"macro-F1 {figures['bare']['main'].macro_f1:.3f}"
        )
    model = fit(rows, penalty, power)
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    meta = {
        "_doc": (
            "Learned weights of the counsellor coder. Each feature row holds six weights: "
            "the four main behaviours (in the order of 'labels'; multinomial logistic "
            "regression of AnnoMI-simple main_therapist_behaviour), the open-question logit "
            "(logistic regression on turns AnnoMI-full codes as questions) and the "
            "complex-reflection logit (on turns coded as reflections); 'bias' likewise. "
            "Feature weights are integers in thousandths (divide by 'scale'); the bias is not. "
            "The main-behaviour bias already includes reflection_offset and question_offset, "
            "chosen by cross-validation as the best R:Q AUROC over training transcripts "
            f"within {F1_SLACK} of the best macro-F1. "
            "When the rules chose a main behaviour on their own lead (a wh-word, 'it sounds "
            "like', 'research shows'), it stands unless another behaviour scores more than "
            f"rule_margin higher (cross-validation within train chose {figures_margin}; "
            f"{margin} written). Likewise a question or reflection type found by a rule "
            "stands unless the learned logit is more than subtype_margin past its threshold. "
            "A question is open when its logit exceeds open_threshold, a reflection complex "
            "when its logit exceeds complex_threshold. Features: r:/rule:/last:/hit: rules "
            "fired, main: the rules' own choice, shape buckets, w: a lower-cased lightly "
            "stemmed word, b: two adjacent words, first: the first word, lb: the first two "
            "words of the last sentence, end: a final question mark, p: a word of the "
            "client's turn before, n:/n2:/nlen: the first words and length of the client's "
            "turn after. Every turn was fitted twice, with and without the client turns. "
            "Fitted on the AnnoMI TRAIN transcripts (transcript_id % 5 != 0) "
            "only, test transcripts unused; features kept only if seen in at least "
            f"{MIN_TRANSCRIPTS} distinct training transcripts; L2 {penalty:g}, class weights "
            f"(n / (k * n_c)) ** {power}, full-batch Adam, {ITERATIONS} steps; weights "
            f"below {KEEP} in every head dropped. {cv_note}. "
            f"Fitted by benchmarks/fit_counselor_weights.py on {today}."
        ),
        "open_threshold": t_open,
        "complex_threshold": t_cx,
        "rule_margin": margin,
        "subtype_margin": args.subtype_margin,
        "reflection_offset": offsets[0],
        "question_offset": offsets[1],
    }
    data = to_json(model, meta)
    print(f"features kept: {len(data['features'])}")
    if args.write:
        OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
